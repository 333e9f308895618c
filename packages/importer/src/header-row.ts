import type { ObjectDefinition } from '@tessera/schemas';
import { type CellValue, isEmptyCell, type SheetRow } from './sheet-row';
import { normalizeHeader } from './suggest-mapping';

/** How many rows from the top may sit above the header (a title, a note, a merged banner). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The row holding the column titles: among the first rows, the one that names the most of the
 * object's fields (by label in any language, or id), with more filled text cells breaking ties.
 * A title row merged across the columns fills one cell, so it loses to the real header.
 */
export function detectHeaderRow(rows: readonly SheetRow[], object: ObjectDefinition): number {
  const names = new Set(object.fields.flatMap((f) => [f.id, ...Object.values(f.label ?? {})].map((n) => normalizeHeader(String(n)))));
  let best: { number: number; score: number } | null = null;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const texts = row.cells.filter((c): c is string => typeof c === 'string' && !isEmptyCell(c));
    if (texts.length === 0) continue;
    const matches = texts.filter((t) => names.has(normalizeHeader(t))).length;
    const score = matches * 1000 + texts.length;
    if (!best || score > best.score) best = { number: row.number, score };
  }
  return best?.number ?? rows[0]?.number ?? 1;
}

/** The column titles of the header row, one per column; a column without one is called by its letter. */
export function headerTitles(cells: readonly CellValue[]): string[] {
  return cells.map((cell, i) => (isEmptyCell(cell) ? columnLetter(i) : String(cell).trim()));
}

/** 0 → A, 25 → Z, 26 → AA: the column's name as a spreadsheet shows it. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
