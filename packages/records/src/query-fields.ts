import { type FilterColumn, isSystemColumn, operatorsFor, SORTABLE, SYSTEM_COLUMN_TYPES, sqlTypeOf } from '@tessera/meta';
import type { ObjectDefinition } from '@tessera/schemas';

export { operatorsFor, SORTABLE };

/** What a filter or sort key can do with a column depends only on its SQL type. */
export interface QueryableColumn extends FilterColumn {
  id: string;
}

/** A column the actor may filter or sort on: a system column or a live, visible field. */
export function queryableColumn(
  object: ObjectDefinition,
  id: string,
  hidden: ReadonlySet<string>,
  computedOnRead: ReadonlySet<string> = new Set(),
): QueryableColumn | null {
  if (isSystemColumn(id)) return { id, sqlType: SYSTEM_COLUMN_TYPES[id] ?? 'text', field: null };
  // Rollups have no stored column to filter or sort on (yet).
  if (hidden.has(id) || computedOnRead.has(id)) return null;
  const field = object.fields.find((f) => f.id === id);
  const sqlType = field ? sqlTypeOf(field) : null;
  return field && sqlType ? { id, sqlType, field } : null;
}
