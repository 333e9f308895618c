import type { FieldValue } from '../../api/types';
import { type ChildRow, type ChildRows, newRowKey } from './child-row';

/**
 * What the grid does to its lines, as pure functions: each returns a new list and keeps every
 * untouched line's object, so only the rows that changed re-render.
 */

export function addRow(rows: ChildRows, at: number = rows.length): ChildRows {
  const row: ChildRow = { key: newRowKey(), values: {} };
  const index = Math.max(0, Math.min(at, rows.length));
  return [...rows.slice(0, index), row, ...rows.slice(index)];
}

export function removeRow(rows: ChildRows, index: number): ChildRows {
  if (index < 0 || index >= rows.length) return rows;
  return [...rows.slice(0, index), ...rows.slice(index + 1)];
}

/** Moves the line at `from` so that it ends up at index `to` (drag and drop, or one step up/down). */
export function moveRow(rows: ChildRows, from: number, to: number): ChildRows {
  if (from === to || from < 0 || from >= rows.length || to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** One cell's new value; the line keeps its key and id, and nothing changes when the value is the same. */
export function setCell(rows: ChildRows, index: number, fieldId: string, value: FieldValue): ChildRows {
  const row = rows[index];
  if (!row || Object.is(row.values[fieldId], value)) return rows;
  const next = [...rows];
  next[index] = { ...row, values: { ...row.values, [fieldId]: value } };
  return next;
}

/** The keys in order, or `previous` itself when they did not change (a cell edit), so key subscribers stay put. */
export function rowKeys(rows: ChildRows, previous: readonly string[] = []): readonly string[] {
  if (rows.length === previous.length && rows.every((row, i) => row.key === previous[i])) return previous;
  return rows.map((row) => row.key);
}
