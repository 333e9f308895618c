import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const metadataStoreMigration: Migration = {
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
};
