/**
 * B2 import: a 50,000-row .xlsx of 20 columns (~5 % invalid rows, ~5 % duplicates of customers
 * already there) imported through the real server's import API — upload, run as a background job
 * with validation, dedup by credit code (update existing), the error report kept — against
 * `COPY` of the same rows from CSV into a typed table, in the same run.
 *
 *   pnpm bench:import [--rows 50000]
 *
 * Time is from the start of the upload to the job's status "done". Peak RSS is this process's
 * high-water mark — the server, its import job and the HTTP client; the files are written by a
 * child process beforehand.
 */
import { execFile } from 'node:child_process';
import { openAsBlob } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fullAccess } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import { createApiToken, createUser } from '@tessera/identity';
import { buildServer } from '@tessera/server';
import { type Kysely, sql } from 'kysely';
import { numberArg } from '../shared/args';
import { withBenchDatabase } from '../shared/bench-database';
import { formatTable, printKeys, progress } from '../shared/report';
import { APP_ID, BASELINE_TABLE, customerApp, existingCustomer, OBJECT_ID } from './customer-app';

const run = promisify(execFile);
const rows = numberArg('rows', 50_000);
const existing = Math.round(rows * 0.05);

await withBenchDatabase(10, async (database) => {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-b2-'));
  await chmod(dir, 0o755);
  const xlsx = join(dir, 'customers.xlsx');
  const csv = join(dir, 'customers.csv');
  progress(`writing ${rows} rows as .xlsx and .csv`);
  await run(process.execPath, [
    ...process.execArgv,
    fileURLToPath(new URL('./write-files-cli.ts', import.meta.url)),
    xlsx,
    csv,
    String(rows),
    String(existing),
  ]);

  const server = await buildServer({ database, logger: false, filesDir: join(dir, 'files') });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const userId = await createUser(database.db, { email: 'bench@tessera.local', name: 'Bench', password: 'bench password 123', isAdmin: true });
  const auth = { authorization: `Bearer ${(await createApiToken(database.db, userId, 'bench')).token}` };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  await call('POST', '/api/apps', { document: customerApp });
  await call('POST', `/api/apps/${APP_ID}/publish`, {});
  progress(`seeding ${existing} existing customers`);
  await server.records.createMany(
    APP_ID,
    OBJECT_ID,
    fullAccess({ userId, departmentId: null }),
    Array.from({ length: existing }, (_, i) => ({ values: existingCustomer(i) })),
    { atomicity: 'all', source: 'import' },
  );

  progress('baseline: COPY of the same rows into a typed table');
  await sql`create table ${sql.id(BASELINE_TABLE)} (name text, uscc text, phone text, email text, website text, industry text, level text, source text,
    status text, amount numeric, employees numeric, signed date, next_visit date, vip boolean, address text, contact text, title text, landline text,
    tags text, notes text)`.execute(database.db);
  const copyStart = performance.now();
  await sql`copy ${sql.id(BASELINE_TABLE)} from ${sql.lit(csv)} with (format csv, header true)`.execute(database.db);
  const baselineSeconds = (performance.now() - copyStart) / 1000;

  progress(`import through the API (peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
  const started = performance.now();
  const form = new FormData();
  form.append('file', await openAsBlob(xlsx), 'customers.xlsx');
  const upload = await fetch(`${url}/api/apps/${APP_ID}/objects/${OBJECT_ID}/imports`, { method: 'POST', headers: auth, body: form });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  const preview = (await upload.json()) as { id: string; headerRow: number; columns: { column: number; suggestion: string | null }[] };
  const uploadSeconds = (performance.now() - started) / 1000;
  const base = `/api/apps/${APP_ID}/objects/${OBJECT_ID}/imports/${preview.id}`;
  const columns = preview.columns.flatMap((c) => (c.suggestion ? [{ column: c.column, field: c.suggestion }] : []));
  await call('POST', `${base}/run`, { sheet: 1, headerRow: preview.headerRow, columns, dedup: { field: 'uscc', mode: 'update' }, atomicity: 'valid' });
  let status: Record<string, unknown>;
  for (;;) {
    status = await call('GET', base);
    if (status.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  if (status.status !== 'done') throw new Error(`import ended ${JSON.stringify(status)}`);
  const counts = status.counts as { rows: number; created: number; updated: number; refused: number; skipped: number };
  const report = await fetch(`${url}${base}/errors.xlsx`, { headers: auth });
  const reportBytes = (await report.arrayBuffer()).byteLength;
  const stored = Number(
    (await sql<{ n: string }>`select count(*) as n from ${sql.table(`app_${APP_ID}.${OBJECT_ID}`)} where deleted_at is null`.execute(database.db)).rows[0]?.n,
  );
  if (stored !== existing + counts.created) throw new Error(`expected ${existing + counts.created} customers, found ${stored}`);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const laps = await readLaps(database.db, preview.id);
  await server.close();
  await rm(dir, { recursive: true, force: true });

  console.log(
    formatTable([
      ['', 'rows', 'seconds', 'rows/s'],
      ['import API (.xlsx, validate, dedup, history, events)', counts.rows, seconds, counts.rows / seconds],
      ['COPY from CSV into a typed table', rows, baselineSeconds, rows / baselineSeconds],
    ]),
  );
  console.log(`created ${counts.created}, updated ${counts.updated}, refused ${counts.refused}; error report ${Math.round(reportBytes / 1024)} KB`);
  // Where the time went: the upload as the client saw it, then the run's own laps (the read half
  // of a chunk overlaps the write of the one before, so they add up to more than the run).
  const runSeconds = (laps.total ?? 0) / 1000;
  console.log(
    formatTable([
      ['phase', 'seconds'],
      ['upload (stored, sheets listed, preview)', uploadSeconds],
      ...Object.entries(laps)
        .filter(([phase]) => phase !== 'total')
        .map(([phase, ms]): [string, number] => [`  ${phase}`, ms / 1000]),
      ['run (job, up to its commit)', runSeconds],
      ['queue, commit, outcome saved, polling', seconds - uploadSeconds - runSeconds],
    ]),
  );
  printKeys({
    'B2.seconds': seconds,
    'B2.baseline_seconds': baselineSeconds,
    'B2.ratio': seconds / baselineSeconds,
    'B2.peak_rss_mb': peakRssMb,
    'B2.inserted': counts.created,
    'B2.updated': counts.updated,
    'B2.rejected': counts.refused,
  });
});

/** The laps the run kept with its batch (ms by phase: packages/importer, import-laps.ts). */
async function readLaps(db: Kysely<SystemTables>, batchId: string): Promise<Record<string, number>> {
  const row = await db.selectFrom('import_batches').select('result').where('id', '=', batchId).executeTakeFirst();
  return ((row?.result ?? {}) as { laps?: Record<string, number> }).laps ?? {};
}
