/**
 * B3 dashboard: the 8-widget sales dashboard (dashboard-app.ts) as a sales manager whose row
 * scope is their department tree — cold (a fresh result cache each time) against the same
 * statements written by hand (baseline.ts), and warm (answered from the cache). See docs/benchmarks.md.
 *
 *   pnpm bench:dashboard [--rows 100000] [--iterations 15] [--growth]
 */

import { compilePolicy } from '@tessera/access';
import { createEventDispatcher } from '@tessera/events';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, dataVersionsSubscriber } from '@tessera/records';
import { createReportService, type DashboardData } from '@tessera/reports';
import { sql } from 'kysely';
import pg from 'pg';
import { flagArg, numberArg } from '../shared/args';
import { withBenchDatabase } from '../shared/bench-database';
import { formatTable, printKeys, progress } from '../shared/report';
import { type Summary, summarize, timed } from '../shared/stats';
import { runBaseline } from './baseline';
import { APP_ID, dashboardApp, MANAGER_TREE } from './dashboard-app';
import { generateData } from './generate-data';

const rowsArg = numberArg('rows', 100_000);
const iterations = numberArg('iterations', 15);
const warmup = 3;

interface SizeResult {
  rows: number;
  loadSeconds: number;
  cold: Summary;
  baseline: Summary;
  warm: Summary;
}

const num = (value: unknown) => Math.round(Number(value ?? 0) * 100) / 100;

/** The engine must give the hand-written answers, or the timing means nothing. */
function checkSame(data: DashboardData, baseline: Record<string, unknown[][]>): void {
  const widget = (id: string) => {
    const found = data.widgets.find((w) => w.id === id);
    if (found?.status !== 'ok') throw new Error(`widget ${id} failed: ${JSON.stringify(found)}`);
    return found;
  };
  const same = (what: string, ours: unknown, theirs: unknown) => {
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error(`${what} differs: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
  };
  same(
    'funnel',
    widget('funnel').result.rows.map((r) => [r.keys.stage?.value, num(r.values.deals)]),
    baseline.funnel?.map((r) => [r[0], num(r[1])]),
  );
  same(
    'months',
    widget('revenue_by_month').result.rows.map((r) => [r.keys.month?.value, num(r.values.revenue)]),
    baseline.revenue_by_month?.map((r) => [r[0], num(r[1])]),
  );
  same(
    'top 10',
    widget('top10').result.rows.map((r) => [r.keys.owner?.label, num(r.values.revenue)]),
    baseline.top10?.map((r) => [r[2], num(r[1])]),
  );
  same('cycle', num(widget('cycle').result.rows[0]?.values.days), num(baseline.cycle?.[0]?.[0]));
  same('target', num(widget('target').result.rows[0]?.values.revenue), num(baseline.target?.[0]?.[0]));
  same('target before', num(widget('target').previous?.rows[0]?.values.revenue), num(baseline.target_before?.[0]?.[0]));
  const completeness = baseline.completeness?.[0] ?? [];
  same('completeness', num(widget('completeness').result.rows[0]?.values.complete), num(completeness[1]));
  same('win rate owners', widget('win_rate').result.rows.length, baseline.win_rate?.length);
  same('departments', widget('pipeline').result.rows.length, baseline.pipeline?.length);
}

async function runSize(rows: number): Promise<SizeResult> {
  return withBenchDatabase(12, async (database) => {
    progress(`B3 at ${rows.toLocaleString('en')} opportunities: database ${database.name}`);
    const document = dashboardApp();
    const store = createMetadataStore(database.db);
    await store.createApp(document);
    await store.publish(APP_ID, { actor: null });
    const loadStart = Date.now();
    await generateData(database.db, rows);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    // The data-versions subscriber in place (as in the server), so results may be cached.
    const events = createEventDispatcher(database);
    await events.subscribe(dataVersionsSubscriber);
    await events.start();
    await events.drain();
    await events.stop();

    const { rows: departments } = await sql<{ id: string }>`select bench_uuid('department', k)::text as id from unnest(${MANAGER_TREE}::int[]) k`.execute(
      database.db,
    );
    const tree = departments.map((d) => d.id);
    const { rows: managers } = await sql<{ id: string }>`select bench_uuid('owner', 0)::text as id`.execute(database.db);
    const manager = compilePolicy(document, {
      userId: managers[0]!.id,
      departmentId: tree[0]!,
      departmentTree: tree,
      roles: ['sales_manager'],
      isAdmin: false,
    });
    const records = createRecordService(database.db, createLiveAppCache(database.db));
    const pool = new pg.Pool({ connectionString: database.url, max: 12 });
    try {
      checkSame(await createReportService(records).dashboard(APP_ID, manager, 'b3'), await runBaseline(pool, tree));
      progress(`  same answers as the hand-written SQL; measuring ${iterations} dashboards each (+${warmup} warm-up)`);
      const cold: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < warmup + iterations; i++) {
        // Alternate which goes first, so drift on a shared machine hits both alike.
        const runs = [
          async () => cold.push(await timed(() => createReportService(records).dashboard(APP_ID, manager, 'b3'))),
          async () => baseline.push(await timed(() => runBaseline(pool, tree))),
        ];
        for (const run of i % 2 ? runs.reverse() : runs) await run();
      }
      const cached = createReportService(records);
      await cached.dashboard(APP_ID, manager, 'b3');
      const warm: number[] = [];
      for (let i = 0; i < 30; i++) warm.push(await timed(() => cached.dashboard(APP_ID, manager, 'b3')));
      return {
        rows,
        loadSeconds,
        cold: summarize(cold.slice(warmup)),
        baseline: summarize(baseline.slice(warmup)),
        warm: summarize(warm),
      };
    } finally {
      await pool.end();
    }
  });
}

const sizes = flagArg('growth') ? [...new Set([100_000, rowsArg, 1_000_000])].sort((a, b) => a - b) : [rowsArg];
const results: SizeResult[] = [];
for (const rows of sizes) results.push(await runSize(rows));

const table: Array<Array<string | number>> = [
  ['opportunities', 'load s', 'cold p50 ms', 'hand-written p50 ms', 'ratio', 'cold p95', 'hand-written p95', 'warm p50 ms', 'warm p95'],
];
for (const r of results)
  table.push([
    r.rows.toLocaleString('en'),
    r.loadSeconds,
    r.cold.p50,
    r.baseline.p50,
    r.cold.p50 / r.baseline.p50,
    r.cold.p95,
    r.baseline.p95,
    r.warm.p50,
    r.warm.p95,
  ]);
console.log(`\nB3 dashboard: 8 widgets (9 statements) as a sales manager (department tree, 3 of 12 departments)\n${formatTable(table)}\n`);
const main = results.find((r) => r.rows === rowsArg) ?? results.at(-1)!;
printKeys({
  'B3.rows': main.rows,
  'B3.cold_ms': main.cold.p50,
  'B3.baseline_ms': main.baseline.p50,
  'B3.ratio': main.cold.p50 / main.baseline.p50,
  'B3.warm_ms': main.warm.p50,
  ...Object.fromEntries(
    results
      .filter((r) => r !== main)
      .flatMap((r) => [
        [`B3.growth_${r.rows}_cold_ms`, r.cold.p50],
        [`B3.growth_${r.rows}_baseline_ms`, r.baseline.p50],
      ]),
  ),
});
