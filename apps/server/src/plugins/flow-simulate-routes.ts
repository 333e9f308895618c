import type { Database } from '@tessera/db';
import { type FlowService, lookAhead } from '@tessera/flows';
import { MetaError, validateDocument } from '@tessera/meta';
import type { LiveAppCache, RecordService } from '@tessera/records';
import type { FlowDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { policyFor, requireAdmin } from '../authentication';
import { identifier, type RoutePlugin, uuid } from '../route-schemas';
import { localized } from './flow-route-schemas';

const tags = ['flows'];
const person = { type: 'object', additionalProperties: false, properties: { id: uuid, name: { type: 'string' } }, required: ['id', 'name'] } as const;

/**
 * The flow designer's "simulate": the path a flow still in the draft would take on an existing
 * record — branches chosen, each approval step with its approvers resolved, steps the submitter
 * picks for — by the engine's own look-ahead, writing nothing. The flow is checked against the
 * live app first with the checks publish runs, so a half-built flow answers 422 with its problems.
 * It runs as its submitter would start it: the record's owner unless another person is named.
 */
export const flowSimulateRoutes: RoutePlugin<{ database: Database; records: RecordService; flows: FlowService; liveApps: LiveAppCache }> = async (
  app,
  { database, records, flows, liveApps },
) => {
  app.post(
    '/api/apps/:appId/flows/simulate',
    {
      schema: {
        tags,
        summary: 'The path a draft flow would take on a record, step by step, with its approvers (admins; nothing is written)',
        params: { type: 'object', properties: { appId: identifier }, required: ['appId'] },
        body: {
          type: 'object',
          properties: {
            flow: { type: 'object', description: 'A flow definition as the draft has it (checked like publish checks it against the live app)' },
            recordId: uuid,
            initiatorId: { ...uuid, description: "Who submits it (heads are found from their department); default: the record's owner" },
          },
          required: ['flow', 'recordId'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            additionalProperties: false,
            required: ['status', 'steps', 'path'],
            properties: {
              status: { type: 'string', description: 'approved, rejected; running when it stopped at a timer or a step nobody would decide' },
              steps: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    node: { type: 'string' },
                    label: { anyOf: [localized, { type: 'null' }] },
                    approvers: { type: 'array', items: person },
                    choose: { type: 'boolean', description: 'The submitter picks approvers of this step' },
                  },
                },
              },
              path: {
                type: 'array',
                description: "What the run did, in order: the instance's history entries (branched, approval_started, cc, updated_record, waiting, ended…)",
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    kind: { type: 'string' },
                    node: { anyOf: [{ type: 'string' }, { type: 'null' }] },
                    label: { anyOf: [localized, { type: 'null' }] },
                    detail: { type: 'object', additionalProperties: true },
                    people: { type: 'array', items: person },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const user = requireAdmin(request);
      const { appId } = request.params;
      const { recordId, initiatorId } = request.body;
      const live = await liveApps.get(appId);
      // The checks publish runs, on the live app with this flow as its only one.
      const verdict = validateDocument({ ...live.document, flows: [request.body.flow] });
      if (!verdict.ok) throw new MetaError('meta.invalid', 422, verdict.issues, { count: verdict.issues.length });
      const flow = verdict.document.flows?.[0] as FlowDefinition;
      // The record must exist and be readable, as for a real submit.
      const record: Record<string, unknown> = await records.get(appId, flow.object, policyFor(request, appId), recordId);
      const owner = typeof record.owner_id === 'string' ? record.owner_id : null;
      const { definition, env } = await flows.draftEnvironment(appId, flow, recordId, initiatorId ?? owner ?? user.userId);
      const run = lookAhead(definition.graph, env);
      const peopleIn = (detail: Record<string, unknown> | undefined): string[] =>
        [detail?.approvers, detail?.users].flatMap((list) => (Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : []));
      const ids = [...new Set([...run.steps.flatMap((s) => s.approvers), ...run.trail.flatMap((e) => peopleIn(e.detail))])];
      const { rows } = ids.length
        ? await sql<{ id: string; name: string }>`select id, name from users where id = any(${ids}::uuid[])`.execute(database.db)
        : { rows: [] };
      const names = new Map(rows.map((r) => [r.id, r.name] as const));
      const named = (id: string) => ({ id, name: names.get(id) ?? '' });
      const labelOf = (node: string | undefined) => flow.nodes.find((n) => n.id === node)?.label ?? null;
      return {
        status: run.status,
        steps: run.steps.map((s) => ({ node: s.node, label: labelOf(s.node), approvers: s.approvers.map(named), choose: s.choose })),
        path: run.trail
          .filter((e) => e.kind !== 'started')
          .map((e) => ({ kind: e.kind, node: e.node ?? null, label: labelOf(e.node), detail: e.detail ?? {}, people: peopleIn(e.detail).map(named) })),
      };
    },
  );
};
