export { type BulkResult, type BulkSelection, DEFAULT_BULK_LIMIT } from './bulk';
export type { SavedComment } from './comments';
export { dataVersionsSubscriber, readDataVersions, settledDataVersions } from './data-versions';
export { dormantJoins } from './dormant';
export type { RuleMatch } from './duplicate-matches';
export { type DuplicateCandidate, type DuplicateScan, duplicateRecordIds, type ScannedGroup } from './duplicates';
export { formulaPredicate } from './formula-filter';
export { APPS_CHANNEL, compileLiveApp, createLiveAppCache, type LiveApp, type LiveAppCache, objectOf } from './live-app';
export type { MergeRequest, MergeResult } from './merge-records';
export type { AheadVerdict, CreateInput, RefusedRow } from './prepare-write';
export type { RecordRow } from './record-columns';
export { formulaContext, type RecordContext, requireAction } from './record-context';
export { type FieldIssue, localizeFieldIssues, RecordError, type RecordErrorCode } from './record-error';
export { buildRecordJsonSchemas, JSON_SHAPE, jsonShapeOf, type RecordJsonSchemas, recordJsonSchemas } from './record-json-schema';
export { EXACT_COUNT_LIMIT, filterPredicates, type ListQuery, type ListResult, type ListTotal } from './record-list';
export type { FoundRecord } from './record-lookup';
export {
  type AccessResolver,
  type CreateManyOptions,
  createRecordService,
  type RecordService,
  type RecordServiceOptions,
  type WriteOptions,
} from './record-service';
export { sanitizeRichText } from './record-validator';
export type { CreateManyResult } from './record-write';
export { rowScopeAt } from './row-scope';
export { unstorableText } from './storable-text';
export type { RecordEdit, UpdateEachResult } from './update-each';
export type { RecordWriteGuard } from './write-guard';
