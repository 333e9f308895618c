import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const importsMigration: Migration = {
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
};
