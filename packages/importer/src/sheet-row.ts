import type { Readable } from 'node:stream';

/** A cell as the importer sees it, whatever file it came from: text, a number, a yes/no, a date, or nothing. */
export type CellValue = string | number | boolean | Date | null;

/** One row of a sheet: its number as the user sees it (1-based, counting empty rows) and its cells (index 0 = column A). */
export interface SheetRow {
  number: number;
  cells: CellValue[];
}

/** The file kinds the importer reads. */
export type TableKind = 'xlsx' | 'csv';

/** A sheet of a workbook (a CSV file is one sheet). */
export interface SheetInfo {
  /** 1-based position in the workbook. */
  index: number;
  name: string;
}

/** True for a cell with nothing in it (spaces only count as nothing). */
export function isEmptyCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isEmptyRow(cells: readonly CellValue[]): boolean {
  return cells.every(isEmptyCell);
}

/** Opens the uploaded file's bytes afresh each time (a preview, then the run, read it again). */
export type TableSource = () => Readable;

/**
 * A copy of a row's cells that holds nothing else, for a row kept to the end of an import (a
 * refused row, for the report): a parser's strings may be slices of the chunk they were read
 * from, and keeping one would keep the whole chunk.
 */
export function detachedCells(cells: readonly CellValue[]): CellValue[] {
  return cells.map((cell) => (typeof cell === 'string' ? Buffer.from(cell, 'utf8').toString('utf8') : cell));
}
