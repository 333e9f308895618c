import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const recordCommentsMigration: Migration = {
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
};
