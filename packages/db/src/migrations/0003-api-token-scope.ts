import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const apiTokenScopeMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // A token may act with only some of its user's roles in one app (never as administrator).
    await db.schema.alterTable('api_tokens').addColumn('scope_app_id', 'text').execute();
    await db.schema.alterTable('api_tokens').addColumn('scope_roles', sql`text[]`).execute();
  },
};
