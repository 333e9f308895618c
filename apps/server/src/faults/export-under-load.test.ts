import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBrotliDecompress } from 'node:zlib';
import { type Database, openDatabase } from '@tessera/db';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, type FaultServer, startFaultServer } from './fault-server';
import { waitFor } from './wait-for';

/** 40 pages of the export's 500 rows. */
const ROWS = 20_000;
const EXPORT = `${ENTRIES}/export`;

let database: TestDatabase;
/** The server's own pool, two connections, as the load test's server had ten for 200 users. */
let pool: Database;
let server: FaultServer;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const ledger = await startFaultServer(database);
  await ledger.close();
  await sql`insert into app_ledger.entry (name, code, amount) select 'entry ' || g, 'C' || g, g from generate_series(1, ${ROWS}) g`.execute(database.db);
  pool = await openDatabase({ url: database.url, maxConnections: 2, connectTimeoutMs: 60_000 });
  server = await startFaultServer(pool, { background: false });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server?.close();
  await pool?.close();
  await database?.drop();
});

/**
 * An export over a real socket, Brotli-accepted as a browser asks; `text` is what has been decoded
 * so far, and `firstPartIn` resolves once it holds records (the title line is flushed on its own).
 */
function startExport() {
  const decoded: string[] = [];
  let firstPart: () => void = () => undefined;
  const firstPartIn = new Promise<void>((resolve) => {
    firstPart = resolve;
  });
  const outcome = new Promise<{ status: number; encoding: string | undefined }>((resolve, reject) => {
    const req = request(`${base}${EXPORT}`, {
      method: 'POST',
      headers: { ...server.admin, 'content-type': 'application/json', 'accept-encoding': 'br' },
    });
    req.on('response', (response) => {
      const unbrotli = createBrotliDecompress();
      unbrotli.on('data', (chunk: Buffer) => {
        decoded.push(chunk.toString('utf8'));
        if (dataLines(decoded.join('')).length) firstPart();
      });
      unbrotli.on('end', () => resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'] }));
      unbrotli.on('error', reject);
      response.pipe(unbrotli);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ format: 'csv' }));
  });
  return { firstPartIn, outcome, text: () => decoded.join('') };
}

const dataLines = (csv: string) => csv.split('\r\n').filter((line) => line.startsWith('entry '));

/** Both of the server's pool connections waiting on an advisory lock the test holds: nothing else of the server can read. */
async function holdThePool(key: number, whileHeld: () => Promise<void>): Promise<void> {
  let holders: Promise<unknown>[] = [];
  await database.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
    holders = [1, 2].map(() => sql`select pg_advisory_xact_lock(${key})`.execute(pool.db));
    await waitFor('both pool connections waiting on the lock', async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
        where locktype = 'advisory' and objid = ${key} and not granted`.execute(database.db);
      return rows[0]?.n === 2;
    });
    await whileHeld();
  });
  await Promise.all(holders);
}

describe('a CSV export while every connection is busy', () => {
  it('sends its first page at once, compressed, holds no connection between pages, and finishes once the pool is free', { timeout: 120_000 }, async () => {
    const download = startExport();
    // Before: Brotli held back the whole file, so no header or byte came until the last page was read.
    await download.firstPartIn;
    const before = download.text();
    expect(before.startsWith('\uFEFF')).toBe(true);
    expect(dataLines(before).length).toBeGreaterThan(0);
    await holdThePool(7001, async () => {
      // The export is stalled on a page it cannot read; what it sent is in the client's hands.
      // (Before, the whole file had been read by the time its first byte came: nothing was waiting.)
      expect(pool.poolUse()?.waiting).toBe(1);
      expect(dataLines(download.text()).length).toBeLessThan(ROWS);
    });
    const { status, encoding } = await download.outcome;
    expect(status).toBe(200);
    expect(encoding).toBe('br');
    const lines = dataLines(download.text());
    expect(lines).toHaveLength(ROWS);
    expect(new Set(lines).size).toBe(ROWS);
  });

  it('stops reading once its client has gone, and leaves the pool to other requests meanwhile', { timeout: 120_000 }, async () => {
    const audits = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'records.export'`.execute(database.db)).rows[0]?.n ?? 0;
    const exportsBefore = await audits();
    const req = request(`${base}${EXPORT}`, { method: 'POST', headers: { ...server.admin, 'content-type': 'application/json' } });
    const response = await new Promise<import('node:http').IncomingMessage>((resolve) => {
      req.on('response', resolve);
      req.end(JSON.stringify({ format: 'csv' }));
    });
    expect(response.statusCode).toBe(200);
    // The client reads nothing more; the export goes no further than the buffers take.
    response.pause();
    expect(await audits()).toBe(exportsBefore + 1);
    // A list still gets a connection: a paused download holds none.
    expect((await server.send('POST', `${ENTRIES}/query`, { limit: 5, count: false })).statusCode).toBe(200);
    const gone = new Promise((resolve) => response.once('close', resolve));
    req.destroy();
    await gone;
    await waitFor('the pool idle again', () => {
      const use = pool.poolUse();
      return use !== null && use.waiting === 0 && use.idle === use.total;
    });
    expect((await server.send('POST', `${ENTRIES}/query`, { limit: 5, count: false })).statusCode).toBe(200);
  });
});
