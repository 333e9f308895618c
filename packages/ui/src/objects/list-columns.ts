import type { FieldDefinition, FieldType, ObjectDefinition } from '@tessera/schemas';

const MAX_DEFAULT_COLUMNS = 8;
const NONE: ReadonlySet<string> = new Set();

/**
 * Types a list row does not carry: the records of a related list. A child table is shown by its
 * number of lines (`_lineCounts` of a list); attachments and images by a count, the first name
 * and, for an image, its thumbnail (file-cell.tsx).
 */
const NOT_IN_CELLS: ReadonlySet<FieldType> = new Set(['related_list']);

/** Columns on request only: a drawn signature or formatted text makes every row tall and busy. */
const NOT_BY_DEFAULT: ReadonlySet<FieldType> = new Set(['signature', 'rich_text']);

/** Sorting a uuid, an array or a long text by its stored value means nothing to a reader. */
const NOT_SORTABLE: ReadonlySet<FieldType> = new Set([
  'multi_select',
  'long_text',
  'rich_text',
  'relation',
  'user',
  'department',
  'region',
  'child_table',
  'related_list',
  'attachment',
  'image',
  'signature',
]);

/**
 * Whether the table may sort by a field: not a type without a meaningful order, not ciphertext,
 * not a rollup (computed on read, it has no column to order by).
 */
export function isSortable(field: FieldDefinition, rollups: readonly string[] = []): boolean {
  return !NOT_SORTABLE.has(field.type) && field.encrypted !== true && !rollups.includes(field.id);
}

/** Every field the user could show as a column: cell-friendly and not hidden from them. */
export function cellFields(object: ObjectDefinition, hidden: ReadonlySet<string> = NONE): FieldDefinition[] {
  return object.fields.filter((f) => !NOT_IN_CELLS.has(f.type) && !hidden.has(f.id));
}

/** Columns of the object's first list view when it names any, else its first fields. */
export function columnFields(object: ObjectDefinition, hidden: ReadonlySet<string> = NONE): FieldDefinition[] {
  const available = cellFields(object, hidden);
  const byId = new Map(available.map((f) => [f.id, f]));
  const viewColumns = object.views?.[0]?.columns ?? [];
  const fromView = viewColumns.map((id) => byId.get(id)).filter((f): f is FieldDefinition => f !== undefined);
  if (fromView.length > 0) return fromView;
  return available.filter((f) => !NOT_BY_DEFAULT.has(f.type)).slice(0, MAX_DEFAULT_COLUMNS);
}

const SEARCHABLE: ReadonlySet<FieldType> = new Set(['text', 'phone', 'email', 'url', 'auto_number']);

/**
 * The quick search looks in the display field (a customer's name), else the first text-like
 * field. Never an encrypted one: ciphertext cannot be searched.
 */
export function searchField(object: ObjectDefinition): FieldDefinition | null {
  const display = object.displayField ? object.fields.find((f) => f.id === object.displayField && f.encrypted !== true) : undefined;
  return display ?? object.fields.find((f) => SEARCHABLE.has(f.type) && f.encrypted !== true) ?? null;
}
