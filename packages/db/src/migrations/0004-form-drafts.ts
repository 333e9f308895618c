import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const formDraftsMigration: Migration = {
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
};
