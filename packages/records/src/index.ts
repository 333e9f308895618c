export { type BulkResult, type BulkSelection, DEFAULT_BULK_LIMIT } from './bulk';
export { dataVersionsSubscriber, readDataVersions } from './data-versions';
export { compileLiveApp, createLiveAppCache, type LiveApp, type LiveAppCache } from './live-app';
export type { CreateInput, RefusedRow } from './prepare-write';
export type { RecordRow } from './record-columns';
export type { RecordContext } from './record-context';
export { type FieldIssue, localizeFieldIssues, RecordError, type RecordErrorCode } from './record-error';
export { EXACT_COUNT_LIMIT, type ListQuery, type ListResult } from './record-list';
export type { FoundRecord } from './record-lookup';
export {
  type AccessResolver,
  type CreateManyOptions,
  createRecordService,
  type RecordService,
  type RecordServiceOptions,
  type WriteOptions,
} from './record-service';
export type { CreateManyResult } from './record-write';
export type { RecordEdit, UpdateEachResult } from './update-each';
export type { RecordWriteGuard } from './write-guard';
