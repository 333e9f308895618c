import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const identityNotificationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // Server processes cache who is signed in; a commit that changes who may do what tells them
    // all (packages/identity signed-in-cache.ts). A trigger, not application code, so no path
    // that deactivates, revokes or reassigns — an admin route, a script, psql — can forget to.
    // Statement-level: a bulk change notifies once. New sessions and tokens need no notice.
    await sql`create or replace function tessera_identity_changed() returns trigger language plpgsql as $$
      begin perform pg_notify('tessera_identity', tg_table_name); return null; end $$`.execute(db);
    for (const [table, events] of [
      ['users', 'update or delete'],
      ['user_roles', 'insert or update or delete'],
      ['departments', 'insert or update or delete'],
      ['sessions', 'update or delete'],
      ['api_tokens', 'update or delete'],
    ] as const) {
      await sql`create trigger ${sql.raw(`${table}_identity_changed`)} after ${sql.raw(events)} on ${sql.table(table)}
        for each statement execute function tessera_identity_changed()`.execute(db);
    }
  },
};
