import type { FromSchema } from 'json-schema-to-ts';
import { filterConditionSchema, sortKeySchema } from './object.schema';

/** The narrowest and widest a list column may be dragged (pixels). */
export const COLUMN_WIDTH_MIN = 60;
export const COLUMN_WIDTH_MAX = 1200;

/**
 * A user's saved list view as sent: its conditions, order and columns, and (since issue 18) the
 * quick search it was saved with, the widths the user dragged columns to, and the order a Kanban
 * board shows its cards in (one key: a board offers one order at a time). All are optional, so
 * views saved before them still read and save unchanged.
 */
export const savedViewSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    filters: { type: 'array', items: filterConditionSchema, maxItems: 50, default: [] },
    sort: { type: 'array', items: sortKeySchema, maxItems: 5, default: [] },
    columns: { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 200, default: [] },
    search: { type: 'string', maxLength: 200 },
    cardOrder: sortKeySchema,
    columnWidths: {
      type: 'object',
      propertyNames: { type: 'string', maxLength: 64 },
      additionalProperties: { type: 'integer', minimum: COLUMN_WIDTH_MIN, maximum: COLUMN_WIDTH_MAX },
      maxProperties: 200,
    },
  },
  required: ['name'],
  additionalProperties: false,
} as const;

export type SavedViewDefinition = FromSchema<typeof savedViewSchema>;
