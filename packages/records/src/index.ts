export {
  createRecordService,
  type RecordService,
  type RecordServiceOptions,
  type AccessResolver,
  type WriteOptions,
  type CreateManyOptions,
} from './record-service';
export { createLiveAppCache, compileLiveApp, type LiveApp, type LiveAppCache } from './live-app';
export { RecordError, localizeFieldIssues, type FieldIssue, type RecordErrorCode } from './record-error';
export { EXACT_COUNT_LIMIT, type ListQuery, type ListResult } from './record-list';
export type { RecordRow } from './record-columns';
export { DEFAULT_BULK_LIMIT, type BulkResult, type BulkSelection } from './bulk';
export type { CreateManyResult } from './record-write';
export type { CreateInput, RefusedRow } from './prepare-write';
export { dataVersionsSubscriber, readDataVersions } from './data-versions';
