import type { RecordService } from '@tessera/records';
import { auditedWith } from '../audited-records';
import { policyFor } from '../authentication';
import { dateTime, listedRecord, nullableString, type RoutePlugin, record, recordParams } from '../route-schemas';

const tags = ['records'];
/** One entry of a record's timeline; encrypted values masked, hidden fields left out. */
const historyEntry = {
  type: 'object',
  properties: {
    operation: { enum: ['create', 'update', 'delete', 'restore', 'anonymize'] },
    version: { type: 'integer' },
    changes: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, old: {}, new: {} }, required: ['field'], additionalProperties: false },
    },
    actorId: nullableString,
    at: dateTime,
    source: {
      type: ['string', 'null'],
      enum: ['user', 'bulk', 'reassign', 'anonymize', 'import', 'template', 'flow', 'merge', null],
      description: 'What made the change (null for changes older than sources)',
    },
  },
  required: ['operation', 'version', 'changes', 'actorId', 'at'],
  additionalProperties: false,
} as const;
const history = { type: 'array', items: historyEntry } as const;

/**
 * What a record's past holds: its timeline, everything stored about it for a data subject's
 * access request, and erasure on request. Each through the record service under the caller's
 * access; the export and the erasure audited in their own transaction.
 */
export const recordHistoryRoutes: RoutePlugin<{ records: RecordService }> = async (app, { records }) => {
  const base = '/api/apps/:appId/objects/:objectId/records';
  const audited = auditedWith(records);

  app.get(
    `${base}/:recordId/personal-data`,
    {
      schema: {
        tags,
        summary: 'Everything stored about one record (a data subject access request): the record, its history, records pointing at it',
        params: recordParams,
        response: {
          200: {
            type: 'object',
            properties: {
              app: { type: 'string' },
              object: { type: 'string' },
              exportedAt: dateTime,
              record,
              history,
              related: {
                type: 'object',
                additionalProperties: { type: 'array', items: listedRecord },
                description: '`<object>.<relationField>` → the records whose relation points at this one',
              },
            },
            required: ['app', 'object', 'exportedAt', 'record', 'history', 'related'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => {
      const { appId, objectId, recordId } = request.params;
      return audited(request, { action: 'record.export_personal_data', appId, objectId, recordId }, (inside) =>
        inside.exportPersonalData(appId, objectId, policyFor(request, appId), recordId),
      );
    },
  );

  app.post(
    `${base}/:recordId/anonymize`,
    {
      schema: {
        tags,
        summary: 'Erase a person on request: clear personal fields and their history, keep numbers and links',
        params: recordParams,
        body: {
          type: 'object',
          properties: { cascade: { type: 'boolean', description: 'also anonymize the records that point at this one' } },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { anonymized: { type: 'integer' } }, additionalProperties: false } },
      },
    },
    async (request) => {
      const { appId, objectId, recordId } = request.params;
      return audited(
        request,
        { action: 'record.anonymize', appId, objectId, recordId },
        (inside) => inside.anonymize(appId, objectId, policyFor(request, appId), recordId, { cascade: request.body?.cascade ?? false }),
        (result) => result,
      );
    },
  );

  app.get(
    `${base}/:recordId/history`,
    {
      schema: { tags, summary: 'Every change to a record: who, when, field, old → new', params: recordParams, response: { 200: history } },
    },
    async (request) => records.history(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.recordId),
  );
};
