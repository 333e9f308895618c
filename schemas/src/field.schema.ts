import { identifierSchema, localizedTextSchema } from './common.schema';

/** The whole field catalog of the architecture doc, even where the widget comes later. */
export const FIELD_TYPES = [
  'text',
  'long_text',
  'rich_text',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'select',
  'multi_select',
  'checkbox',
  'user',
  'department',
  'relation',
  'child_table',
  'attachment',
  'image',
  'phone',
  'email',
  'url',
  'region',
  'auto_number',
  'formula',
  'signature',
  'related_list',
] as const;

/** The format names of `@tessera/formats` (FORMAT_NAMES); the forms package tests they agree. */
export const FIELD_FORMATS = ['cn-mobile', 'cn-landline', 'cn-phone', 'email', 'url', 'cn-uscc', 'cn-resident-id'] as const;

/** `@tessera/formats`' LETTER_CASES: what a field does with the case of letters on save. */
export const FIELD_LETTER_CASES = ['upper', 'lower', 'keep'] as const;

/** The field types whose values are one line or more of plain text, cleaned on save by `normalize`. */
export const PLAIN_TEXT_FIELD_TYPES = ['text', 'long_text', 'phone', 'email', 'url'] as const;

export const FORMULA_RESULT_TYPES = ['text', 'number', 'currency', 'boolean', 'date', 'datetime'] as const;

const selectOptionSchema = {
  type: 'object',
  properties: {
    value: { type: 'string', minLength: 1, maxLength: 100 },
    label: localizedTextSchema,
    color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
  },
  required: ['value', 'label'],
  additionalProperties: false,
} as const;

// biome-ignore lint/suspicious/noThenProperty: `if`/`then` is JSON Schema's conditional, never awaited
const requires = (type: string, keys: readonly string[]) => ({ if: { properties: { type: { const: type } } }, then: { required: keys } }) as const;

/**
 * One object shape for every type, with the type-specific settings optional and the ones a
 * type cannot do without enforced by `if/then` (and by the semantic checks for references).
 */
export const fieldSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    type: { enum: FIELD_TYPES },
    label: localizedTextSchema,
    description: localizedTextSchema,
    /** On every write — a form or none, the API, bulk edit, import, a flow step — a value is needed; white space alone is none. */
    required: { type: 'boolean' },
    unique: { type: 'boolean' },
    /**
     * The value a new record starts with when a create leaves the field out, on every path (a
     * form, the API, bulk create, import, a flow step): a formula, as a form node's `defaultValue`
     * — a literal (`"Beijing"`, `100`, `TRUE`, `DATE(2027, 1, 1)`) or TODAY(), NOW(), CURRENTUSER(),
     * CURRENTDEPARTMENT(). A form's own default for the field wins on that form. ADR 0028.
     */
    default: { type: 'string', minLength: 1, maxLength: 10_000 },
    /**
     * text: a format every write must meet, whatever path it takes (a form may add one, never
     * drop this one). phone, email and url fields have their type's own format already.
     */
    format: { enum: FIELD_FORMATS },
    /**
     * Plain-text fields (PLAIN_TEXT_FIELD_TYPES): how a value is cleaned before it is checked and
     * stored. What is unset follows the format's defaults (`defaultCanonicalRules` of
     * @tessera/formats): always trimmed; a formatted value read in half width and in its format's case.
     */
    normalize: {
      type: 'object',
      properties: {
        trim: { type: 'boolean' },
        /** Full-width letters, digits and brackets as ASCII. */
        halfWidth: { type: 'boolean' },
        letterCase: { enum: FIELD_LETTER_CASES },
      },
      additionalProperties: false,
    },
    /** number, currency, percent: digits after the decimal point. */
    scale: { type: 'integer', minimum: 0, maximum: 10 },
    /** number, currency, percent: total significant digits. */
    precision: { type: 'integer', minimum: 1, maximum: 38 },
    minimum: { type: 'number' },
    maximum: { type: 'number' },
    maxLength: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    /** currency: ISO 4217 code. */
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    /** select, multi_select. */
    options: { type: 'array', items: selectOptionSchema, minItems: 1, maxItems: 1000 },
    /** relation: the object it points to; child_table: the child object holding the rows; related_list: the object whose records point here. */
    target: identifierSchema,
    /** related_list: the relation field on `target` that points back at this object (a customer's visits: visit.customer). */
    via: identifierSchema,
    /** phone: which numbers are accepted. */
    phoneKind: { enum: ['mobile', 'landline', 'any'] },
    /** region: how deep the GB/T 2260 pick goes. */
    regionLevel: { enum: ['province', 'city', 'district'] },
    /** auto_number: e.g. `CUS-{YYYY}{MM}-{0000}`. */
    numberFormat: { type: 'string', minLength: 1, maxLength: 60 },
    /** formula: the source an admin typed, and the type of its result. */
    formula: { type: 'string', minLength: 1, maxLength: 10_000 },
    resultType: { enum: FORMULA_RESULT_TYPES },
    /**
     * Sensitive text (a bank account, an ID number): stored encrypted at rest, masked in lists,
     * shown in full only on the record to roles that see the field. Needs TESSERA_ENCRYPTION_KEY.
     */
    encrypted: { type: 'boolean' },
    /** attachment, image. */
    maxFiles: { type: 'integer', minimum: 1, maximum: 100 },
    /**
     * number, currency, or a formula with such a result, in a child table: whether its column
     * shows a total under the lines. Only when the admin asks for it (column-total.ts): the total
     * of a quote's line amounts means something, that of its quantities (licences, days, years) not.
     */
    showTotal: { type: 'boolean' },
  },
  required: ['id', 'type', 'label'],
  additionalProperties: false,
  allOf: [
    requires('select', ['options']),
    requires('multi_select', ['options']),
    requires('relation', ['target']),
    requires('child_table', ['target']),
    requires('related_list', ['target', 'via']),
    requires('formula', ['formula', 'resultType']),
  ],
} as const;
