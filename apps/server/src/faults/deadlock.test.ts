import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, type FaultServer, startFaultServer } from './fault-server';
import { waitFor } from './wait-for';

let database: TestDatabase;
let server: FaultServer;

// A bulk change locks its records in id order: A before B.
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 8 });
  server = await startFaultServer(database);
  for (const [id, name] of [
    [A, 'a'],
    [B, 'b'],
  ] as const)
    expect((await server.create({ name, amount: 0 }, id)).response.statusCode).toBe(201);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const amounts = async () =>
  (await sql<{ id: string; amount: string }>`select id, amount from app_ledger.entry order by id`.execute(database.db)).rows.map((r) => Number(r.amount));

/** Whether some statement of the test database is waiting for a row lock another transaction holds. */
const someoneWaitsForALock = async () =>
  (
    await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(database.db)
  ).rows[0]!.n > 0;

describe('deadlocks and serialization failures', () => {
  it('a bulk change that PostgreSQL picks as a deadlock victim runs again and succeeds: no 500', async () => {
    // Another writer holds B before the bulk change starts, waits until the bulk change holds A
    // and waits for B, then asks for A. The cycle is real; PostgreSQL breaks it by aborting
    // whichever checks first, and the bulk change checks after 1 s (deadlock_timeout) while this
    // one waits 60 s.
    let bulk: ReturnType<FaultServer['send']> | undefined;
    await database.db.transaction().execute(async (tx) => {
      await sql`set local deadlock_timeout = '60s'`.execute(tx);
      await sql`update app_ledger.entry set amount = 1 where id = ${B}`.execute(tx);
      bulk = server.send('POST', `${ENTRIES}/bulk-update`, { ids: [A, B], values: { amount: 2 } });
      await waitFor('the bulk change to hold A and wait for B', someoneWaitsForALock);
      await sql`update app_ledger.entry set amount = 1 where id = ${A}`.execute(tx);
    });
    const answer = await bulk!;

    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ done: 2, skipped: [] });
    // The other writer got A only because the first attempt was rolled back; the attempt run again came after it.
    expect(await amounts()).toEqual([2, 2]);
  });

  it('a conflict that outlasts the retries: 503 problem+json with Retry-After, nothing saved', async () => {
    // Every attempt fails as a serialization failure would; the sequence counts attempts (nextval survives a rollback).
    await sql`create sequence attempts`.execute(database.db);
    await sql
      .raw(`create function conflict() returns trigger language plpgsql as $$
      begin perform nextval('attempts'); raise exception 'could not serialize access' using errcode = '40001'; end $$`)
      .execute(database.db);
    await sql`create trigger conflict before update on app_ledger.entry for each row execute function conflict()`.execute(database.db);
    try {
      const answer = await server.app.inject({
        method: 'POST',
        url: `${ENTRIES}/bulk-update`,
        payload: { ids: [A, B], values: { amount: 3 } },
        headers: { ...server.admin, 'accept-language': 'zh-CN' },
      });
      expect(answer.statusCode, answer.body).toBe(503);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(answer.json()).toMatchObject({ status: 503, code: 'server.write_conflict', title: expect.stringContaining('已重试 4 次') });
      const { rows } = await sql<{ last_value: string }>`select last_value from attempts`.execute(database.db);
      expect(Number(rows[0]!.last_value)).toBe(4);
      expect(await amounts()).toEqual([2, 2]);
    } finally {
      await sql`drop trigger conflict on app_ledger.entry`.execute(database.db);
    }
  });
});
