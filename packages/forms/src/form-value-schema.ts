import type { FieldDefinition } from '@tessera/schemas';
import { fieldFormat } from './field-rules';
import type { FormFormatName } from './form-formats';

export type JsonSchema = Record<string, unknown>;

const DECIMAL = { type: ['string', 'number'], format: 'decimal' } as const;
const UUID = { type: 'string', format: 'uuid' } as const;
const TEXT_MAX: Partial<Record<FieldDefinition['type'], number>> = {
  text: 2000,
  url: 2000,
  email: 320,
  region: 6,
  phone: 40,
  long_text: 100_000,
  rich_text: 1_000_000,
  signature: 500_000,
};

/**
 * A region field's level (`regionLevel`, district when unset) is a format per level, checked by
 * `fitsRegionLevel` of @tessera/formats. It lives in the value schema because this schema is the
 * one both validators run: the records validator on every write and the form's validator, compiled
 * on the server and generated as standalone code for the browser, whose only custom checks are
 * FORM_FORMATS. A check in the records validator alone would let the browser accept what the server
 * refuses; an `enum` of allowed codes would put thousands of codes into every generated validator.
 */
export const REGION_FORMAT: Record<NonNullable<FieldDefinition['regionLevel']>, FormFormatName> = {
  province: 'region-province',
  city: 'region-city',
  district: 'region',
};

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

function textSchema(field: FieldDefinition, extraFormat: FormFormatName | undefined): JsonSchema {
  const schema: JsonSchema = { type: 'string', maxLength: field.maxLength ?? TEXT_MAX[field.type] ?? 2000 };
  // The field's own format holds on every path; a form's can only be added to it.
  const own = field.type === 'region' ? REGION_FORMAT[field.regionLevel ?? 'district'] : fieldFormat(field);
  const formats = [...new Set([own, extraFormat])].filter((f): f is FormFormatName => f !== undefined);
  if (formats.length === 1) schema.format = formats[0];
  if (formats.length === 2) schema.allOf = formats.map((format) => ({ format }));
  return schema;
}

/**
 * The JSON Schema of one field's value on a form: the same shapes as the records validator
 * (a form is checked again by it on the server), plus the form's own format. `null` clears.
 * Child tables are checked row by row by the records validator, so a form only asks for a list.
 */
export function formValueSchema(field: FieldDefinition, format: FormFormatName | undefined): JsonSchema {
  const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [{ type: 'null' }, schema] });
  const options = (field.options ?? []).map((o) => o.value);
  switch (field.type) {
    case 'text':
    case 'url':
    case 'email':
    case 'region':
    case 'phone':
    case 'long_text':
    case 'rich_text':
    case 'signature':
      return nullable(textSchema(field, format));
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
      return nullable({ type: 'string', enum: options });
    case 'multi_select':
      return nullable({ type: 'array', uniqueItems: true, maxItems: 200, items: { type: 'string', enum: options } });
    case 'user':
    case 'department':
    case 'relation':
      return nullable(UUID);
    case 'attachment':
    case 'image':
      return nullable({ type: 'array', maxItems: field.maxFiles ?? 20, items: ATTACHMENT });
    case 'child_table':
      return nullable({ type: 'array', maxItems: 10_000, items: { type: 'object' } });
    case 'auto_number':
    case 'formula':
    case 'related_list':
      return {};
  }
}
