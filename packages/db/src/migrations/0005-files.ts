import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const filesMigration: Migration = {
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
};
