import type { Database } from '@tessera/db';
import { createMetadataStore } from '@tessera/meta';
import { FIELD_TYPES, FORMULA_RESULT_TYPES } from '@tessera/schemas';
import { requireAdmin } from '../authentication';
import { identifier, type RoutePlugin } from '../route-schemas';

const count = { type: 'integer', minimum: 0 } as const;
const texts = { type: 'array', items: { type: 'string' } } as const;

/** What publishing one type change does to the stored rows (meta's TypeChangePreview); the publish review lists one per converted column. */
export const typeChangeSchema = {
  type: 'object',
  properties: {
    object: { type: 'string' },
    field: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    conversion: { enum: ['safe', 'checked'] },
    rows: count,
    converted: count,
    blanked: count,
    empty: count,
    failing: { ...count, description: 'Rows that would not convert: publish is refused while any remain' },
    examples: {
      type: 'object',
      properties: {
        failing: texts,
        blanked: texts,
        converted: {
          type: 'array',
          items: {
            type: 'object',
            properties: { before: { type: 'string' }, after: { type: 'string' } },
            required: ['before', 'after'],
            additionalProperties: false,
          },
        },
      },
      required: ['failing', 'blanked', 'converted'],
      additionalProperties: false,
    },
  },
  required: ['object', 'field', 'from', 'to', 'conversion', 'rows', 'converted', 'blanked', 'empty', 'failing', 'examples'],
  additionalProperties: false,
} as const;

const fieldPreviewSchema = {
  type: 'object',
  description: 'none: no stored column to convert; same: the values stay as they are; unsupported: refused at publish; convert: the counts',
  properties: { kind: { enum: ['none', 'same', 'unsupported', 'convert'] }, ...typeChangeSchema.properties },
  required: ['kind'],
  additionalProperties: false,
} as const;

/**
 * The studio's field panel asks, as the admin picks another type, what that type would do to the
 * field's stored rows: counted in SQL with the publish DDL's own conversion (packages/meta).
 */
export const typePreviewRoutes: RoutePlugin<{ database: Database }> = async (app, { database }) => {
  const store = createMetadataStore(database.db);
  app.addHook('preHandler', async (request) => void requireAdmin(request));

  app.get(
    '/api/apps/:appId/objects/:objectId/fields/:fieldId/type-preview',
    {
      schema: {
        tags: ['metadata'],
        summary: 'What giving a stored field another type would do to its rows (before publish, nothing written)',
        params: {
          type: 'object',
          properties: { appId: identifier, objectId: identifier, fieldId: identifier },
          required: ['appId', 'objectId', 'fieldId'],
        },
        querystring: {
          type: 'object',
          properties: { type: { enum: FIELD_TYPES }, resultType: { enum: FORMULA_RESULT_TYPES } },
          required: ['type'],
          additionalProperties: false,
        },
        response: { 200: fieldPreviewSchema },
      },
    },
    async (request) => {
      const { appId, objectId, fieldId } = request.params;
      const { type, resultType } = request.query;
      return store.previewFieldType(appId, objectId, { id: fieldId, type, ...(resultType ? { resultType } : {}) });
    },
  );
};
