import type { Database } from '@tessera/db';
import { getUser } from '@tessera/identity';
import { localizeFieldIssues, type RecordService } from '@tessera/records';
import { filterConditionSchema, type SortKey, sortKeySchema } from '@tessera/schemas';
import { auditedWith } from '../audited-records';
import { policyFor } from '../authentication';
import { localeOf } from '../problem';
import { inRecordShape } from '../record-json';
import { identifier, listedRecord, noContent, objectParams, type RoutePlugin, record, recordParams, uuid, versionNumber } from '../route-schemas';

const list = {
  type: 'object',
  properties: {
    items: { type: 'array', items: listedRecord },
    total: { type: ['integer', 'null'] },
    totalIsEstimate: { type: 'boolean' },
    nextCursor: { type: ['string', 'null'] },
    sums: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'By field id, when asked for: the sum over every matching row the reader may read',
    },
  },
  additionalProperties: false,
} as const;
/** What selects a list's records (the rows and the total alike). */
const listConditions = {
  filters: { type: 'array', items: filterConditionSchema, maxItems: 50 },
  where: { type: 'string', minLength: 1, maxLength: 4000, description: 'A yes/no formula the records satisfy too (a report drill-down)' },
  deleted: { type: 'boolean' },
} as const;
const listTotal = {
  type: 'object',
  properties: { total: { type: 'integer' }, totalIsEstimate: { type: 'boolean' } },
  required: ['total', 'totalIsEstimate'],
  additionalProperties: false,
} as const;
const values = { type: 'object', additionalProperties: true, description: 'Field values by field id; checked against the published object' } as const;
const tags = ['records'];

/** A write may name the form it was made in; the server then holds it to that form's rules. */
const formQuery = { type: 'object', properties: { form: identifier }, additionalProperties: false } as const;

/** `-created_at,name` → [{ created_at desc }, { name asc }] */
function parseSort(text: string | undefined): SortKey[] | undefined {
  return text
    ?.split(',')
    .map((part) => (part.startsWith('-') ? { field: part.slice(1), direction: 'desc' as const } : { field: part, direction: 'asc' as const }));
}

/** End-user records API. Every call goes through the record service with the request's access policy. */
export const recordRoutes: RoutePlugin<{ records: RecordService; database: Database }> = async (app, { records, database }) => {
  const base = '/api/apps/:appId/objects/:objectId/records';

  const audited = auditedWith(records);

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a record (through a form with `?form=`: its rules are enforced here)',
        params: objectParams,
        querystring: formQuery,
        body: { type: 'object', properties: { values, id: uuid }, required: ['values'], additionalProperties: false },
        response: { 201: record },
      },
    },
    async (request, reply) => {
      const { appId, objectId } = request.params;
      const answer = await records.create(appId, objectId, policyFor(request, appId), { ...request.body, form: request.query.form });
      return reply.status(201).send(inRecordShape(reply, answer));
    },
  );

  const fieldError = {
    type: 'object',
    properties: { pointer: { type: 'string' }, field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
    additionalProperties: false,
  } as const;
  app.post(
    `${base}/batch`,
    {
      schema: {
        tags,
        summary:
          'Create up to 1,000 records in one request, set-based, in one transaction (an integration pushing a batch): with `atomicity: "all"` (the default) one refused row refuses them all (422, errors pointing at `/rows/<n>/values/<field>`); with `"valid"` the valid rows are created and the others listed',
        params: objectParams,
        querystring: formQuery,
        body: {
          type: 'object',
          properties: {
            rows: {
              type: 'array',
              minItems: 1,
              maxItems: 1_000,
              items: { type: 'object', properties: { id: uuid, values }, required: ['values'], additionalProperties: false },
            },
            atomicity: { type: 'string', enum: ['all', 'valid'] },
          },
          required: ['rows'],
          additionalProperties: false,
        },
        response: {
          201: {
            type: 'object',
            properties: {
              created: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, id: uuid }, additionalProperties: false } },
              refused: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { index: { type: 'integer' }, errors: { type: 'array', items: fieldError } },
                  additionalProperties: false,
                },
              },
            },
            additionalProperties: false,
          },
        },
      },
    },
    async (request, reply) => {
      const { appId, objectId } = request.params;
      const result = await records.createMany(appId, objectId, policyFor(request, appId), request.body.rows, {
        form: request.query.form,
        atomicity: request.body.atomicity ?? 'all',
      });
      const locale = localeOf(request);
      const refused = result.refused.map((row) => ({ index: row.index, errors: localizeFieldIssues(row.issues, locale) }));
      return reply.status(201).send({ created: result.created, refused });
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'List records (simple form; filters via POST …/records/query)',
        params: objectParams,
        querystring: {
          type: 'object',
          properties: {
            sort: { type: 'string', pattern: '^-?[a-z][a-z0-9_]*(,-?[a-z][a-z0-9_]*){0,4}$' },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
            cursor: { type: 'string', maxLength: 4000 },
            count: { type: 'boolean' },
            deleted: { type: 'boolean' },
          },
          additionalProperties: false,
        },
        response: { 200: list },
      },
    },
    async (request, reply) => {
      const { appId, objectId } = request.params;
      const { sort, ...rest } = request.query;
      return inRecordShape(reply, await records.list(appId, objectId, policyFor(request, request.params.appId), { ...rest, sort: parseSort(sort) }));
    },
  );

  app.post(
    `${base}/query`,
    {
      schema: {
        tags,
        summary: 'Query records: filters, sort, keyset or offset paging, total',
        params: objectParams,
        body: {
          type: 'object',
          properties: {
            ...listConditions,
            sort: { type: 'array', items: sortKeySchema, maxItems: 5 },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
            cursor: { type: 'string', maxLength: 4000 },
            offset: { type: 'integer', minimum: 0, maximum: 100_000 },
            count: {
              type: 'boolean',
              description: 'Also the total (default true); a list that shows rows first asks `false` and POSTs …/records/count beside it',
            },
            sums: {
              type: 'array',
              items: { type: 'string', maxLength: 64 },
              maxItems: 5,
              description: 'Number, currency or percent fields to add up over every matching row',
            },
          },
          additionalProperties: false,
        },
        response: { 200: list },
      },
    },
    async (request, reply) =>
      inRecordShape(reply, await records.list(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.body)),
  );

  app.post(
    `${base}/count`,
    {
      schema: {
        tags,
        summary: 'The total of a query, without its rows: exact up to 100,000, past that the estimate with totalIsEstimate',
        params: objectParams,
        body: { type: 'object', properties: listConditions, additionalProperties: false },
        response: { 200: listTotal },
      },
    },
    async (request) => records.count(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.body),
  );

  app.post(
    `${base}/unique`,
    {
      schema: {
        tags,
        summary: 'Is a value of a unique field already taken? (checked on blur, before saving)',
        params: objectParams,
        body: {
          type: 'object',
          properties: { field: { type: 'string', maxLength: 64 }, value: {}, excludeId: uuid },
          required: ['field', 'value'],
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { taken: { type: 'boolean' } }, additionalProperties: false } },
      },
    },
    async (request) => ({
      taken: await records.isTaken(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.body),
    }),
  );

  const bulkResult = {
    type: 'object',
    properties: {
      done: { type: 'integer', minimum: 0, description: 'How many records the change applied to' },
      skipped: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, code: { type: 'string' } }, additionalProperties: false } },
    },
    additionalProperties: false,
  } as const;
  // The records a bulk change applies to: ticked ids, or every record the list's filters match.
  const selection = {
    ids: { type: 'array', items: uuid, minItems: 1, maxItems: 100_000, description: 'The records ticked' },
    filters: {
      type: 'array',
      items: filterConditionSchema,
      maxItems: 50,
      description: 'Instead of ids: every record these filters match (all records when empty)',
    },
  } as const;
  const oneSelection = { oneOf: [{ required: ['ids'] }, { required: ['filters'] }] } as const;

  app.post(
    `${base}/bulk-update`,
    {
      schema: {
        tags,
        summary:
          'Set the same values on many records (ticked ids, or all a filter matches) in one transaction; ticked records you may not change are skipped and listed',
        params: objectParams,
        body: {
          type: 'object',
          properties: { ...selection, values: { type: 'object', additionalProperties: true, minProperties: 1 } },
          required: ['values'],
          ...oneSelection,
          additionalProperties: false,
        },
        response: { 200: bulkResult },
      },
    },
    async (request) => {
      const { appId, objectId } = request.params;
      const { values, ...chosen } = request.body;
      return audited(
        request,
        { action: 'record.bulk_update', appId, objectId },
        (inside) => inside.bulkUpdate(appId, objectId, policyFor(request, appId), chosen, values),
        (result) => ({
          fields: Object.keys(values),
          done: result.done,
          skipped: result.skipped.length,
          ...(chosen.filters ? { filters: chosen.filters } : {}),
        }),
      );
    },
  );

  app.post(
    `${base}/bulk-delete`,
    {
      schema: {
        tags,
        summary:
          'Move many records to the recycle bin (ticked ids, or all a filter matches) in one transaction; ticked records you may not delete are skipped and listed',
        params: objectParams,
        body: { type: 'object', properties: selection, ...oneSelection, additionalProperties: false },
        response: { 200: bulkResult },
      },
    },
    async (request) => {
      const { appId, objectId } = request.params;
      return audited(
        request,
        { action: 'record.bulk_delete', appId, objectId },
        (inside) => inside.bulkDelete(appId, objectId, policyFor(request, appId), request.body),
        (result) => ({ done: result.done, skipped: result.skipped.length, ...(request.body.filters ? { filters: request.body.filters } : {}) }),
      );
    },
  );

  app.get(
    `${base}/:recordId`,
    {
      schema: { tags, summary: 'One record, with child rows and related display values', params: recordParams, response: { 200: record } },
    },
    async (request, reply) =>
      inRecordShape(reply, await records.get(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.recordId)),
  );

  app.patch(
    `${base}/:recordId`,
    {
      schema: {
        tags,
        summary: 'Change fields of a record (409 when `version` is stale; through a form with `?form=`)',
        params: recordParams,
        querystring: formQuery,
        body: {
          type: 'object',
          properties: { version: versionNumber, values },
          required: ['version', 'values'],
          additionalProperties: false,
        },
        response: { 200: record },
      },
    },
    async (request, reply) =>
      inRecordShape(
        reply,
        await records.update(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.recordId, {
          ...request.body,
          form: request.query.form,
        }),
      ),
  );

  app.delete(
    `${base}/:recordId`,
    {
      schema: { tags, summary: 'Move a record to the recycle bin', params: recordParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await records.remove(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.recordId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/:recordId/restore`,
    {
      schema: { tags, summary: 'Restore a record from the recycle bin', params: recordParams, response: { 200: record } },
    },
    async (request, reply) =>
      inRecordShape(
        reply,
        await records.restore(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.recordId),
      ),
  );

  app.post(
    `${base}/reassign`,
    {
      schema: {
        tags,
        summary: 'Hand every record of one owner (a departing rep) to another, within what you may update',
        params: objectParams,
        body: { type: 'object', properties: { fromUserId: uuid, toUserId: uuid }, required: ['fromUserId', 'toUserId'], additionalProperties: false },
        response: { 200: { type: 'object', properties: { moved: { type: 'integer' } }, additionalProperties: false } },
      },
    },
    async (request) => {
      const { appId, objectId } = request.params;
      const heir = await getUser(database.db, request.body.toUserId);
      const moved = await audited(
        request,
        { action: 'record.reassign', appId, objectId },
        (inside) => inside.reassign(appId, objectId, policyFor(request, appId), { ...request.body, toDepartmentId: heir.departmentId }),
        (count) => ({ ...request.body, moved: count }),
      );
      return { moved };
    },
  );
};
