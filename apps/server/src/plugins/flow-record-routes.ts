import type { Database } from '@tessera/db';
import { type ApprovalFields, approvalFields, approvalPolicy, type FlowDefinitions, FlowError } from '@tessera/flows';
import type { LiveAppCache, RecordService } from '@tessera/records';
import type { FastifyRequest } from 'fastify';
import { policyFor, requireUser } from '../authentication';
import { type RoutePlugin, record, uuid, versionNumber } from '../route-schemas';
import { approvalViewer } from './flow-viewer';

const tags = ['flows'];
const params = { type: 'object', properties: { id: uuid }, required: ['id'] } as const;
const fieldList = { type: 'array', items: { type: 'string' } } as const;
const answer = {
  type: 'object',
  additionalProperties: false,
  properties: {
    record,
    fields: {
      type: 'object',
      additionalProperties: false,
      properties: { deciding: { type: 'boolean' }, editable: fieldList, required: fieldList, hidden: fieldList },
    },
  },
} as const;

interface Options {
  database: Database;
  records: RecordService;
  definitions: FlowDefinitions;
  liveApps: LiveAppCache;
}

/**
 * The record of an approval as its approver sees it: readable by everyone taking part even where
 * their row scope would not reach it, with the step's per-field permissions applied — hidden
 * fields left out, and only the fields the step lets its approver fill writable, by the approver
 * deciding now. Both go through the records service with that policy (approval-access.ts).
 */
export const flowRecordRoutes: RoutePlugin<Options> = async (app, { database, records, definitions, liveApps }) => {
  const mayView = approvalViewer(database, records, definitions);

  async function approvalAccess(request: FastifyRequest, id: string) {
    const user = requireUser(request);
    const { row } = await mayView(request, id);
    if (!row.record_id) throw new FlowError('flow.not_found', { instance: id });
    const { flow } = await definitions.get(database.db, row.app_id, row.app_version, row.flow_id);
    const fields: ApprovalFields = await approvalFields(database.db, flow, row, user.userId);
    // The fields of the record as its table is now: a field added since the flow started is not writable either.
    const { document } = await liveApps.get(row.app_id);
    const fieldIds = document.objects.find((o) => o.id === row.object_id)?.fields.map((f) => f.id) ?? [];
    const policy = approvalPolicy(policyFor(request, row.app_id)(document), row.object_id, row.record_id, fieldIds, fields);
    return { row: { ...row, record_id: row.record_id }, fields, policy };
  }

  app.get(
    '/api/flows/instances/:id/record',
    {
      schema: {
        tags,
        summary: 'The record of an approval, with the fields my step lets me fill, and without those it hides',
        params,
        response: { 200: answer },
      },
    },
    async (request) => {
      const { row, fields, policy } = await approvalAccess(request, request.params.id);
      return { record: await records.get(row.app_id, row.object_id, policy, row.record_id), fields };
    },
  );

  app.patch(
    '/api/flows/instances/:id/record',
    {
      schema: {
        tags,
        summary: 'Fill the fields my step asks of me (409 when `version` is stale; other fields are refused, each by name)',
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['version', 'values'],
          properties: { version: versionNumber, values: { type: 'object', additionalProperties: true } },
        },
        response: { 200: answer },
      },
    },
    async (request) => {
      const { row, fields, policy } = await approvalAccess(request, request.params.id);
      if (!fields.deciding) throw new FlowError('flow.no_task');
      const saved = await records.update(row.app_id, row.object_id, policy, row.record_id, request.body);
      return { record: saved, fields };
    },
  );
};
