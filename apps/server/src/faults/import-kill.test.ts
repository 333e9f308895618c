import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { libreOfficeXlsx } from '@tessera/importer/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from './fault-server';
import { startServerProcess } from './server-process';
import { waitFor } from './wait-for';

const imports = '/api/apps/ledger/objects/entry/imports';
/** Six chunks of the importer's 2,000 rows: the kill comes after the first, with most still to go. */
const ROWS = 12_000;
/** Every 50th row has an amount that is not a number: refused, the others imported ("the valid rows"). */
const invalid = (i: number) => i % 50 === 0;
const VALID = ROWS - Math.ceil(ROWS / 50);
/** Short, so the restarted server takes the dead process's job over within the test (default 60 s). */
const LEASE_MS = 4_000;
const plan = {
  sheet: 1,
  headerRow: 1,
  columns: [
    { column: 0, field: 'name' },
    { column: 1, field: 'code' },
    { column: 2, field: 'amount' },
  ],
  // No duplicate key: every row creates a record, so anything imported twice shows as a twin.
  dedup: null,
  atomicity: 'valid',
};

let database: TestDatabase;
let filesDir: string;
let setup: FaultServer;
let restarted: FaultServer | undefined;
let child: ChildProcess | null = null;
let workbook: string;

beforeAll(async () => {
  database = await createTestDatabase();
  filesDir = mkdtempSync(join(tmpdir(), 'tessera-import-kill-'));
  // Publishes the app and signs in; it runs no jobs, so the import is the child process's.
  setup = await startFaultServer(database, { background: false, filesDir });
  const lines = ['Name,Code,Amount'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`entry-${i},C${String(i).padStart(6, '0')},${invalid(i) ? 'n/a' : i % 997}`);
  workbook = await libreOfficeXlsx('ledger', lines.join('\n'), { csv: true });
}, 180_000);
afterAll(async () => {
  child?.kill('SIGKILL');
  await restarted?.close();
  await setup?.close();
  await database?.drop();
  rmSync(filesDir, { recursive: true, force: true });
});

const scalar = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(database.db)).rows[0]!.n;
const entries = () => scalar(sql<{ n: number }>`select count(*)::int as n from app_ledger.entry`);
const batchStatus = async (id: string) =>
  (await database.db.selectFrom('import_batches').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const importJob = (id: string) =>
  database.db
    .selectFrom('jobs')
    .select(['state', 'attempts', 'progress'])
    .where('queue', '=', 'import')
    .where(sql<string>`payload->>'batchId'`, '=', id)
    .executeTakeFirstOrThrow();

describe('kill -9 of the server during an import', () => {
  it('leaves nothing half-imported; the restarted server imports the file exactly once', async () => {
    const started = await startServerProcess([database.url, filesDir, String(LEASE_MS)]);
    child = started.child;
    const { base } = started;
    const form = new FormData();
    form.append('file', new Blob([readFileSync(workbook)]), 'ledger.xlsx');
    const uploaded = await fetch(`${base}${imports}`, { method: 'POST', headers: setup.admin, body: form });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const id = ((await uploaded.json()) as { id: string }).id;
    const run = await fetch(`${base}${imports}/${id}/run`, {
      method: 'POST',
      headers: { ...setup.admin, 'content-type': 'application/json' },
      body: JSON.stringify(plan),
    });
    expect(run.status, await run.clone().text()).toBe(202);

    // Killed once the job has written progress (a chunk is in) and before the import committed.
    await waitFor(
      'the import to be under way',
      async () => {
        const job = await importJob(id);
        return job.state === 'running' && Number((job.progress as { rows?: number } | null)?.rows ?? 0) > 0;
      },
      { timeoutMs: 120_000 },
    );
    const gone = new Promise((resolve) => child!.once('exit', resolve));
    child!.kill('SIGKILL');
    await gone;
    const progressAtKill = Number(((await importJob(id)).progress as { rows: number }).rows);
    expect(await batchStatus(id), 'the import had committed before the kill: the file is too small to cut it mid-way').toBe('running');
    // Its transaction died with its connection: not one row, history row or batch link of it is left.
    expect(await entries()).toBe(0);
    expect(await scalar(sql<{ n: number }>`select count(*)::int as n from record_history where app_id = 'ledger'`)).toBe(0);
    expect(await scalar(sql<{ n: number }>`select count(*)::int as n from import_batch_records where batch_id = ${id}`)).toBe(0);

    // A server started again on the same database and files takes the job over once the dead one's lease runs out.
    restarted = await startFaultServer(database, { filesDir, importLeaseMs: LEASE_MS });
    await restarted.app.ready();
    await waitFor('the import to finish after the restart', async () => (await batchStatus(id)) === 'done', { timeoutMs: 120_000 });

    const status = (await restarted.send('GET', `${imports}/${id}`)).json();
    expect(status).toMatchObject({ status: 'done', committed: true, counts: { rows: ROWS, created: VALID, refused: ROWS - VALID } });
    expect(await importJob(id)).toMatchObject({ state: 'done', attempts: 2 });
    expect(await entries()).toBe(VALID);
    expect(await scalar(sql<{ n: number }>`select count(distinct name)::int as n from app_ledger.entry`)).toBe(VALID);
    const history = await sql<{ rows: number; records: number }>`select count(*)::int as rows, count(distinct record_id)::int as records
      from record_history where app_id = 'ledger' and operation = 'create'`.execute(database.db);
    expect(history.rows[0]).toEqual({ rows: VALID, records: VALID });
    expect(await scalar(sql<{ n: number }>`select count(*)::int as n from import_batch_records where batch_id = ${id}`)).toBe(VALID);

    // Run once more, the batch is refused as already done: nothing twice.
    const again = await restarted.send('POST', `${imports}/${id}/run`, plan);
    expect(again.json(), again.body).toMatchObject({ code: 'import.state' });
    expect(await entries()).toBe(VALID);
    console.info(`kill -9 mid-import: killed at ${progressAtKill} of ${ROWS} rows; after the restart ${VALID} imported once, ${ROWS - VALID} refused`);
  }, 300_000);
});
