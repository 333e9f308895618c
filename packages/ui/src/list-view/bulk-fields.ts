import type { FieldDefinition, FieldType, ObjectDefinition } from '@tessera/schemas';
import type { ObjectAccess } from '../api/types';
import { isEditable } from '../records/form-values';

/**
 * Editable types it makes no sense to set to one value on many records at once: the same
 * uploaded file or drawing on a hundred customers is a mistake, not a shortcut.
 */
const NOT_IN_BULK: ReadonlySet<FieldType> = new Set(['attachment', 'image', 'signature', 'rich_text']);

/**
 * Fields a bulk edit offers: ones the record form edits, that the user may write (not hidden,
 * not read-only for their roles), and that are not unique (one value on many records would be
 * refused on all but the first).
 */
export function bulkEditableFields(object: ObjectDefinition, access: ObjectAccess): FieldDefinition[] {
  const blocked = new Set([...access.hiddenFields, ...access.readOnlyFields]);
  return object.fields.filter((f) => isEditable(f) && !NOT_IN_BULK.has(f.type) && !blocked.has(f.id) && f.unique !== true);
}
