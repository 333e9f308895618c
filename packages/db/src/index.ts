export { type Database, type DatabaseKind, type OpenOptions, openDatabase } from './connect';
export { migrateToLatest } from './migrations';
export type { NotificationHandler, Notifications } from './notifications';
export type * from './system-tables';
