import { readCsvRows } from './read-csv';
import { readXlsxRows } from './read-xlsx';
import type { SheetInfo, SheetRow, TableKind, TableSource } from './sheet-row';
import { listXlsxSheets } from './xlsx-sheets';

/** The kind of an uploaded file, from its name (the bytes of an .xlsx are a zip; a CSV is any text). */
export function tableKindOf(fileName: string): TableKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

/** The rows of one sheet of a file, streamed. */
export function readRows(source: TableSource, kind: TableKind, sheet = 1): AsyncGenerator<SheetRow> {
  return kind === 'xlsx' ? readXlsxRows(source, sheet) : readCsvRows(source);
}

export async function listSheets(source: TableSource, kind: TableKind): Promise<SheetInfo[]> {
  return kind === 'xlsx' ? listXlsxSheets(source) : [{ index: 1, name: 'CSV' }];
}

/** The first `count` rows of a sheet (a preview), stopping the stream there. */
export async function firstRows(source: TableSource, kind: TableKind, sheet: number, count: number): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readRows(source, kind, sheet)) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}
