export { type Database, type DatabaseKind, type OpenOptions, openDatabase, type PoolUse } from './connect';
export { isConnectionLost, isNoConnectionInTime } from './connection-lost';
export { DataDirInUse, type DataDirLock, lockDataDir } from './data-dir-lock';
export { migrateToLatest } from './migrations';
export type { NotificationHandler, Notifications } from './notifications';
export { PREPARED } from './prepared-statements';
export type * from './system-tables';
export { isTransientConflict, TRANSACTION_ATTEMPTS, transactionWithRetry } from './transient-conflict';
