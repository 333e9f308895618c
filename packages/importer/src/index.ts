import './messages';

export { cellToValue, excelSerialToDate } from './cell-values';
export { checkPlan } from './check-plan';
export { errorReport, issueMessage } from './error-report';
export { type ExportFormat, type ExportQuery, exportRecords } from './export-records';
export { columnLetter, detectHeaderRow } from './header-row';
export { createBatch, type ImportBatch, markRunning, readBatch, readErrors, type StoredErrors, saveOutcome } from './import-batches';
export { ImportError, type ImportErrorCode } from './import-error';
export type { DedupMode, ImportCounts, ImportOutcome, ImportPlan, RowIssue } from './import-plan';
export { type FilePreview, inspectFile } from './inspect-file';
export { detectCsvEncoding, readCsvRows } from './read-csv';
export { listSheets, readRows, tableKindOf } from './read-table';
export { readXlsxRows } from './read-xlsx';
export { type ImporterDeps, type ImportTarget, ROWS_PER_CHUNK, runImport } from './run-import';
export type { CellValue, SheetInfo, SheetRow, TableKind, TableSource } from './sheet-row';
export { importableFields, normalizeHeader, suggestMapping } from './suggest-mapping';
export { type UndoResult, undoImport } from './undo-import';
