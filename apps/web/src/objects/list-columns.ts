import type { FieldDefinition, FieldType, ObjectDefinition } from '@tessera/schemas';
import type { RecordSort } from '../api/types';

const MAX_DEFAULT_COLUMNS = 8;

/** Types with nothing useful to show in one table cell. */
const NOT_IN_CELLS: ReadonlySet<FieldType> = new Set(['child_table', 'attachment', 'image', 'signature', 'rich_text']);

/** Sorting a uuid, an array or a long text by its stored value means nothing to a reader. */
const NOT_SORTABLE: ReadonlySet<FieldType> = new Set([
  'multi_select', 'long_text', 'rich_text', 'relation', 'user', 'department', 'region', 'child_table',
  'attachment', 'image', 'signature',
]);

export function isSortable(field: FieldDefinition): boolean {
  return !NOT_SORTABLE.has(field.type);
}

/** Columns of the object's first list view when it names any, else its first fields. */
export function columnFields(object: ObjectDefinition): FieldDefinition[] {
  const byId = new Map(object.fields.map((f) => [f.id, f]));
  const viewColumns = object.views?.[0]?.columns ?? [];
  const fromView = viewColumns.map((id) => byId.get(id)).filter((f): f is FieldDefinition => f !== undefined);
  if (fromView.length > 0) return fromView;
  return object.fields.filter((f) => !NOT_IN_CELLS.has(f.type)).slice(0, MAX_DEFAULT_COLUMNS);
}

const SEARCHABLE: ReadonlySet<FieldType> = new Set(['text', 'phone', 'email', 'url', 'auto_number']);

/** The quick search looks in the display field (a customer's name), else the first text-like field. */
export function searchField(object: ObjectDefinition): FieldDefinition | null {
  const display = object.displayField ? object.fields.find((f) => f.id === object.displayField) : undefined;
  return display ?? object.fields.find((f) => SEARCHABLE.has(f.type)) ?? null;
}

/**
 * The first view's sort, else newest first. The server appends `id` as the tie-breaker: it
 * builds the keyset cursor, so it owns the total order.
 */
export function defaultSort(object: ObjectDefinition): RecordSort[] {
  const fromView = (object.views?.[0]?.sort ?? []).map((s): RecordSort => ({ field: s.field, direction: s.direction ?? 'asc' }));
  return fromView.length > 0 ? fromView : [{ field: 'created_at', direction: 'desc' }];
}
