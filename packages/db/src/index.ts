export { openDatabase, type Database, type DatabaseKind, type OpenOptions } from './connect';
export { migrateToLatest } from './migrations';
export type * from './system-tables';
export type { Notifications, NotificationHandler } from './notifications';
