import type { ListView } from '@tessera/schemas';
import type { IndexDefinition } from './ddl-steps';

export type IndexColumns = IndexDefinition['columns'];

/** Filters that pick one value (or a few, or none): the leading columns of a view's index. */
const EQUALITY_OPS: ReadonlySet<string> = new Set(['eq', 'in', 'is_empty']);

/**
 * The columns of the composite index a list view asks for: its equality filters first, then its
 * sort, then id (a stable order for keyset paging); none when the view neither filters by
 * equality nor sorts. One definition: publishing builds it (desired-indexes.ts), the studio shows it.
 */
export function viewIndexColumns(view: Pick<ListView, 'filters' | 'sort'>): IndexColumns {
  const columns: IndexColumns = [];
  const seen = new Set<string>();
  const push = (column: string, direction: 'asc' | 'desc') => {
    if (seen.has(column)) return;
    seen.add(column);
    columns.push({ column, direction });
  };
  for (const filter of view.filters ?? []) if (EQUALITY_OPS.has(filter.op)) push(filter.field, 'asc');
  for (const key of view.sort ?? []) push(key.field, key.direction ?? 'asc');
  if (columns.length === 0) return columns;
  push('id', view.sort?.at(-1)?.direction ?? 'asc');
  return columns;
}

/** An index's columns as an admin reads them: `(stage, owner_id, created_at desc, id)`. */
export function indexColumnsText(columns: IndexColumns): string {
  return `(${columns.map((c) => (c.direction === 'desc' ? `${c.column} desc` : c.column)).join(', ')})`;
}
