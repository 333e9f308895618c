import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';

export const signInThrottleMigration: Migration = {
  async up(db) {
    // Failed sign-ins per source (an account on an address, an address) and how long that source
    // must wait before its next try (packages/identity sign-in-throttle.ts), shared by every server process.
    await sql`create table sign_in_throttle (
      key text primary key,
      failures integer not null,
      last_failure_at timestamptz not null,
      blocked_until timestamptz not null
    )`.execute(db);
  },
};
