import type { Database } from '@tessera/db';
import {
  type FileRef,
  type FlowCommand,
  type FlowDefinitions,
  FlowError,
  type FlowService,
  type InstanceRow,
  instancesOfRecord,
  previewApprovals,
} from '@tessera/flows';
import { RecordError, type RecordService } from '@tessera/records';
import { sql } from 'kysely';
import { policyFor, requireUser } from '../authentication';
import { dateTime, identifier, nullableString, type RoutePlugin, recordParams, uuid } from '../route-schemas';
import { localized, person } from './flow-route-schemas';
import { approvalViewer } from './flow-viewer';

const tags = ['flows'];
const flowParams = { type: 'object', properties: { appId: identifier, flowId: identifier }, required: ['appId', 'flowId'] } as const;
const instanceParams = { type: 'object', properties: { id: uuid }, required: ['id'] } as const;
const idempotency = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200, description: 'The same key twice: the action is applied once' } },
} as const;

const instanceSummary = {
  type: 'object',
  properties: { id: uuid, status: { type: 'string' }, flowId: { type: 'string' } },
  additionalProperties: false,
} as const;

const instance = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: uuid,
    appId: { type: 'string' },
    flowId: { type: 'string' },
    flowLabel: localized,
    objectId: { type: 'string' },
    recordId: { anyOf: [uuid, { type: 'null' }] },
    recordLabel: nullableString,
    status: { type: 'string' },
    round: { type: 'integer' },
    initiator: person,
    startedAt: dateTime,
    endedAt: { anyOf: [dateTime, { type: 'null' }] },
    recordLocked: { type: 'boolean', description: 'Only the current approvers may change the record now' },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          node: { type: 'string' },
          kind: { type: 'string' },
          label: { anyOf: [localized, { type: 'null' }] },
          parent: nullableString,
          state: { type: 'string' },
        },
      },
    },
    tasks: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          node: { type: 'string' },
          round: { type: 'integer' },
          user: uuid,
          name: { type: 'string' },
          status: { type: 'string' },
          comment: nullableString,
          at: dateTime,
        },
      },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          at: dateTime,
          actor: { anyOf: [uuid, { type: 'null' }] },
          actorName: nullableString,
          kind: { type: 'string' },
          node: nullableString,
          detail: { anyOf: [{ type: 'object', additionalProperties: true }, { type: 'null' }] },
        },
      },
    },
    mine: {
      type: 'object',
      additionalProperties: false,
      properties: {
        pending: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              node: { type: 'string' },
              label: { anyOf: [localized, { type: 'null' }] },
              fieldPermissions: { type: 'object', additionalProperties: { type: 'string' } },
              returnTargets: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: { node: { type: 'string' }, label: { anyOf: [localized, { type: 'null' }] } },
                },
              },
            },
          },
        },
        isInitiator: { type: 'boolean' },
        canWithdraw: { type: 'boolean' },
        canResubmit: { type: 'boolean' },
        canUrge: { type: 'boolean' },
      },
    },
  },
} as const;

const action = {
  type: 'object',
  additionalProperties: false,
  required: ['action'],
  properties: {
    action: { enum: ['approve', 'reject', 'return', 'resubmit', 'transfer', 'add_signer', 'withdraw', 'urge', 'comment', 'cancel'] },
    node: { type: 'string', maxLength: 64, description: 'The step the action is for, when the user has tasks at several' },
    to: { type: 'string', maxLength: 64, description: 'return: `initiator` or an earlier step; transfer: the user (uuid)' },
    signer: uuid,
    position: { enum: ['before', 'after', 'parallel'] },
    comment: { type: 'string', maxLength: 5_000 },
    attachments: {
      type: 'array',
      items: uuid,
      maxItems: 10,
      uniqueItems: true,
      description: 'Files uploaded by the caller (`POST /api/apps/:appId/files`) to keep with what they say',
    },
  },
} as const;

interface FlowRouteOptions {
  database: Database;
  records: RecordService;
  flows: FlowService;
  definitions: FlowDefinitions;
}

/**
 * Approvals over HTTP: submitting a record to a flow, an instance as its participants see it, and their actions (each with an optional idempotency key, so a double click or a retry
 * acts once). Every action is the engine's command in the name of the signed-in user.
 */
export const flowRoutes: RoutePlugin<FlowRouteOptions> = async (app, { database, records, flows, definitions }) => {
  const db = database.db;

  const mayView = approvalViewer(database, records, definitions);

  /** Files the caller uploaded to the instance's app: what they attach to what they say. */
  async function ownUploads(appId: string, user: string, ids: readonly string[]): Promise<FileRef[]> {
    if (ids.length === 0) return [];
    const files = await db
      .selectFrom('files')
      .select(['id', 'name', 'size', 'mime'])
      .where('id', 'in', ids)
      .where('app_id', '=', appId)
      .where('created_by', '=', user)
      .execute();
    if (files.length !== ids.length) throw new FlowError('flow.attachment_unknown');
    return ids.map((id) => {
      const file = files.find((f) => f.id === id)!;
      return { id: file.id, name: file.name, size: Number(file.size), mime: file.mime };
    });
  }

  /** An approval refused for empty fields its step requires answers like a record that fails validation: each field named, in the user's language. */
  async function requiredFieldsProblem(row: InstanceRow, error: FlowError): Promise<RecordError> {
    const { document } = await definitions.get(db, row.app_id, row.app_version, row.flow_id);
    const fields = document.objects.find((o) => o.id === row.object_id)?.fields ?? [];
    const missing = String(error.params.fields ?? '')
      .split(',')
      .filter(Boolean);
    return new RecordError(
      'record.invalid',
      missing.map((id) => ({
        field: id,
        pointer: `/values/${id}`,
        code: 'field.required',
        params: { field: id },
        label: fields.find((f) => f.id === id)?.label,
      })),
      { count: missing.length },
    );
  }

  app.post(
    '/api/apps/:appId/flows/:flowId/instances',
    {
      schema: {
        tags,
        summary: 'Submit a record to a flow (its trigger is a submit button)',
        params: flowParams,
        headers: idempotency,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['recordId'],
          properties: {
            recordId: uuid,
            chosen: {
              type: 'object',
              additionalProperties: { type: 'array', items: uuid, maxItems: 20 },
              description: 'Approvers picked by the initiator, by step',
            },
          },
        },
        response: { 201: instanceSummary },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { appId, flowId } = request.params;
      const live = await flows.dryEnvironment(appId, flowId, null, user.userId);
      if (live.definition.flow.trigger.kind !== 'submit') throw new FlowError('flow.start_refused', { reason: 'trigger' });
      // Only someone who may read the record may submit it.
      await records.get(appId, live.definition.flow.object, policyFor(request, appId), request.body.recordId);
      const started = await flows.start({ appId, flowId, recordId: request.body.recordId, initiator: user.userId, chosen: request.body.chosen });
      return reply.status(201).send({ id: started.id, status: started.status, flowId: started.flow_id });
    },
  );

  app.get(
    '/api/apps/:appId/flows/:flowId/preview',
    {
      schema: {
        tags,
        summary: 'Who will approve this record, step by step, if submitted now (nothing is written)',
        params: flowParams,
        querystring: { type: 'object', properties: { recordId: uuid }, required: ['recordId'], additionalProperties: false },
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                node: { type: 'string' },
                label: { anyOf: [localized, { type: 'null' }] },
                approvers: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { id: uuid, name: { type: 'string' } } } },
                choose: { type: 'boolean', description: 'The submitter picks approvers of this step (send them as `chosen`)' },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { appId, flowId } = request.params;
      const { definition } = await flows.dryEnvironment(appId, flowId, null, user.userId);
      await records.get(appId, definition.flow.object, policyFor(request, appId), request.query.recordId);
      const { env } = await flows.dryEnvironment(appId, flowId, request.query.recordId, user.userId);
      const steps = previewApprovals(definition.graph, env);
      const ids = [...new Set(steps.flatMap((s) => s.approvers))];
      const { rows } = ids.length
        ? await sql<{ id: string; name: string }>`select id, name from users where id = any(${ids}::uuid[])`.execute(db)
        : { rows: [] };
      const names = new Map(rows.map((r) => [r.id, r.name] as const));
      return steps.map((s) => ({
        node: s.node,
        label: definition.flow.nodes.find((n) => n.id === s.node)?.label ?? null,
        approvers: s.approvers.map((id) => ({ id, name: names.get(id) ?? '' })),
        choose: s.choose,
      }));
    },
  );

  app.get(
    '/api/apps/:appId/objects/:objectId/records/:recordId/flows',
    {
      schema: {
        tags,
        summary: "A record's approvals: the flows it may be submitted to, and its instances, newest first",
        params: recordParams,
        response: {
          200: {
            type: 'object',
            additionalProperties: false,
            properties: {
              submittable: {
                type: 'array',
                items: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, label: localized, running: { type: 'boolean' } } },
              },
              instances: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    id: uuid,
                    flowId: { type: 'string' },
                    status: { type: 'string' },
                    startedAt: dateTime,
                    endedAt: { anyOf: [dateTime, { type: 'null' }] },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const { appId, objectId, recordId } = request.params;
      await records.get(appId, objectId, policyFor(request, appId), recordId);
      const instances = await instancesOfRecord(db, appId, objectId, recordId);
      const { rows } = await sql<{
        document: { flows?: { id: string; label: Record<string, string>; object: string; enabled?: boolean; trigger: { kind: string } }[] };
      }>`
        select v.document from meta_apps a join meta_versions v on v.app_id = a.id and v.version = a.live_version where a.id = ${appId}`.execute(db);
      const submittable = (rows[0]?.document.flows ?? [])
        .filter((f) => f.object === objectId && f.enabled !== false && f.trigger.kind === 'submit')
        .map((f) => ({ id: f.id, label: f.label, running: instances.some((i) => i.flowId === f.id && i.status === 'running') }));
      return { submittable, instances };
    },
  );

  app.get(
    '/api/flows/instances/:id',
    {
      schema: {
        tags,
        summary: 'An approval as its participants see it: steps, tasks, history, and what I may do',
        params: instanceParams,
        response: { 200: instance },
      },
    },
    async (request) => (await mayView(request, request.params.id)).view,
  );

  app.post(
    '/api/flows/instances/:id/actions',
    {
      schema: {
        tags,
        summary: 'Act on an approval: approve, reject, return, resubmit, transfer, add a signer, withdraw, urge, comment (admins: cancel)',
        params: instanceParams,
        headers: idempotency,
        body: action,
        response: { 200: instance },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const body = request.body;
      const { row } = await mayView(request, request.params.id);
      if (body.action === 'cancel' && !user.isAdmin) throw new FlowError('flow.forbidden');
      const who = user.userId;
      const attachments = await ownUploads(row.app_id, who, body.attachments ?? []);
      const said = { comment: body.comment, ...(attachments.length ? { attachments } : {}) };
      const command: FlowCommand =
        body.action === 'approve' || body.action === 'reject'
          ? { kind: body.action, user: who, node: body.node, ...said }
          : body.action === 'return'
            ? { kind: 'return', user: who, node: body.node, to: body.to ?? 'initiator', ...said }
            : body.action === 'transfer'
              ? { kind: 'transfer', user: who, node: body.node, to: body.to ?? '', ...said }
              : body.action === 'add_signer'
                ? { kind: 'add_signer', user: who, node: body.node, signer: body.signer ?? '', position: body.position ?? 'before', ...said }
                : body.action === 'comment'
                  ? { kind: 'comment', user: who, text: body.comment ?? '', attachments: said.attachments }
                  : body.action === 'cancel'
                    ? { kind: 'cancel', user: who, reason: body.comment }
                    : body.action === 'urge'
                      ? { kind: 'urge', user: who }
                      : { kind: body.action, user: who, ...said };
      if (body.action === 'transfer' && !/^[0-9a-f-]{36}$/.test(body.to ?? '')) throw new FlowError('flow.no_task');
      await flows.act(request.params.id, command, { key: request.headers['idempotency-key'] }).catch(async (error: unknown) => {
        throw error instanceof FlowError && error.code === 'flow.fields_required' ? await requiredFieldsProblem(row, error) : error;
      });
      return (await mayView(request, request.params.id)).view;
    },
  );
};
