import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const flowDelegationsMigration: Migration = {
  async up(db) {
    // Out of office: from `starts_at` to `ends_at`, approvals that would go to `user_id` go to
    // `delegate_id` instead — in every app, or one app, or some of its flows.
    await sql`create table flow_delegations (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      delegate_id uuid not null references users (id) on delete cascade,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      app_id text,
      flow_ids text[],
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      cancelled_at timestamptz,
      check (ends_at > starts_at),
      check (user_id <> delegate_id)
    )`.execute(db);
    await sql`create index flow_delegations_user_idx on flow_delegations (user_id, ends_at) where cancelled_at is null`.execute(db);
    // The flow engine's directory cache is emptied by the identity channel: a delegation changes who approves.
    await sql`create trigger flow_delegations_identity_changed after insert or update or delete on flow_delegations
      for each statement execute function tessera_identity_changed()`.execute(db);
  },
};
