import type { ObjectDefinition } from '@tessera/schemas';
import type { Problem, ProblemFieldError } from '../../api/problem';
import { isChildRows } from './child-row';

/** Where a line's cell keeps its messages in the form store's `errors`: by the line's key, so they follow the line when it moves. */
export function cellErrorKey(tableField: string, rowKey: string, childField: string): string {
  return `${tableField}/${rowKey}/${childField}`;
}

export interface ChildErrors {
  /** Messages per cell, keyed by `cellErrorKey`. */
  cells: Record<string, string[]>;
  /** Child-table field → how many of its lines have a message. */
  linesWithErrors: Record<string, number>;
  /** The problem without the messages that went to cells: for the fields and the general list. */
  rest: Problem | null;
}

function segments(pointer: string | undefined): string[] {
  return (pointer ?? '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Takes the server's messages that point into a line (`/values/lines/3/qty`) out of a problem and
 * puts each on its cell. `values` are the form values that were sent, so index 3 is the line that
 * was fourth on screen. Anything else (the table as a whole, an index that no longer exists)
 * stays in `rest`, so no message is dropped.
 */
export function childErrorsOf(problem: Problem | null, object: ObjectDefinition, values: Readonly<Record<string, unknown>>): ChildErrors {
  const result: ChildErrors = { cells: {}, linesWithErrors: {}, rest: problem };
  if (!problem?.errors) return result;
  const tables = new Set(object.fields.filter((f) => f.type === 'child_table').map((f) => f.id));
  const rest: ProblemFieldError[] = [];
  const lines = new Map<string, Set<string>>();
  for (const error of problem.errors) {
    const [root, table, index, childField] = segments(error.pointer);
    const rows = table !== undefined ? values[table] : undefined;
    const row = isChildRows(rows) && index !== undefined && /^\d+$/.test(index) ? rows[Number(index)] : undefined;
    if (root !== 'values' || !table || !tables.has(table) || !row || !childField) {
      rest.push(error);
      continue;
    }
    (result.cells[cellErrorKey(table, row.key, childField)] ??= []).push(error.message);
    const keys = lines.get(table) ?? new Set<string>();
    lines.set(table, keys.add(row.key));
  }
  for (const [table, keys] of lines) result.linesWithErrors[table] = keys.size;
  result.rest = { ...problem, errors: rest };
  return result;
}
