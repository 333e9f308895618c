/**
 * B4 list: a page of 50 customers filtered by owner + stage + name search, newest first, through
 * the record service (as an admin and as the owning rep) against the same page in hand-written
 * SQL, at several table sizes, and the admin's page over HTTP from the real server (http-paths.ts),
 * rows alone (in alternating pairs with its SQL) and with the total beside them as the web app
 * asks. See /docs/benchmarks.md.
 *
 *   pnpm bench:list [--rows 1000000] [--iterations 400] [--growth] [--explain]
 */

import type { SystemTables } from '@tessera/db';
import { createMetadataStore, tableRef } from '@tessera/meta';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { flagArg, numberArg } from '../shared/args';
import { type BenchDatabase, withBenchDatabase } from '../shared/bench-database';
import { formatTable, printKeys, progress } from '../shared/report';
import { pick, seededRandom } from '../shared/seeded-random';
import { type Summary, summarize, timed } from '../shared/stats';
import { APP_ID, customerApp, OBJECT_ID, STAGES } from './customer-app';
import { FRAGMENTS, generateCustomers, ownerIds } from './generate-customers';
import { startHttpPaths } from './http-paths';
import {
  baselinePath,
  baselineText,
  explainAnalyze,
  likePattern,
  newRecordService,
  type PageCase,
  type PagePath,
  type PathName,
  servicePaths,
} from './list-paths';

interface SizeResult {
  rows: number;
  loadSeconds: number;
  paths: Record<PathName | 'admin_with_count' | 'admin_no_search' | 'http' | 'http_plain' | 'http_with_total' | 'http_sql', Summary>;
  /** HTTP time over SQL time of each back-to-back pair: its median is the ratio least moved by load. */
  httpPairRatio: Summary;
  /** The server process's CPU per HTTP page in the pairs: its own work, apart from waiting for a core. */
  httpServerCpuMs: number;
  fragmentShare: Record<string, number>;
}

const rowsArg = numberArg('rows', 1_000_000);
const iterations = numberArg('iterations', 400);
const warmup = Math.max(20, Math.round(iterations / 10));

function workload(owners: string[], count: number, seed: number): PageCase[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => ({ owner: pick(random, owners), stage: pick(random, STAGES), fragment: pick(random, FRAGMENTS) }));
}

/** Runs every path on every case, rotating which goes first so drift on a shared machine hits all alike. */
async function measure(paths: Array<[string, PagePath]>, cases: PageCase[], warm: number): Promise<Record<string, Summary>> {
  const samples = new Map<string, number[]>(paths.map(([name]) => [name, []]));
  for (const [i, page] of cases.entries()) {
    for (let k = 0; k < paths.length; k++) {
      const [name, path] = paths[(i + k) % paths.length]!;
      const ms = await timed(() => path(page));
      if (i >= warm) samples.get(name)!.push(ms);
    }
  }
  return Object.fromEntries([...samples].map(([name, list]) => [name, summarize(list)]));
}

/**
 * The HTTP page and its hand-written SQL back to back on the same case (same filter, same rows,
 * the same administrator's view), the one going first alternating: a load swing on this shared
 * machine hits both sides of a pair alike, which four paths in rotation do not ensure. Answers
 * both summaries and the ratio of each pair.
 */
async function measurePairs(http: PagePath, sqlPage: PagePath, cases: PageCase[], warm: number) {
  const samples = { http: [] as number[], sql: [] as number[], ratio: [] as number[] };
  for (const [i, page] of cases.entries()) {
    const httpFirst = i % 2 === 0;
    const first = await timed(() => (httpFirst ? http : sqlPage)(page));
    const second = await timed(() => (httpFirst ? sqlPage : http)(page));
    if (i < warm) continue;
    const [httpMs, sqlMs] = httpFirst ? [first, second] : [second, first];
    samples.http.push(httpMs);
    samples.sql.push(sqlMs);
    samples.ratio.push(httpMs / sqlMs);
  }
  return { http: summarize(samples.http), sql: summarize(samples.sql), ratio: summarize(samples.ratio) };
}

/** Every path must return exactly the rows the hand-written SQL returns, or the timing means nothing. */
async function checkSamePages(paths: Record<string, PagePath>, cases: PageCase[]): Promise<void> {
  const { baseline, ...ours } = paths;
  for (const page of cases) {
    const expected = (await baseline!(page)).join();
    for (const [name, path] of Object.entries(ours)) {
      if ((await path(page)).join() !== expected) throw new Error(`${name} differs from the SQL for ${JSON.stringify(page)}`);
    }
  }
}

/** Our generated SQL for one page (captured from Kysely's log) and both plans, for --explain. */
async function explainBoth(database: BenchDatabase, pool: pg.Pool, page: PageCase): Promise<void> {
  const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const logged = new Kysely<SystemTables>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 2 }) }),
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    const paths = servicePaths(newRecordService(logged));
    for (const name of ['admin', 'rep'] as const) {
      captured.length = 0;
      await paths[name](page);
      const select = captured.find((q) => q.sql.includes(' limit '));
      if (!select) continue;
      console.log(`\n-- ${name}: generated SQL\n${select.sql}\n-- parameters ${JSON.stringify(select.parameters)}`);
      console.log(await explainAnalyze(pool, select.sql, select.parameters));
    }
    console.log(`\n-- baseline SQL\n${baselineText()}`);
    console.log(await explainAnalyze(pool, baselineText(), [page.owner, page.stage, likePattern(page.fragment)]));
  } finally {
    await logged.destroy();
  }
}

async function runSize(rows: number, explain: boolean): Promise<SizeResult> {
  return withBenchDatabase(10, async (database) => {
    progress(`B4 at ${rows.toLocaleString('en')} rows: database ${database.name}`);
    const store = createMetadataStore(database.db);
    await store.createApp(customerApp());
    await store.publish(APP_ID, { actor: null });
    const loadStart = Date.now();
    const { indexes } = await generateCustomers(database.db, rows);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    progress(`  loaded in ${loadSeconds.toFixed(0)} s; indexes from publish:\n    ${indexes.join('\n    ')}`);

    const shares = await sql<Record<string, string>>`select ${sql.join(FRAGMENTS.map((f) => sql`avg((name ilike ${likePattern(f)})::int) as ${sql.id(f)}`))}
      from ${tableRef(APP_ID, OBJECT_ID)} where deleted_at is null`.execute(database.db);
    const fragmentShare = Object.fromEntries(FRAGMENTS.map((f) => [f, Number(shares.rows[0]?.[f] ?? 0)]));

    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const http = await startHttpPaths(database);
    try {
      const owners = await ownerIds(database.db);
      const records = newRecordService(database.db);
      const service = servicePaths(records);
      const paths: Record<PathName, PagePath> = { admin: service.admin, rep: service.rep, baseline: baselinePath(pool) };
      const cases = workload(owners, warmup + iterations, 42);
      await checkSamePages({ ...paths, http: http.http, http_with_total: http.http_with_total }, cases.slice(0, 20));
      progress(`  measuring ${iterations} pages per path (+${warmup} warm-up)`);
      const measured = await measure(
        [
          ['admin', paths.admin],
          ['rep', paths.rep],
          ['baseline', paths.baseline],
        ],
        cases,
        warmup,
      );
      progress(`  HTTP and its SQL, alternating, ${iterations} pairs`);
      const cpuBefore = http.serverCpuMs();
      const paired = await measurePairs(http.http, paths.baseline, cases, warmup);
      const httpServerCpuMs = (http.serverCpuMs() - cpuBefore) / cases.length;
      const withCount = servicePaths(records, true).admin;
      const countCases = cases.slice(0, warmup + Math.ceil(iterations / 2));
      const counted = await measure(
        [
          ['admin', withCount],
          ['no_search', service.no_search],
          ['http_with_total', http.http_with_total],
          ['http_plain', http.http_plain],
        ],
        countCases,
        warmup,
      );
      if (explain) await explainBoth(database, pool, cases[warmup]!);
      return {
        rows,
        loadSeconds,
        fragmentShare,
        paths: {
          admin: measured.admin!,
          rep: measured.rep!,
          baseline: measured.baseline!,
          admin_with_count: counted.admin!,
          admin_no_search: counted.no_search!,
          http: paired.http,
          http_sql: paired.sql,
          http_with_total: counted.http_with_total!,
          http_plain: counted.http_plain!,
        },
        httpPairRatio: paired.ratio,
        httpServerCpuMs,
      };
    } finally {
      await http.close();
      await pool.end();
    }
  });
}

function report(results: SizeResult[], main: SizeResult): void {
  const table: Array<Array<string | number>> = [['rows', 'path', 'pages', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms']];
  for (const result of results) {
    for (const [name, s] of Object.entries(result.paths)) table.push([result.rows.toLocaleString('en'), name, s.n, s.p50, s.p95, s.p99, s.max]);
  }
  console.log(`\nB4 list: page of 50, owner + stage + name contains, created_at desc (count: false unless noted)\n${formatTable(table)}`);
  const first = results[0]!;
  const growth: Array<Array<string | number>> = [
    ['rows', 'load s', 'admin p95', 'rep p95', 'baseline p95', 'with count p95', 'no search p95', 'HTTP p95', 'HTTP + total p95', 'admin p95 vs smallest'],
  ];
  for (const r of results)
    growth.push([
      r.rows.toLocaleString('en'),
      r.loadSeconds,
      r.paths.admin.p95,
      r.paths.rep.p95,
      r.paths.baseline.p95,
      r.paths.admin_with_count.p95,
      r.paths.admin_no_search.p95,
      r.paths.http.p95,
      r.paths.http_with_total.p95,
      r.paths.admin.p95 / first.paths.admin.p95,
    ]);
  console.log(`\nGrowth\n${formatTable(growth)}`);
  const shares = [
    ['fragment', ...FRAGMENTS],
    ['share of rows %', ...FRAGMENTS.map((f) => (main.fragmentShare[f] ?? 0) * 100)],
  ];
  console.log(`\nName search fragments (at ${main.rows.toLocaleString('en')} rows)\n${formatTable(shares)}\n`);
  const { admin, rep, baseline, admin_with_count: withCount } = main.paths;
  printKeys({
    'B4.rows': main.rows,
    'B4.iterations': admin.n,
    'B4.with_count_p95_ms': withCount.p95,
    'B4.no_search_p95_ms': main.paths.admin_no_search.p95,
    'B4.p50_ms': admin.p50,
    'B4.baseline_p50_ms': baseline.p50,
    ...Object.fromEntries(
      results
        .filter((r) => r !== main)
        .flatMap((r) => [
          [`B4.growth_${r.rows}_p95_ms`, r.paths.admin.p95],
          [`B4.growth_${r.rows}_baseline_p95_ms`, r.paths.baseline.p95],
        ]),
    ),
    'B4.p95_ms': admin.p95,
    'B4.baseline_p95_ms': baseline.p95,
    'B4.ratio': admin.p95 / baseline.p95,
    'B4.rep_p95_ms': rep.p95,
    'B4.rep_ratio': rep.p95 / baseline.p95,
    'B4.http_plain_p95_ms': main.paths.http_plain.p95,
    // Over HTTP against the SQL measured in the same alternating pairs, not the rotation's baseline.
    'B4.http_sql_p95_ms': main.paths.http_sql.p95,
    'B4.http_p95_ms': main.paths.http.p95,
    'B4.http_ratio': main.paths.http.p95 / main.paths.http_sql.p95,
    'B4.http_pair_ratio_p50': main.httpPairRatio.p50,
    'B4.http_server_cpu_ms': main.httpServerCpuMs,
    'B4.http_with_total_p95_ms': main.paths.http_with_total.p95,
  });
}

async function main(): Promise<void> {
  const sizes = [...new Set([...(rowsArg > 100_000 ? [100_000] : []), rowsArg, ...(flagArg('growth') ? [10_000_000] : [])])].sort((a, b) => a - b);
  const results: SizeResult[] = [];
  for (const rows of sizes) results.push(await runSize(rows, flagArg('explain') && rows === rowsArg));
  report(results, results.find((r) => r.rows === rowsArg)!);
}

await main();
