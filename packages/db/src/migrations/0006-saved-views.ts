import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const savedViewsMigration: Migration = {
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
};
