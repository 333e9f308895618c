import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';

type JsonSchema = Record<string, unknown>;

/** Decimal text or a JSON number: money travels as text so it never passes through a float. */
const DECIMAL = { type: ['string', 'number'], format: 'decimal' } as const;
const UUID = { type: 'string', format: 'uuid' } as const;

const ATTACHMENT = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200 },
    name: { type: 'string', minLength: 1, maxLength: 500 },
    size: { type: 'integer', minimum: 0 },
    mime: { type: 'string', maxLength: 200 },
  },
  required: ['id', 'name'],
  additionalProperties: false,
} as const;

const PHONE_FORMAT = { mobile: 'cn-mobile', landline: 'cn-landline', any: 'cn-phone' } as const;

/** Fields the server fills in itself (or that hold other records): a value sent for them is an error, not silently dropped. */
export function isSystemAssigned(field: FieldDefinition): boolean {
  return field.type === 'auto_number' || field.type === 'formula' || field.type === 'related_list';
}

/** The JSON Schema of one field's value. `null` clears a field (and fails `required`). */
export function valueSchema(field: FieldDefinition, childSchema: (objectId: string) => JsonSchema): JsonSchema {
  const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [{ type: 'null' }, schema] });
  switch (field.type) {
    case 'text':
    case 'url':
    case 'email':
    case 'region':
    case 'phone':
    case 'long_text':
    case 'rich_text':
    case 'signature': {
      const defaultMax = { text: 2000, url: 2000, email: 320, region: 6, phone: 40, long_text: 100_000, rich_text: 1_000_000, signature: 500_000 }[field.type];
      const format = { url: 'url', email: 'email', region: 'region', phone: PHONE_FORMAT[field.phoneKind ?? 'any'] } as Record<string, string>;
      const schema: JsonSchema = { type: 'string', maxLength: field.maxLength ?? defaultMax };
      if (format[field.type]) schema.format = format[field.type];
      return nullable(schema);
    }
    case 'number':
    case 'currency':
    case 'percent':
      return nullable(DECIMAL);
    case 'date':
      return nullable({ type: 'string', format: 'date' });
    case 'datetime':
      return nullable({ type: 'string', format: 'date-time' });
    case 'checkbox':
      return nullable({ type: 'boolean' });
    case 'select':
      return nullable({ type: 'string', enum: (field.options ?? []).map((o) => o.value) });
    case 'multi_select':
      return nullable({ type: 'array', uniqueItems: true, maxItems: 200, items: { type: 'string', enum: (field.options ?? []).map((o) => o.value) } });
    case 'user':
    case 'department':
    case 'relation':
      return nullable(UUID);
    case 'attachment':
    case 'image':
      return nullable({ type: 'array', maxItems: field.maxFiles ?? 20, items: ATTACHMENT });
    case 'child_table':
      return nullable({ type: 'array', maxItems: 10_000, items: childSchema(field.target ?? '') });
    case 'auto_number':
    case 'formula':
    case 'related_list':
      return {};
  }
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
    return { ...schema, properties: { ...(schema.properties as object), id: UUID } };
  };
  const properties: Record<string, JsonSchema> = {};
  for (const field of object.fields) properties[field.id] = valueSchema(field, childSchema);
  const required = partial ? [] : object.fields.filter((f) => f.required && !isSystemAssigned(f)).map((f) => f.id);
  return { type: 'object', properties, required, additionalProperties: false };
}
