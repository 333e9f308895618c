/**
 * `@tessera/ui/filter-rules`: what the list view's filter builder can send and sort by, as pure
 * functions. The server's tests (apps/server live-access.test.ts) check every condition it builds
 * against the records API, so the two cannot drift apart.
 */

export { cellFields, isSortable } from '../objects/list-columns';
export { type DraftValue, toCondition } from './filter-condition';
export { type FilterableField, filterableFields } from './filter-fields';
export { operatorsFor, valueShape } from './filter-operators';
