import { identifierSchema, localizedTextSchema } from './common.schema';
import { fieldSchema } from './field.schema';

export const FILTER_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'contains',
  'starts_with',
  'between',
  'is_empty',
  'is_not_empty',
  // Region fields only: the code is the area picked or lies inside it (a province holds its cities and districts).
  'within',
  // Text fields: the stored value does not have the format named as the value (a publish review's
  // "N rows break this rule"); checked by the same functions every write runs (packages/formats).
  'breaks_format',
] as const;

export const filterConditionSchema = {
  type: 'object',
  properties: {
    field: { type: 'string', minLength: 1, maxLength: 64 },
    op: { enum: FILTER_OPERATORS },
    value: {},
  },
  required: ['field', 'op'],
  additionalProperties: false,
} as const;

export const sortKeySchema = {
  type: 'object',
  properties: {
    field: { type: 'string', minLength: 1, maxLength: 64 },
    direction: { enum: ['asc', 'desc'] },
  },
  required: ['field'],
  additionalProperties: false,
} as const;

/**
 * A saved list view. Publishing derives composite indexes from the views (equality filters,
 * then sort keys), so admins never create indexes by hand.
 */
export const listViewSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    label: localizedTextSchema,
    filters: { type: 'array', items: filterConditionSchema, maxItems: 50 },
    sort: { type: 'array', items: sortKeySchema, maxItems: 5 },
    columns: { type: 'array', items: { type: 'string' }, maxItems: 200 },
    /** How the view opens: a table (absent too), a Kanban board by `groupField`, a calendar by `dateField`. */
    layout: { enum: ['table', 'kanban', 'calendar'] },
    /** Kanban: the select field whose options are the board's columns. */
    groupField: { type: 'string', minLength: 1, maxLength: 64 },
    /** Calendar: the date or date-time field that places a record on a day. */
    dateField: { type: 'string', minLength: 1, maxLength: 64 },
    /** The roles that see the view; absent or empty: everyone (an audience, as a menu entry's). */
    roles: { type: 'array', items: identifierSchema, maxItems: 50, uniqueItems: true },
  },
  required: ['id', 'label'],
  additionalProperties: false,
} as const;

// biome-ignore lint/suspicious/noThenProperty: `if`/`then` is JSON Schema's conditional, never awaited
const ruleNeeds = (kind: string, keys: readonly string[]) => ({ if: { properties: { kind: { const: kind } } }, then: { required: keys } }) as const;

/**
 * When two records of the object are the same thing (packages/dedup). `exact`: every field listed
 * is filled and equal once normalized (a credit code, a phone, an e-mail). `company_name`: the
 * company names are alike once region and legal form are set aside, and at least one contact
 * field is equal — a name alone is not enough, two branches of one brand share it.
 */
export const matchRuleSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    label: localizedTextSchema,
    kind: { enum: ['exact', 'company_name'] },
    /** exact: the fields that must all be equal. */
    fields: { type: 'array', items: identifierSchema, minItems: 1, maxItems: 5, uniqueItems: true },
    /** company_name: the field holding the company's name. */
    nameField: identifierSchema,
    /** company_name: phone or e-mail fields, one of which must be equal as well. */
    contactFields: { type: 'array', items: identifierSchema, minItems: 1, maxItems: 5, uniqueItems: true },
    /** company_name: the lowest name similarity (0–1) that counts as the same company; default 0.9. */
    threshold: { type: 'number', minimum: 0.5, maximum: 1 },
  },
  required: ['id', 'kind'],
  additionalProperties: false,
  allOf: [ruleNeeds('exact', ['fields']), ruleNeeds('company_name', ['nameField', 'contactFields'])],
} as const;

/**
 * One source of a record's activity, its latest date counting: a date field of the record itself
 * (`last_contact_at`, `updated_at` — its last change), or of the related records of `object`
 * whose relation field `via` points at it (a customer's visits by `visited_at`, its opportunities
 * by `updated_at`). Related records count only where the viewer may read them.
 */
export const activitySourceSchema = {
  type: 'object',
  properties: {
    object: identifierSchema,
    via: identifierSchema,
    /** A date or date-time field, or created_at / updated_at; default updated_at. */
    field: identifierSchema,
  },
  additionalProperties: false,
  dependentRequired: { object: ['via'], via: ['object'] },
} as const;

export const objectSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    label: localizedTextSchema,
    pluralLabel: localizedTextSchema,
    description: localizedTextSchema,
    /** The field shown when another record points here (a customer's name). */
    displayField: { type: 'string' },
    /** Set on a child object (quote lines): its rows belong to a record of this object. */
    parent: identifierSchema,
    /** Data quality: the fields a complete record has filled (a report's `completeness` measure reads them), and when a record is dormant. */
    quality: {
      type: 'object',
      properties: {
        keyFields: { type: 'array', items: identifierSchema, minItems: 1, maxItems: 50 },
        /** A record with no activity for this many days is dormant (the list's badge and filter, a report's `dormant_count` / `dormant_rate`). */
        dormantAfterDays: { type: 'integer', minimum: 1, maximum: 3650 },
        /** What counts as activity; default the record's own last change (updated_at). */
        activity: { type: 'array', items: activitySourceSchema, minItems: 1, maxItems: 10 },
      },
      additionalProperties: false,
    },
    fields: { type: 'array', items: fieldSchema, maxItems: 500 },
    /** The form (of this object) people open to create and edit its records unless their role names another; absent: the object's first form. */
    defaultForm: identifierSchema,
    views: { type: 'array', items: listViewSchema, maxItems: 100 },
    /** Duplicate detection: two records match when any rule holds (packages/dedup). */
    matchRules: { type: 'array', items: matchRuleSchema, maxItems: 20 },
  },
  required: ['id', 'label', 'fields'],
  additionalProperties: false,
} as const;
