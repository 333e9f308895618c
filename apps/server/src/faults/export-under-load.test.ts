import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBrotliDecompress } from 'node:zlib';
import type { Database } from '@tessera/db';
import type { TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, type FaultServer } from './fault-server';
import { holdThePool, serverOnTwoConnections, type TwoConnectionServer } from './hold-the-pool';
import { waitFor } from './wait-for';

/** 40 pages of the export's 500 rows. */
const ROWS = 20_000;
const EXPORT = `${ENTRIES}/export`;

let setup: TwoConnectionServer;
let database: TestDatabase;
/** The server's own pool, two connections, as the load test's server had ten for 200 users. */
let pool: Database;
let server: FaultServer;
let base: string;

beforeAll(async () => {
  setup = await serverOnTwoConnections({
    connectTimeoutMs: 60_000,
    seed: (db) =>
      sql`insert into app_ledger.entry (name, code, amount) select 'entry ' || g, 'C' || g, g from generate_series(1, ${ROWS}) g`
        .execute(db.db)
        .then(() => undefined),
  });
  ({ database, pool, server } = setup);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
});
afterAll(() => setup?.close());

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

describe('a CSV export while every connection is busy', () => {
  it('sends its first page at once, compressed, holds no connection between pages, and finishes once the pool is free', { timeout: 120_000 }, async () => {
    const download = startExport();
    // Before: Brotli held back the whole file, so no header or byte came until the last page was read.
    await download.firstPartIn;
    const before = download.text();
    expect(before.startsWith('\uFEFF')).toBe(true);
    expect(dataLines(before).length).toBeGreaterThan(0);
    await holdThePool(database, pool, 7001, async () => {
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
