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
  },
  required: ['id', 'label'],
  additionalProperties: false,
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
    /** Data quality: the fields a complete record has filled (a report's `completeness` measure reads them). */
    quality: {
      type: 'object',
      properties: { keyFields: { type: 'array', items: identifierSchema, minItems: 1, maxItems: 50 } },
      additionalProperties: false,
    },
    fields: { type: 'array', items: fieldSchema, maxItems: 500 },
    views: { type: 'array', items: listViewSchema, maxItems: 100 },
  },
  required: ['id', 'label', 'fields'],
  additionalProperties: false,
} as const;
