import type { DrillDown, ReportKey, ReportResult, ReportRow } from './report-result';

/** The four answers a pivot is built from: both dimensions crossed, each alone (the totals), and neither (the grand total). */
export interface PivotAnswers {
  cells: ReportResult;
  rows: ReportResult;
  columns: ReportResult;
  total: ReportResult;
}

export interface PivotCell {
  value: number | string | null;
  /** The records behind the cell; null for an empty crossing (nothing to list). */
  drill: DrillDown | null;
}

export interface PivotLine {
  key: ReportKey;
  cells: PivotCell[];
  total: PivotCell;
}

export interface PivotTable {
  measure: string;
  rowDimension: ReportResult['dimensions'][number] | null;
  columnDimension: ReportResult['dimensions'][number] | null;
  columns: { key: ReportKey; total: PivotCell }[];
  rows: PivotLine[];
  total: PivotCell;
}

const keyId = (key: ReportKey | undefined) => JSON.stringify(key?.value ?? null);

const cellOf = (row: ReportRow | undefined, measure: string): PivotCell =>
  row ? { value: row.values[measure] ?? null, drill: row.drill } : { value: null, drill: null };

/**
 * Rows × columns × one measure. Row and column order are those of the one-dimension answers —
 * the engine's natural order (select options as defined, dates ascending) or the report's sort —
 * and totals come from those answers too, not from adding cells: an average, a median or a
 * distinct count of a row is not the sum of its cells.
 */
export function pivotTable(answers: PivotAnswers, measure: string): PivotTable {
  const [rowDimension, columnDimension] = answers.cells.dimensions;
  const rowId = rowDimension?.id ?? '';
  const columnId = columnDimension?.id ?? '';
  const crossed = new Map(answers.cells.rows.map((row) => [`${keyId(row.keys[rowId])}|${keyId(row.keys[columnId])}`, row] as const));
  const columnKeys = answers.columns.rows.map((row) => ({ key: row.keys[columnId] ?? { value: null, label: null }, total: cellOf(row, measure) }));
  const rows = answers.rows.rows.map((row): PivotLine => {
    const key = row.keys[rowId] ?? { value: null, label: null };
    return {
      key,
      cells: columnKeys.map((column) => cellOf(crossed.get(`${keyId(key)}|${keyId(column.key)}`), measure)),
      total: cellOf(row, measure),
    };
  });
  return {
    measure,
    rowDimension: rowDimension ?? null,
    columnDimension: columnDimension ?? null,
    columns: columnKeys,
    rows,
    total: cellOf(answers.total.rows[0], measure),
  };
}
