import type { SystemTables } from '@tessera/db';
import type { Kysely } from 'kysely';
import { FlowError } from '../flow-error';

/** One out-of-office period as its owner and their delegate see it. */
export interface DelegationView {
  id: string;
  userId: string;
  delegateId: string;
  startsAt: string;
  endsAt: string;
  appId: string | null;
  flowIds: string[] | null;
}

export interface NewDelegation {
  userId: string;
  delegateId: string;
  startsAt: Date;
  endsAt: Date;
  appId?: string | null | undefined;
  flowIds?: string[] | null | undefined;
  createdBy: string;
}

/** The longest a delegation may run: a forgotten one must not hand someone's approvals away for ever. */
const LONGEST_DAYS = 366;

const view = (row: {
  id: string;
  user_id: string;
  delegate_id: string;
  starts_at: Date;
  ends_at: Date;
  app_id: string | null;
  flow_ids: string[] | null;
}): DelegationView => ({
  id: row.id,
  userId: row.user_id,
  delegateId: row.delegate_id,
  startsAt: new Date(row.starts_at).toISOString(),
  endsAt: new Date(row.ends_at).toISOString(),
  appId: row.app_id,
  flowIds: row.flow_ids,
});

const COLUMNS = ['id', 'user_id', 'delegate_id', 'starts_at', 'ends_at', 'app_id', 'flow_ids'] as const;

/**
 * Out-of-office delegations: while one is in force, the approvals that reach its owner go to the
 * delegate instead (the engine reads them through the directory cache, emptied by a trigger on
 * every change). Tasks already open are handed over by delegation-handover.ts when asked.
 */
export function delegationStore(db: Kysely<SystemTables>) {
  return {
    /** Those not over yet that `userId` set up, and those that make `userId` someone's delegate. */
    async list(userId: string): Promise<{ mine: DelegationView[]; forOthers: DelegationView[] }> {
      const rows = await db
        .selectFrom('flow_delegations')
        .select(COLUMNS)
        .where('cancelled_at', 'is', null)
        .where('ends_at', '>', new Date())
        .where((eb) => eb.or([eb('user_id', '=', userId), eb('delegate_id', '=', userId)]))
        .orderBy('starts_at')
        .execute();
      return { mine: rows.filter((r) => r.user_id === userId).map(view), forOthers: rows.filter((r) => r.delegate_id === userId).map(view) };
    },

    async create(input: NewDelegation): Promise<DelegationView> {
      if (input.delegateId === input.userId) throw new FlowError('flow.delegate_self');
      if (input.endsAt <= input.startsAt || input.endsAt <= new Date()) throw new FlowError('flow.delegation_period', { days: LONGEST_DAYS });
      if (input.endsAt.getTime() - input.startsAt.getTime() > LONGEST_DAYS * 86_400_000) throw new FlowError('flow.delegation_period', { days: LONGEST_DAYS });
      const delegate = await db.selectFrom('users').select('id').where('id', '=', input.delegateId).where('active', '=', true).executeTakeFirst();
      if (!delegate) throw new FlowError('flow.delegate_unknown');
      const row = await db
        .insertInto('flow_delegations')
        .values({
          user_id: input.userId,
          delegate_id: input.delegateId,
          starts_at: input.startsAt,
          ends_at: input.endsAt,
          app_id: input.appId ?? null,
          flow_ids: input.flowIds?.length ? input.flowIds : null,
          created_by: input.createdBy,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return view(row);
    },

    /** Ends a delegation now; only its owner (or an administrator, `anyone`) may. */
    async cancel(id: string, userId: string, anyone: boolean): Promise<void> {
      let update = db.updateTable('flow_delegations').set({ cancelled_at: new Date() }).where('id', '=', id).where('cancelled_at', 'is', null);
      if (!anyone) update = update.where('user_id', '=', userId);
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new FlowError('flow.not_found', { delegation: id });
    },
  };
}

export type DelegationStore = ReturnType<typeof delegationStore>;
