/**
 * `@tessera/meta/validate`: the checks every write of an app document passes — structure (ajv over
 * `schemas/`) and meaning (references, formulas, forms, flows) — without the database. The studio
 * runs exactly these in the browser as a draft is edited; the server runs them on save and publish.
 * Nothing imported from here may reach `@tessera/db`, kysely or `node:` modules
 * (validate-entry.test.ts walks the imports to keep it so).
 */

/** Which field types may be unique or encrypted: the same sets the checks use, for the studio to offer only what passes. */
export { ENCRYPTABLE_TYPES, UNIQUE_CAPABLE_TYPES } from './column-types';
/** What deleting an app removes, as the server answers and the studio lists it. */
export type { DeletionImpact } from './deletion-impact';
/** What differs between two documents (what a publish would change; what another admin changed in a draft). */
export { type DocumentChange, diffDocuments } from './diff-documents';
/** The filter operators a column answers (the records service's table): the studio's view designer offers only these. */
export { type FilterColumn, operatorsFor, SORTABLE, SYSTEM_COLUMN_TYPES } from './filter-operators';
export { type LocalizedIssue, localizeIssues, type MetaIssue } from './issue';
/** What a report may group, count and filter by, and which aggregates fit a column: the studio's dashboard designer offers only what the checks accept. */
export { aggregateFits, type ReportColumn, reportColumn, reportColumns } from './report-fields';
export { rollupFieldIds } from './rollup-formulas';
/** What a type change does to stored rows, as the server's preview answers it. */
export type { FieldTypeChangePreview, TypeChangePreview } from './type-change-types';
export { type DocumentVerdict, draftProblems, validateDocument } from './validate-document';
/** The index a list view asks publishing to build, as the server derives it, and how an admin reads it. */
export { type IndexColumns, indexColumnsText, viewIndexColumns } from './view-index';
