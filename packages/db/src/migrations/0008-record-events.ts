import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const recordEventsMigration: Migration = {
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
};
