import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { commentEditsMigration } from './migration-comment-edits';

/** System schema migrations. Append only: a shipped migration is never edited. */
const migrations: Record<string, Migration> = {
  '0001_metadata_store': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('meta_apps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('draft', 'jsonb', (c) => c.notNull())
        .addColumn('draft_revision', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('live_version', 'integer')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('meta_versions')
        .addColumn('app_id', 'text', (c) => c.notNull().references('meta_apps.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'jsonb', (c) => c.notNull())
        .addColumn('plan', 'jsonb', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('published_by', 'text')
        .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('rolled_back_from', 'integer')
        .addPrimaryKeyConstraint('meta_versions_pk', ['app_id', 'version'])
        .execute();
      await db.schema
        .createTable('meta_columns')
        .addColumn('app_id', 'text', (c) => c.notNull().references('meta_apps.id').onDelete('cascade'))
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('field_id', 'text', (c) => c.notNull())
        .addColumn('field_type', 'text', (c) => c.notNull())
        .addColumn('sql_type', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('retired_at', 'timestamptz')
        .addPrimaryKeyConstraint('meta_columns_pk', ['app_id', 'object_id', 'field_id'])
        .execute();
      await db.schema
        .createTable('record_history')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('record_id', 'uuid', (c) => c.notNull())
        .addColumn('record_version', 'integer', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('changes', 'jsonb', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      // Publishing a type change counts the values that would not convert before altering the column.
      // The type name comes from Tessera's closed list of column types, never from a user.
      await sql`create or replace function tessera_can_cast(value text, type_name text) returns boolean
        language plpgsql immutable as $$
        begin
          execute format('select %L::%s', value, type_name);
          return true;
        exception when others then
          return false;
        end $$`.execute(db);
      await db.schema.createIndex('record_history_record_idx').on('record_history').columns(['app_id', 'object_id', 'record_id', 'id']).execute();
    },
  },
  '0002_identity_and_audit': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('departments')
        .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'uuid', (c) => c.references('departments.id').onDelete('restrict'))
        .addColumn('head_user_id', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('department_id', 'uuid', (c) => c.references('departments.id').onDelete('set null'))
        .addColumn('is_admin', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
        .addColumn('locale', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create unique index users_email_idx on users (lower(email))`.execute(db);
      await sql`alter table departments add constraint departments_head_fk foreign key (head_user_id) references users (id) on delete set null`.execute(db);
      await db.schema
        .createTable('user_roles')
        .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('app_id', 'text', (c) => c.notNull().references('meta_apps.id').onDelete('cascade'))
        .addColumn('role_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'app_id', 'role_id'])
        .execute();
      // Tokens are stored as SHA-256 digests: a leaked table does not hand out sessions.
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('last_used_at', 'timestamptz')
        .addColumn('revoked_at', 'timestamptz')
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('actor_id', 'uuid')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('app_id', 'text')
        .addColumn('object_id', 'text')
        .addColumn('record_id', 'uuid')
        .addColumn('ip', 'text')
        .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .execute();
      await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'subject', 'at']).execute();
      await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
      // The audit log is append-only: no role the application uses may change or remove a line.
      await sql`create or replace function tessera_audit_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_log_append_only before update or delete on audit_log
        for each row execute function tessera_audit_append_only()`.execute(db);
    },
  },
  '0003_api_token_scope': {
    async up(db: Kysely<unknown>) {
      // A token may act with only some of its user's roles in one app (never as administrator).
      await db.schema.alterTable('api_tokens').addColumn('scope_app_id', 'text').execute();
      await db.schema.alterTable('api_tokens').addColumn('scope_roles', sql`text[]`).execute();
    },
  },
  '0004_form_drafts': {
    async up(db: Kysely<unknown>) {
      // Unfinished forms, autosaved per user: one draft per user, app, object and key ('new' or a record id).
      await db.schema
        .createTable('form_drafts')
        .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('app_id', 'text', (c) => c.notNull().references('meta_apps.id').onDelete('cascade'))
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('draft_key', 'text', (c) => c.notNull())
        .addColumn('values', 'jsonb', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('form_drafts_pk', ['user_id', 'app_id', 'object_id', 'draft_key'])
        .execute();
    },
  },
  '0005_files': {
    async up(db: Kysely<unknown>) {
      // Uploaded attachments and images; the bytes live in a file store, this is what is known of them.
      await db.schema
        .createTable('files')
        .addColumn('id', 'uuid', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull().references('meta_apps.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('created_by', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
  },
  '0006_saved_views': {
    async up(db: Kysely<unknown>) {
      // A user's own list views (filters, sort, columns), next to the ones the admin publishes.
      await db.schema
        .createTable('saved_views')
        .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('app_id', 'text', (c) => c.notNull().references('meta_apps.id').onDelete('cascade'))
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('definition', 'jsonb', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint('saved_views_name', ['user_id', 'app_id', 'object_id', 'name'])
        .execute();
    },
  },
  '0007_record_comments': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('record_comments')
        .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('app_id', 'text', (c) => c.notNull().references('meta_apps.id').onDelete('cascade'))
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('record_id', 'uuid', (c) => c.notNull())
        .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('mentions', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('deleted_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('record_comments_record_idx').on('record_comments').columns(['app_id', 'object_id', 'record_id', 'created_at']).execute();
      // "Where was I mentioned?" reads by person.
      await sql`create index record_comments_mentions_idx on record_comments using gin (mentions)`.execute(db);
    },
  },
  '0008_record_events': {
    async up(db: Kysely<unknown>) {
      // What made a change (a user's edit, a bulk edit, an import, a flow…), for the timeline and for subscribers.
      await db.schema.alterTable('record_history').addColumn('source', 'text').execute();
      // The outbox: one row per record change, written in the change's own transaction. `id` is the
      // write order; `position` the commit order, assigned by the one sequencer once the row is
      // visible (packages/events). Rows are pruned once every subscriber has them.
      await db.schema
        .createTable('record_events')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('position', 'bigint')
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('record_id', 'uuid')
        .addColumn('history_id', 'bigint')
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('detail', 'jsonb')
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await sql`create index record_events_unsequenced_idx on record_events (id) where position is null`.execute(db);
      await sql`create unique index record_events_position_idx on record_events (position) where position is not null`.execute(db);
      // The last position handed out; its row lock makes the sequencer one at a time across processes.
      await sql`create table event_sequence (singleton boolean primary key default true check (singleton), position bigint not null default 0)`.execute(db);
      await sql`insert into event_sequence default values`.execute(db);
      // Each subscriber's progress: the last position it has applied, moved in the transaction that applies it.
      await db.schema
        .createTable('event_subscribers')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('position', 'bigint', (c) => c.notNull())
        .addColumn('delivered', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('retry_at', 'timestamptz')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      // How often each object's data has changed: report caches compare it to know they are stale.
      await db.schema
        .createTable('record_data_versions')
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('last_event_id', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('record_data_versions_pk', ['app_id', 'object_id'])
        .execute();
    },
  },
  '0009_identity_notifications': {
    async up(db: Kysely<unknown>) {
      // Server processes cache who is signed in; a commit that changes who may do what tells them
      // all (packages/identity signed-in-cache.ts). A trigger, not application code, so no path
      // that deactivates, revokes or reassigns — an admin route, a script, psql — can forget to.
      // Statement-level: a bulk change notifies once. New sessions and tokens need no notice.
      await sql`create or replace function tessera_identity_changed() returns trigger language plpgsql as $$
        begin perform pg_notify('tessera_identity', tg_table_name); return null; end $$`.execute(db);
      for (const [table, events] of [
        ['users', 'update or delete'],
        ['user_roles', 'insert or update or delete'],
        ['departments', 'insert or update or delete'],
        ['sessions', 'update or delete'],
        ['api_tokens', 'update or delete'],
      ] as const) {
        await sql`create trigger ${sql.raw(`${table}_identity_changed`)} after ${sql.raw(events)} on ${sql.table(table)}
          for each statement execute function tessera_identity_changed()`.execute(db);
      }
    },
  },
  '0010_jobs': {
    async up(db: Kysely<unknown>) {
      // Work done later or in the background — an import, a flow's timer, an outbound call —
      // kept in PostgreSQL so it survives a crash, claimed with FOR UPDATE SKIP LOCKED so that
      // several server processes share it and each job runs once (packages/jobs).
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('queue', 'text', (c) => c.notNull())
        // Idempotency: a second enqueue with the same key in the same queue is a no-op.
        .addColumn('key', 'text')
        .addColumn('payload', 'jsonb', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
        .addColumn('run_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', 'timestamptz')
        .addColumn('progress', 'jsonb')
        .addColumn('result', 'jsonb')
        .addColumn('last_error', 'text')
        .addColumn('created_by', 'uuid')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('finished_at', 'timestamptz')
        .execute();
      await sql`alter table jobs add constraint jobs_state check (state in ('queued', 'running', 'done', 'failed', 'cancelled'))`.execute(db);
      await sql`create unique index jobs_key_idx on jobs (queue, key) where key is not null`.execute(db);
      await sql`create index jobs_due_idx on jobs (queue, run_at, id) where state = 'queued'`.execute(db);
      await sql`create index jobs_leased_idx on jobs (queue, locked_until) where state = 'running'`.execute(db);
    },
  },
  '0011_flows': {
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
  },
  '0012_flow_webhooks': {
    async up(db) {
      // A flow started by an inbound webhook: its signing secret (symmetric, as Standard Webhooks
      // signs; shown once to the admin who makes it), and each delivery received, so a sender's
      // retry of the same delivery starts nothing twice.
      await sql`create table flow_webhook_secrets (
        app_id text not null,
        flow_id text not null,
        secret text not null,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        primary key (app_id, flow_id)
      )`.execute(db);
      await sql`create table flow_webhook_deliveries (
        app_id text not null,
        flow_id text not null,
        delivery_id text not null,
        instance_id uuid references flow_instances (id) on delete set null,
        record_id uuid,
        received_at timestamptz not null default now(),
        primary key (app_id, flow_id, delivery_id)
      )`.execute(db);
    },
  },
  '0013_flow_delegations': {
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
  },
  '0014_imports': {
    async up(db) {
      // One row per uploaded import file: what the user chose, where it stands, what it did, its errors.
      await sql`create table import_batches (
        id uuid primary key default gen_random_uuid(),
        app_id text not null,
        object_id text not null,
        file_id uuid not null,
        file_name text not null,
        kind text not null,
        status text not null default 'uploaded',
        plan jsonb,
        result jsonb,
        errors jsonb,
        created_by uuid,
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        undone_at timestamptz
      )`.execute(db);
      await sql`create index import_batches_object_idx on import_batches (app_id, object_id, created_at desc)`.execute(db);
      // What a committed import wrote, so it can be undone: records it created, and those it
      // updated with their values before and their version after.
      await sql`create table import_batch_records (
        batch_id uuid not null references import_batches (id) on delete cascade,
        record_id uuid not null,
        action text not null,
        version integer not null,
        previous jsonb,
        primary key (batch_id, record_id)
      )`.execute(db);
    },
  },
  '0015_record_merges': {
    async up(db) {
      // A merged record stays in its table, deleted; this row is its pointer to the survivor and
      // what an undo needs. At most one live merge per loser (a record is merged away once).
      await sql`create table record_merges (
        id uuid primary key default gen_random_uuid(),
        app_id text not null,
        object_id text not null,
        survivor_id uuid not null,
        loser_id uuid not null,
        survivor_before jsonb not null,
        survivor_version integer not null,
        repointed jsonb not null,
        created_by uuid,
        created_at timestamptz not null default now(),
        undone_at timestamptz,
        undone_by uuid,
        check (survivor_id <> loser_id)
      )`.execute(db);
      await sql`create unique index record_merges_loser_idx on record_merges (app_id, object_id, loser_id) where undone_at is null`.execute(db);
      await sql`create index record_merges_survivor_idx on record_merges (app_id, object_id, survivor_id, created_at desc)`.execute(db);
    },
  },
  '0016_sign_in_throttle': {
    async up(db) {
      // Failed sign-ins per source (an account on an address, an address) and how long that source
      // must wait before its next try (packages/identity sign-in-throttle.ts), shared by every server process.
      await sql`create table sign_in_throttle (
        key text primary key,
        failures integer not null,
        last_failure_at timestamptz not null,
        blocked_until timestamptz not null
      )`.execute(db);
    },
  },
  '0017_app_notifications': {
    async up(db) {
      // Every server process caches the compiled live version of each app (packages/records
      // live-app.ts); a commit that changes which version is live, or deletes the app, tells them
      // all at once. A trigger, so publish, rollback, deletion, a template install or psql all do.
      await sql`create or replace function tessera_app_changed() returns trigger language plpgsql as $$
        begin perform pg_notify('tessera_apps', coalesce(new.id, old.id)); return null; end $$`.execute(db);
      await sql`create trigger meta_apps_live_changed after update of live_version or delete on meta_apps
        for each row execute function tessera_app_changed()`.execute(db);
    },
  },
  '0023_comment_edits': commentEditsMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the system schema up to date; safe to call on every start. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`system migration failed${failed ? ` at ${failed.migrationName}` : ''}`, { cause: error });
  }
}
