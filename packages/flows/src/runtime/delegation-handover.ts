import type { SystemTables } from '@tessera/db';
import { cancelJob, enqueue } from '@tessera/jobs';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type DelegationView, delegationStore, type NewDelegation } from './delegations';
import type { FlowService } from './flow-service';

/** Hand-overs of delegations that start later run as a job at their start. */
export const HANDOVER_QUEUE = 'flows.hand_over';

const handOverKey = (delegationId: string) => `hand_over:${delegationId}`;

/**
 * The open tasks (pending, or waiting their turn) of a delegation's owner in running instances
 * within its scope, handed to its delegate: one engine transition per instance, all in `tx`, each
 * keyed by the delegation so a retried job hands over nothing twice. A delegation ended or over
 * by now hands over nothing. Answers how many instances it touched.
 */
export async function handOverOpenTasks(flows: FlowService, tx: Transaction<SystemTables>, delegationId: string): Promise<number> {
  const delegation = await tx
    .selectFrom('flow_delegations')
    .select(['id', 'user_id', 'delegate_id', 'app_id', 'flow_ids'])
    .where('id', '=', delegationId)
    .where('cancelled_at', 'is', null)
    .where('ends_at', '>', new Date())
    .executeTakeFirst();
  if (!delegation) return 0;
  // From the instance's state, not its task rows: a seat of a sequence waiting its turn has no task yet.
  const { rows } = await sql<{ id: string }>`select i.id from flow_instances i
    where i.status = 'running'
      and (${delegation.app_id}::text is null or i.app_id = ${delegation.app_id})
      and (${delegation.flow_ids}::text[] is null or i.flow_id = any(${delegation.flow_ids}::text[]))
      and jsonb_path_exists(i.state, '$.approvals.*.chains[*].seats[*] ? (@.user == $user && (@.status == "pending" || @.status == "waiting"))',
        jsonb_build_object('user', ${delegation.user_id}::text))
    order by i.id`.execute(tx);
  for (const { id } of rows) {
    await flows.act(id, { kind: 'hand_over', user: delegation.user_id, to: delegation.delegate_id }, { key: handOverKey(delegation.id) }, tx);
  }
  return rows.length;
}

/**
 * Sets up an out-of-office delegation and, when asked (`handOver`), hands the owner's open tasks
 * over too: at once, in the same transaction, if it has started; else by a job at its start.
 * Ending the delegation later takes nothing back.
 */
export async function createDelegation(
  db: Kysely<SystemTables>,
  flows: FlowService,
  input: NewDelegation & { handOver: boolean },
): Promise<{ delegation: DelegationView; handedOver: number }> {
  return db.transaction().execute(async (tx) => {
    const delegation = await delegationStore(tx).create(input);
    if (!input.handOver) return { delegation, handedOver: 0 };
    if (input.startsAt <= new Date()) return { delegation, handedOver: await handOverOpenTasks(flows, tx, delegation.id) };
    await enqueue(tx, {
      queue: HANDOVER_QUEUE,
      payload: { delegation: delegation.id },
      runAt: input.startsAt,
      key: handOverKey(delegation.id),
      createdBy: input.createdBy,
    });
    return { delegation, handedOver: 0 };
  });
}

/** Ends a delegation now; a hand-over still waiting for its start is called off. What was handed over stays. */
export async function endDelegation(db: Kysely<SystemTables>, id: string, userId: string, anyone: boolean): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await delegationStore(tx).cancel(id, userId, anyone);
    await cancelJob(tx, HANDOVER_QUEUE, handOverKey(id));
  });
}
