import { ENCRYPTABLE_TYPES, UNIQUE_CAPABLE_TYPES } from '@tessera/meta/validate';
import type { AppDocument, FieldDefinition } from '@tessera/schemas';
import { type ListFieldType, newField } from './new-field';

const NUMERIC = new Set<string>(['number', 'currency', 'percent']);
const CHOICES = new Set<string>(['select', 'multi_select']);

/**
 * The field given another type: its id, labels and help stay; rules stay where the new type has
 * them; the settings of the old type go, and the new type's indispensable settings start as a new
 * field of that type has them — except what carries over (options between the two selects, digits
 * between numeric types).
 */
export function withType(document: AppDocument, objectId: string, field: FieldDefinition, type: ListFieldType): FieldDefinition {
  const object = document.objects.find((o) => o.id === objectId);
  if (!object || field.type === type) return field;
  const fresh = newField(document, object, type);
  const next: FieldDefinition = { ...fresh, id: field.id, label: field.label };
  if (field.description) next.description = field.description;
  if (field.required) next.required = true;
  if (field.unique && UNIQUE_CAPABLE_TYPES.has(type)) next.unique = true;
  if (field.encrypted && ENCRYPTABLE_TYPES.has(type)) next.encrypted = true;
  if (CHOICES.has(field.type) && CHOICES.has(type) && field.options) next.options = field.options;
  if (NUMERIC.has(field.type) && NUMERIC.has(type)) {
    if (field.scale !== undefined) next.scale = field.scale;
    if (field.precision !== undefined) next.precision = field.precision;
  }
  return next;
}
