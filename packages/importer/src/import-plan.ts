import type { MessageParams } from '@tessera/i18n';
import type { LocalizedText } from '@tessera/schemas';
import type { ImportLaps } from './import-laps';
import type { CellValue } from './sheet-row';

/** How an existing record is recognised, and what happens to a row that matches one. */
export type DedupMode = 'skip' | 'update' | 'create';

/** What the user chose in the wizard: which sheet and header row, which column fills which field, how duplicates go. */
export interface ImportPlan {
  /** 1-based position of the sheet in the workbook (1 for a CSV). */
  sheet: number;
  /** The row number (as the spreadsheet shows it) of the column titles; data starts below it. */
  headerRow: number;
  /** Columns (0-based: A = 0) and the field each fills; columns not listed are ignored. */
  columns: { column: number; field: string }[];
  /**
   * What identifies a record already there — a mapped field (credit code, phone, e-mail, name) or
   * one of the object's match rules — and what to do with a row that matches one.
   */
  dedup?: (({ field: string; rule?: undefined } | { rule: string; field?: undefined }) & { mode: DedupMode }) | null | undefined;
  /** `all`: one bad row and nothing is imported; `valid`: the valid rows are, the others reported. */
  atomicity: 'all' | 'valid';
}

/** One problem of one row of the file, in the file's terms: its row number and column title. */
export interface RowIssue {
  row: number;
  /** The column's title in the file, when the problem is about one column. */
  column: string | null;
  field: string;
  code: string;
  params: MessageParams;
  label?: LocalizedText | undefined;
}

export interface ImportCounts {
  /** Data rows read (empty rows not counted). */
  rows: number;
  created: number;
  updated: number;
  /** Rows matching an existing record in `skip` mode. */
  skipped: number;
  /** Rows refused, each with at least one issue. */
  refused: number;
}

export interface ImportOutcome {
  counts: ImportCounts;
  /** False when nothing was written: a dry run, or `all` with refused rows. */
  committed: boolean;
  titles: string[];
  issues: RowIssue[];
  /** The refused rows as they were in the file, for the error report. */
  refusedRows: { row: number; cells: CellValue[] }[];
  /** Where the run's time went. */
  laps: ImportLaps;
}
