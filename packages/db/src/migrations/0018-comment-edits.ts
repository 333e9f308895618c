import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * 0018: comments remember when they were last edited and carry a version, so an edit made from a
 * stale copy is refused instead of silently overwriting a newer text; a removed comment keeps
 * who removed it (its author or an administrator) for the "comment deleted" placeholder and audit.
 */
export const commentEditsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table record_comments
      add column edited_at timestamptz,
      add column version integer not null default 1,
      add column deleted_by uuid references users(id) on delete set null`.execute(db);
  },
};
