export { createRecordService, type RecordService, type AccessResolver } from './record-service';
export { createLiveAppCache, compileLiveApp, type LiveApp, type LiveAppCache } from './live-app';
export { RecordError, localizeFieldIssues, type FieldIssue, type RecordErrorCode } from './record-error';
export { EXACT_COUNT_LIMIT, type ListQuery, type ListResult } from './record-list';
export type { RecordRow } from './record-columns';
export { BULK_LIMIT, type BulkResult } from './bulk';
