import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const flowsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // A running flow: its state (tokens, approvals) as one document under a revision, pinned to
    // the app version it started on. At most one running instance per record and flow.
    await sql`create table flow_instances (
      id uuid primary key default gen_random_uuid(),
      app_id text not null references meta_apps (id) on delete cascade,
      flow_id text not null,
      app_version integer not null,
      object_id text not null,
      record_id uuid,
      initiator_id uuid,
      status text not null default 'running' check (status in ('running', 'approved', 'rejected', 'withdrawn', 'cancelled')),
      state jsonb not null,
      revision integer not null default 1,
      trigger_key text,
      started_at timestamptz not null default now(),
      ended_at timestamptz,
      updated_at timestamptz not null default now()
    )`.execute(db);
    await sql`create unique index flow_instances_running_idx on flow_instances (app_id, flow_id, record_id) where status = 'running' and record_id is not null`.execute(
      db,
    );
    await sql`create unique index flow_instances_trigger_idx on flow_instances (app_id, flow_id, record_id, trigger_key) where trigger_key is not null`.execute(
      db,
    );
    await sql`create index flow_instances_record_idx on flow_instances (app_id, object_id, record_id, started_at desc)`.execute(db);
    await sql`create index flow_instances_initiator_idx on flow_instances (initiator_id, status, started_at desc)`.execute(db);
    // One row per seat of an approval (and per person CC'd): the inbox. Unique per instance,
    // node, round and seat, so a double click cannot make two tasks.
    await sql`create table flow_tasks (
      id uuid primary key default gen_random_uuid(),
      instance_id uuid not null references flow_instances (id) on delete cascade,
      app_id text not null,
      flow_id text not null,
      object_id text not null,
      record_id uuid,
      node_id text not null,
      round integer not null,
      seat_id text not null,
      assignee uuid not null,
      status text not null,
      comment text,
      created_at timestamptz not null default now(),
      decided_at timestamptz,
      updated_at timestamptz not null default now(),
      unique (instance_id, node_id, round, seat_id)
    )`.execute(db);
    await sql`create index flow_tasks_inbox_idx on flow_tasks (assignee, status, created_at desc)`.execute(db);
    await sql`create index flow_tasks_instance_idx on flow_tasks (instance_id)`.execute(db);
    // Everything that happened to an instance, append-only.
    await sql`create table flow_history (
      id bigserial primary key,
      instance_id uuid not null references flow_instances (id) on delete cascade,
      at timestamptz not null default now(),
      actor_id uuid,
      kind text not null,
      node_id text,
      detail jsonb
    )`.execute(db);
    await sql`create index flow_history_instance_idx on flow_history (instance_id, id)`.execute(db);
    // Idempotency keys of the commands applied: the same key twice changes nothing the second time.
    await sql`create table flow_commands (
      instance_id uuid not null references flow_instances (id) on delete cascade,
      key text not null,
      at timestamptz not null default now(),
      primary key (instance_id, key)
    )`.execute(db);
    // In-app notifications: a task, a CC, a reminder, a return.
    await sql`create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      app_id text,
      kind text not null,
      title jsonb,
      link jsonb,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
    await sql`create index notifications_user_idx on notifications (user_id, read_at, created_at desc)`.execute(db);
  },
};
