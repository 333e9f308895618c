/**
 * B1 submit (record create, without flows): 200 clients POST a 20-field form to the real server's
 * records API, against a bare Fastify route doing one INSERT of the same row, in the same run.
 *
 *   pnpm bench:submit [--seconds 15] [--connections 200] [--rate 1000] [--phases]
 *
 * Closed loop first (200 clients, each sending its next form as soon as the last is answered:
 * throughput), then open loop (forms offered at --rate per second whatever the latency: the p99
 * a user sees at that load). Every create must leave its row, one history row and one event.
 *
 * --phases also measures bare SQL doing our insert + history CTE, and that plus the read-back,
 * to split our cost between the database and the JS layer.
 */

import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApiToken, createUser } from '@tessera/identity';
import { createMetadataStore, tableRef } from '@tessera/meta';
import { readDataVersions } from '@tessera/records';
import { buildServer } from '@tessera/server';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { flagArg, numberArg } from '../shared/args';
import { type BenchDatabase, withBenchDatabase } from '../shared/bench-database';
import { formatTable, printKeys, progress } from '../shared/report';
import { addPhaseRoutes, buildBaselineServer } from './baseline-server';
import { type LoadResult, offerForms, postForms } from './load';
import { APP_ID, BASELINE_TABLE, OBJECT_ID, visitApp, visitValues } from './visit-app';

const POOL_SIZE = 20;
const seconds = numberArg('seconds', 15);
const connections = numberArg('connections', 200);
const rate = numberArg('rate', 1000);

/**
 * Counts the 201s a server answers (onSend: also those whose client had already hung up when
 * autocannon stopped at its deadline), so rows can be checked against acknowledgements.
 */
function countCreated(app: FastifyInstance): { created: number } {
  const counter = { created: 0 };
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 201) counter.created++;
  });
  return counter;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function count(database: BenchDatabase, query: ReturnType<typeof sql<{ n: string }>>): Promise<number> {
  return Number((await query.execute(database.db)).rows[0]?.n ?? 0);
}

/** Waits until requests abandoned by the load generator at its deadline have finished on the server. */
async function settle(counter: { created: number }): Promise<void> {
  for (let last = -1; last !== counter.created; ) {
    last = counter.created;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface Side {
  result: LoadResult;
  rows: number;
  created: number;
}

async function measure(
  url: string,
  counter: { created: number },
  rows: () => Promise<number>,
  label: string,
  headers: Record<string, string> = {},
  offered?: number,
): Promise<Side> {
  const before = { rows: await rows(), created: counter.created };
  progress(`  ${label}: ${offered ? `${offered} forms/s offered` : `${connections} connections`} for ${seconds} s`);
  const result = offered ? await offerForms(url, offered, seconds, connections, headers) : await postForms(url, connections, seconds, headers);
  await settle(counter);
  return { result, rows: (await rows()) - before.rows, created: counter.created - before.created };
}

async function main(): Promise<void> {
  await withBenchDatabase(POOL_SIZE, async (database) => {
    progress(`B1 submit: database ${database.name}`);
    const store = createMetadataStore(database.db);
    await store.createApp(visitApp());
    await store.publish(APP_ID, { actor: null });
    await sql.raw(BASELINE_TABLE).execute(database.db);

    const ours = await buildServer({ database, logger: false });
    // Clients authenticate like an integration: an API token of an administrator, checked on every request.
    const userId = await createUser(database.db, { email: 'bench@tessera.local', name: 'Bench', password: randomBytes(16).toString('hex'), isAdmin: true });
    const auth = { authorization: `Bearer ${(await createApiToken(database.db, userId, 'bench')).token}` };
    const oursCounter = countCreated(ours);
    const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE });
    const baseline = buildBaselineServer(pool);
    const baselineCounter = countCreated(baseline);
    if (flagArg('phases')) addPhaseRoutes(baseline, pool, `app_${APP_ID}.${OBJECT_ID}`);
    try {
      const oursUrl = `${await listen(ours)}/api/apps/${APP_ID}/objects/${OBJECT_ID}/records`;
      const baselineUrl = `${await listen(baseline)}/visits`;
      const oursRows = () => count(database, sql<{ n: string }>`select count(*) as n from ${tableRef(APP_ID, OBJECT_ID)}`);
      const baselineRows = () => count(database, sql<{ n: string }>`select count(*) as n from bench_visit`);

      // One form by hand first: a body the API refuses would make the whole run a benchmark of 422s.
      for (const url of [oursUrl, baselineUrl]) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify({ values: visitValues(0) }),
        });
        if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
      }
      progress('  warm-up: 3 s each');
      for (const url of [oursUrl, baselineUrl]) {
        const warm = await postForms(url, 50, 3, auth);
        if (warm.ok === 0) throw new Error(`no 2xx from ${url} during warm-up: ${JSON.stringify(warm)}`);
      }
      const base = await measure(baselineUrl, baselineCounter, baselineRows, 'baseline');
      const tessera = await measure(oursUrl, oursCounter, oursRows, 'ours', auth);
      const baseOpen = await measure(baselineUrl, baselineCounter, baselineRows, 'baseline, open loop', {}, rate);
      const tesseraOpen = await measure(oursUrl, oursCounter, oursRows, 'ours, open loop', auth, rate);
      const phases: Array<[string, Side]> = [];
      if (flagArg('phases')) {
        const origin = new URL(baselineUrl).origin;
        for (const phase of ['history', 'history-read'])
          phases.push([`bare SQL: insert+${phase}`, await measure(`${origin}/phases/${phase}`, baselineCounter, oursRows, phase)]);
      }

      // Every 201 the server answered has its row (none more, none fewer), every 2xx the clients
      // received is among them, and every record has exactly one history row (its create) whose
      // event reached the server's subscribers exactly once (the data-versions subscriber counts
      // them; delivered events are pruned from the outbox). Rows beyond the clients' 2xx are
      // requests still in flight when the load generator stopped at its deadline.
      const withoutHistory = await count(
        database,
        sql<{ n: string }>`select count(*) as n from ${tableRef(APP_ID, OBJECT_ID)} v
        where (select count(*) from record_history h where h.app_id = ${APP_ID} and h.object_id = ${OBJECT_ID} and h.record_id = v.id) <> 1`,
      );
      await ours.events.drain();
      const records = await oursRows();
      const announced = (await readDataVersions(database.db, APP_ID, [OBJECT_ID]))[OBJECT_ID] ?? 0;
      const lostOf = (side: Side) => Math.max(0, side.result.ok - side.rows) + Math.abs(side.rows - side.created);
      const lost = lostOf(tessera) + lostOf(tesseraOpen) + withoutHistory + Math.abs(records - announced);
      const baselineLost = lostOf(base) + lostOf(baseOpen);
      const errorsOf = (side: Side) => side.result.non2xx + side.result.errors + side.result.timeouts;

      const table: Array<Array<string | number>> = [
        ['path', 'seconds', '2xx', 'rps', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'timeouts', 'rows added', '201 answered', 'in flight at stop'],
      ];
      for (const [name, side] of [
        ['baseline', base],
        ['ours', tessera],
        [`baseline, ${rate}/s offered`, baseOpen],
        [`ours, ${rate}/s offered`, tesseraOpen],
        ...phases,
      ] as const) {
        const r = side.result;
        table.push([name, r.seconds, r.ok, r.rps, r.p50, r.p99, r.non2xx, r.errors, r.timeouts, side.rows, side.created, side.rows - r.ok]);
      }
      console.log(`\nB1 submit: ${connections} connections, 20-field form, pool ${POOL_SIZE}\n${formatTable(table)}`);
      console.log(`records: ${records}; without exactly one history row: ${withoutHistory}; events delivered: ${announced}\n`);
      printKeys({
        'B1.baseline_p99_ms': base.result.p99,
        'B1.baseline_open_p99_ms': baseOpen.result.p99,
        'B1.baseline_lost': baselineLost,
        'B1.lost': lost,
        'B1.rps': tessera.result.rps,
        'B1.baseline_rps': base.result.rps,
        'B1.ratio': base.result.rps / tessera.result.rps,
        'B1.p99_ms': tessera.result.p99,
        'B1.errors': errorsOf(tessera) + errorsOf(tesseraOpen),
        'B1.open_rps': tesseraOpen.result.rps,
        'B1.open_p99_ms': tesseraOpen.result.p99,
      });
    } finally {
      await ours.close();
      await baseline.close();
      await pool.end();
    }
  });
}

await main();
