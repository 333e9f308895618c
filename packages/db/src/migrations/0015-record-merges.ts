import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const recordMergesMigration: Migration = {
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
};
