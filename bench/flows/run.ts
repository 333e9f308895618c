/**
 * B5 flows: 10,000 expenses through submit → manager → finance (30,000 transitions), driven by 50
 * concurrent clients through the flow engine in a process of its own, which is killed with
 * SIGKILL part-way and started again; against the same rows written by hand-written transactions.
 *
 *   pnpm bench:flows [--instances 10000] [--concurrency 50] [--kill-at 0.4]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fullAccess } from '@tessera/access';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService } from '@tessera/records';
import { sql } from 'kysely';
import pg from 'pg';
import { numberArg } from '../shared/args';
import { type BenchDatabase, withBenchDatabase } from '../shared/bench-database';
import { formatTable, printKeys, progress } from '../shared/report';
import { APP_ID, approvalApp, FLOW_ID, OBJECT_ID } from './approval-app';
import { approveByHand, BASELINE_TABLES, startByHand } from './baseline';
import { createCpuMeter } from './cpu-meter';

const instances = numberArg('instances', 10_000);
const concurrency = numberArg('concurrency', 50);
const killAt = numberArg('kill-at', 0.4);
const clients = fileURLToPath(new URL('./engine-clients.ts', import.meta.url));
/** The connections' application names, so each side's PostgreSQL time is told apart from the benchmark's own queries. */
const ENGINE = 'b5-engine';
const BASELINE = 'b5-baseline';

const count = async (database: BenchDatabase, query: ReturnType<typeof sql<{ n: string }>>) => Number((await query.execute(database.db)).rows[0]?.n ?? 0);

/** Runs the clients process until it prints `done`; with `killAfter`, kills it once that many transitions are in. Returns its active seconds. */
async function runClients(
  database: BenchDatabase,
  transitions: () => Promise<number>,
  killAfter: number | null,
  cpu: ReturnType<typeof createCpuMeter>,
): Promise<{ seconds: number; killed: boolean }> {
  const url = `${database.url}${database.url.includes('?') ? '&' : '?'}application_name=${ENGINE}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', clients, url, String(concurrency)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let started = 0;
  let finished = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (text.includes('ready')) started = performance.now();
    if (text.includes('done')) finished = true;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let sampled = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The clients' time is read from when they are ready (not loading code) and while they still
    // run: it goes with the process.
    if (started && (finished || performance.now() - sampled > 1_000)) {
      await cpu.sample([child.pid!]);
      sampled = performance.now();
    }
    if (finished) break;
    if (killAfter !== null && started && (await transitions()) >= killAfter) {
      await cpu.sample([child.pid!]);
      child.kill('SIGKILL');
      await exited;
      return { seconds: (performance.now() - started) / 1000, killed: true };
    }
    if (child.exitCode !== null) throw new Error(`the clients exited with ${child.exitCode}`);
  }
  const seconds = (performance.now() - started) / 1000;
  await exited;
  return { seconds, killed: false };
}

await withBenchDatabase(10, async (database) => {
  progress(`B5 flows: database ${database.name}, ${instances} expenses, ${concurrency} clients`);
  const { rows: people } = await sql<{ id: string; email: string }>`insert into users (email, name, password_hash)
    select e, e, 'x' from unnest(array['rep', 'manager', 'finance']) e returning id, email`.execute(database.db);
  const id = Object.fromEntries(people.map((p) => [p.email, p.id])) as Record<'rep' | 'manager' | 'finance', string>;
  const store = createMetadataStore(database.db);
  await store.createApp(approvalApp(id.manager, id.finance));
  await store.publish(APP_ID, { actor: null });
  const records = createRecordService(database.db, createLiveAppCache(database.db));
  const rep = fullAccess({ userId: id.rep, departmentId: null });
  for (let done = 0; done < instances; done += 2_000) {
    const rows = Array.from({ length: Math.min(2_000, instances - done) }, (_, i) => ({
      values: { title: `Trip ${done + i}`, amount: String(100 + ((done + i) % 900)) },
    }));
    await records.createMany(APP_ID, OBJECT_ID, rep, rows, { source: 'import' });
  }
  const recordIds = (await sql<{ id: string }>`select id from ${sql.id(`app_${APP_ID}`, OBJECT_ID)} order by id`.execute(database.db)).rows.map((r) => r.id);

  progress('  baseline: hand-written transactions');
  await sql.raw(BASELINE_TABLES).execute(database.db);
  const pool = new pg.Pool({ connectionString: database.url, max: 20, application_name: BASELINE });
  const baselineCpu = createCpuMeter(database, BASELINE);
  await baselineCpu.start();
  const baselineNode = process.cpuUsage();
  let next = 0;
  const baselineStart = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const record = recordIds[next++];
        if (!record) return;
        const instance = await startByHand(pool, record, id.rep, id.manager);
        await approveByHand(pool, instance, 'manager', id.manager, id.finance);
        await approveByHand(pool, instance, 'finance', id.finance, id.finance);
      }
    }),
  );
  const baselineSeconds = (performance.now() - baselineStart) / 1000;
  const baselineUsed = process.cpuUsage(baselineNode);
  const baselineNodeSeconds = (baselineUsed.user + baselineUsed.system) / 1e6;
  await baselineCpu.sample();
  await pool.end();

  progress('  ours: the flow engine, killed part-way and started again');
  const transitions = () => count(database, sql<{ n: string }>`select count(*) as n from flow_history where kind in ('started', 'approved')`);
  const engineCpu = createCpuMeter(database, ENGINE);
  await engineCpu.start();
  const first = await runClients(database, transitions, Math.round(instances * 3 * killAt), engineCpu);
  const atKill = await transitions();
  const second = await runClients(database, transitions, null, engineCpu);
  const total = await transitions();

  const lost = await count(
    database,
    sql<{ n: string }>`select count(*) as n from ${sql.id(`app_${APP_ID}`, OBJECT_ID)} e
    where not exists (select 1 from flow_instances i where i.record_id = e.id and i.flow_id = ${FLOW_ID} and i.status = 'approved')`,
  );
  const duplicated =
    (await count(database, sql<{ n: string }>`select count(*) as n from (select record_id from flow_instances group by record_id having count(*) > 1) d`)) +
    (await count(
      database,
      sql<{ n: string }>`select count(*) as n from (select instance_id from flow_history where kind in ('started', 'approved')
      group by instance_id having count(*) filter (where kind = 'started') <> 1 or count(*) filter (where kind = 'approved') <> 2) d`,
    )) +
    (await count(database, sql<{ n: string }>`select count(*) as n from (select instance_id from flow_tasks group by instance_id having count(*) <> 2) d`));

  const oursSeconds = first.seconds + second.seconds;
  const oursPerSecond = total / oursSeconds;
  const baselinePerSecond = (instances * 3) / baselineSeconds;
  console.log(
    `\nB5 flows: ${instances} expenses × 3 transitions, ${concurrency} clients\n${formatTable([
      ['path', 'transitions', 'seconds', 'per second'],
      ['hand-written transactions', instances * 3, baselineSeconds, baselinePerSecond],
      [`engine, until SIGKILL (${first.killed ? 'killed' : 'not killed'})`, atKill, first.seconds, atKill / first.seconds],
      ['engine, after restart', total - atKill, second.seconds, (total - atKill) / second.seconds],
      ['engine, both', total, oursSeconds, oursPerSecond],
    ])}\n`,
  );
  const perTransition = (seconds: number) => (seconds * 1000) / (instances * 3);
  const cpuRow = (path: string, node: number, postgres: number) => [path, perTransition(node), perTransition(postgres), perTransition(node + postgres)];
  const engineCpuTotals = engineCpu.totals();
  console.log(
    `CPU milliseconds per transition (the client processes while running; PostgreSQL backends where /proc shows them)\n${formatTable([
      ['path', 'Node', 'PostgreSQL', 'both'],
      cpuRow('hand-written transactions', baselineNodeSeconds, baselineCpu.totals().postgres),
      cpuRow('engine', engineCpuTotals.node, engineCpuTotals.postgres),
    ])}\n`,
  );
  printKeys({
    'B5.transitions_per_s': oursPerSecond,
    'B5.baseline_per_s': baselinePerSecond,
    'B5.ratio': baselinePerSecond / oursPerSecond,
    'B5.lost': lost,
    'B5.duplicated': duplicated,
  });
});
