import { formValueSchema } from '@tessera/forms';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';

type JsonSchema = Record<string, unknown>;

/** Fields the server fills in itself (or that hold other records): a value sent for them is an error, not silently dropped. */
export function isSystemAssigned(field: FieldDefinition): boolean {
  return field.type === 'auto_number' || field.type === 'formula' || field.type === 'related_list';
}

/**
 * The JSON Schema of one field's value: the form engine's (one definition for browser and server),
 * except that child-table rows are checked here against the child object's own schema.
 */
export function valueSchema(field: FieldDefinition, childSchema: (objectId: string) => JsonSchema): JsonSchema {
  if (field.type === 'child_table') return { anyOf: [{ type: 'null' }, { type: 'array', maxItems: 10_000, items: childSchema(field.target ?? '') }] };
  return formValueSchema(field, undefined);
}

/**
 * The schema of a record's `values` for one object. A create lists the required fields; a
 * patch (`partial`) checks only what is sent. Child rows may carry their `id` to keep identity.
 */
export function recordValuesSchema(object: ObjectDefinition, objects: ReadonlyMap<string, ObjectDefinition>, partial: boolean): JsonSchema {
  const childSchema = (objectId: string): JsonSchema => {
    const child = objects.get(objectId);
    if (!child) return { type: 'object' };
    const schema = recordValuesSchema(child, objects, false);
    return { ...schema, properties: { ...(schema.properties as object), id: { type: 'string', format: 'uuid' } } };
  };
  const properties: Record<string, JsonSchema> = {};
  for (const field of object.fields) properties[field.id] = valueSchema(field, childSchema);
  const required = partial ? [] : object.fields.filter((f) => f.required && !isSystemAssigned(f)).map((f) => f.id);
  return { type: 'object', properties, required, additionalProperties: false };
}
