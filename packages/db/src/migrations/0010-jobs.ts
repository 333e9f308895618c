import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const jobsMigration: Migration = {
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
};
