import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const appNotificationsMigration: Migration = {
  async up(db) {
    // Every server process caches the compiled live version of each app (packages/records
    // live-app.ts); a commit that changes which version is live, or deletes the app, tells them
    // all at once. A trigger, so publish, rollback, deletion, a template install or psql all do.
    await sql`create or replace function tessera_app_changed() returns trigger language plpgsql as $$
      begin perform pg_notify('tessera_apps', coalesce(new.id, old.id)); return null; end $$`.execute(db);
    await sql`create trigger meta_apps_live_changed after update of live_version or delete on meta_apps
      for each row execute function tessera_app_changed()`.execute(db);
  },
};
