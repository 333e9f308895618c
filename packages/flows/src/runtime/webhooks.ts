import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fullAccess } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import type { LiveAppCache, RecordService } from '@tessera/records';
import type { FlowDefinition } from '@tessera/schemas';
import type { Kysely } from 'kysely';
import { FlowError } from '../flow-error';
import type { FlowService } from './flow-service';
import { startTriggered } from './triggers';

/*
 * Inbound webhooks that start a flow, signed as Standard Webhooks signs (standardwebhooks.com):
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">` under
 * a per-flow secret `whsec_<base64>`. The timestamp bounds replays; the id makes a sender's retry
 * of one delivery start nothing twice.
 */

/** How far a delivery's timestamp may be from our clock, either way. */
const TOLERANCE_SECONDS = 5 * 60;
const PREFIX = 'whsec_';

export interface WebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export interface WebhookDelivery {
  /** Values of a record of the flow's object to create and start the flow on. */
  values?: Record<string, unknown> | undefined;
  /** Or an existing record of the flow's object to start it on. */
  recordId?: string | undefined;
}

export interface WebhookAnswer {
  instanceId: string | null;
  recordId: string | null;
  /** True when this delivery id was received before: the first answer, nothing started again. */
  duplicate: boolean;
}

/** The signature a sender must put on `body` (also what a test or a sender's SDK computes). */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Whether the headers sign `body` with `secret` within the tolerance; a sender may list several signatures. */
export function verifyWebhook(secret: string, headers: WebhookHeaders, body: string, now = Date.now()): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, id, Number(timestamp), body).slice(3));
  return signature.split(' ').some((candidate) => {
    if (!candidate.startsWith('v1,')) return false;
    const given = Buffer.from(candidate.slice(3));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** A new secret for the flow's webhook, replacing the one before (which stops working at once). */
export async function rotateWebhookSecret(db: Kysely<SystemTables>, appId: string, flowId: string, actor: string | null): Promise<string> {
  const secret = `${PREFIX}${randomBytes(24).toString('base64')}`;
  await db
    .insertInto('flow_webhook_secrets')
    .values({ app_id: appId, flow_id: flowId, secret, created_by: actor })
    .onConflict((oc) => oc.columns(['app_id', 'flow_id']).doUpdateSet({ secret, created_by: actor, created_at: new Date() }))
    .execute();
  return secret;
}

/** A webhook writes the record it brings as the flow does: as itself, every field. */
const WEBHOOK_ACCESS = fullAccess({ userId: null, departmentId: null });

export interface WebhookReceiver {
  /** The live flow `flowId` when it is started by a webhook and enabled; otherwise flow.webhook_not_found. */
  flowOf(appId: string, flowId: string): Promise<FlowDefinition>;
  /** The secret the flow's webhook is signed with, if the flow is started by one and has a secret. */
  secretOf(appId: string, flowId: string): Promise<string>;
  /** Starts the flow for a verified delivery, once per delivery id: creating its record first when it brings values. */
  receive(appId: string, flowId: string, deliveryId: string, delivery: WebhookDelivery): Promise<WebhookAnswer>;
}

export function createWebhookReceiver(db: Kysely<SystemTables>, liveApps: LiveAppCache, records: RecordService, flows: FlowService): WebhookReceiver {
  async function webhookFlow(appId: string, flowId: string): Promise<FlowDefinition> {
    const live = await liveApps.get(appId).catch(() => null);
    const flow = live?.document.flows?.find((f) => f.id === flowId);
    if (flow?.trigger.kind !== 'webhook' || flow.enabled === false) throw new FlowError('flow.webhook_not_found', { flow: flowId });
    return flow;
  }

  return {
    flowOf: webhookFlow,

    async secretOf(appId, flowId) {
      await webhookFlow(appId, flowId);
      const row = await db.selectFrom('flow_webhook_secrets').select('secret').where('app_id', '=', appId).where('flow_id', '=', flowId).executeTakeFirst();
      if (!row) throw new FlowError('flow.webhook_not_found', { flow: flowId });
      return row.secret;
    },

    async receive(appId, flowId, deliveryId, delivery) {
      const flow = await webhookFlow(appId, flowId);
      return records.transaction(async (inside, tx) => {
        const claimed = await tx
          .insertInto('flow_webhook_deliveries')
          .values({ app_id: appId, flow_id: flowId, delivery_id: deliveryId })
          .onConflict((oc) => oc.doNothing())
          .returning('delivery_id')
          .executeTakeFirst();
        if (!claimed) {
          // Received before (the sender retried after a lost answer): the first delivery's answer.
          const first = await tx
            .selectFrom('flow_webhook_deliveries')
            .select(['instance_id', 'record_id'])
            .where('app_id', '=', appId)
            .where('flow_id', '=', flowId)
            .where('delivery_id', '=', deliveryId)
            .executeTakeFirstOrThrow();
          return { instanceId: first.instance_id, recordId: first.record_id, duplicate: true };
        }
        let recordId = delivery.recordId ?? null;
        // A record named that does not exist is the sender's error (404), not a delivery that started nothing.
        if (recordId) await inside.get(appId, flow.object, WEBHOOK_ACCESS, recordId);
        if (delivery.values) recordId = String((await inside.create(appId, flow.object, WEBHOOK_ACCESS, { values: delivery.values })).id);
        // Started as the record events start flows: under the trigger's condition, refused quietly (the record is gone).
        const instance = await startTriggered(flows, appId, flow, recordId, null, tx);
        await tx
          .updateTable('flow_webhook_deliveries')
          .set({ instance_id: instance?.id ?? null, record_id: recordId })
          .where('app_id', '=', appId)
          .where('flow_id', '=', flowId)
          .where('delivery_id', '=', deliveryId)
          .execute();
        return { instanceId: instance?.id ?? null, recordId, duplicate: false };
      });
    },
  };
}
