import { Dec } from '@tessera/expr';
import { canShowTotal, type FieldDefinition } from '@tessera/schemas';
import type { ChildRow, ChildRows } from './child-row';

export type ColumnTotals = Readonly<Record<string, string>>;

/** Columns whose total the admin asked for (`showTotal: true`) and that can have one (column-total.ts). */
export function isSummed(field: FieldDefinition): boolean {
  return field.showTotal === true && canShowTotal(field);
}

function decimal(value: unknown): Dec | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Dec(value) : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    return new Dec(value.trim());
  } catch {
    return null; // half-typed input: counts once it is a number
  }
}

/** Beyond this many changed lines a full pass is as cheap as adjusting. */
const MAX_ADJUSTED = 16;

/**
 * The footer's totals, exact (the formula language's decimals, blanks skipped as in SUM). Called
 * with each new list of lines; when the list has the same length (a cell edit), only the lines
 * whose object changed are taken out and put back in (where their value differs), so a
 * keystroke in a 1,000-line table costs a couple of additions, not a thousand.
 */
export function columnSums(fields: readonly FieldDefinition[], cellValue: (row: ChildRow, fieldId: string) => unknown) {
  let seen: ChildRows = [];
  let totals = fields.map(() => new Dec(0));
  let result: ColumnTotals = {};

  const add = (row: ChildRow) => {
    fields.forEach((field, i) => {
      const value = decimal(cellValue(row, field.id));
      if (value) totals[i] = totals[i]!.plus(value);
    });
  };
  /** One line replaced by another: only the columns whose value differs are adjusted. */
  const replace = (before: ChildRow, after: ChildRow) => {
    fields.forEach((field, i) => {
      const old = cellValue(before, field.id);
      const next = cellValue(after, field.id);
      if (Object.is(old, next)) return;
      const [minus, plus] = [decimal(old), decimal(next)];
      if (minus) totals[i] = totals[i]!.minus(minus);
      if (plus) totals[i] = totals[i]!.plus(plus);
    });
  };

  return (rows: ChildRows): ColumnTotals => {
    if (rows === seen) return result;
    const changed: number[] = [];
    if (rows.length === seen.length) {
      for (let i = 0; i < rows.length && changed.length <= MAX_ADJUSTED; i += 1) if (rows[i] !== seen[i]) changed.push(i);
    }
    if (rows.length === seen.length && changed.length <= MAX_ADJUSTED) {
      for (const i of changed) replace(seen[i]!, rows[i]!);
    } else {
      totals = fields.map(() => new Dec(0));
      for (const row of rows) add(row);
    }
    seen = rows;
    const next = Object.fromEntries(fields.map((field, i) => [field.id, totals[i]!.toFixed()]));
    if (fields.some((f) => next[f.id] !== result[f.id])) result = next;
    return result;
  };
}
