/**
 * L1 load and soak (issue 17): the demo CRM with its team and generated customers, the real
 * server process (`apps/server/src/main.ts`, as `pnpm start` runs it) on PostgreSQL, and 200
 * virtual users signed in as reps of two departments, their managers, the director, finance,
 * legal and administrators, each stepping through a realistic mix with think time — lists with
 * their separate count, records, creates, edits, comments, quotes and contracts submitted for
 * approval and approved from the inbox, dashboards, reports, exports — for 10 minutes. Prints
 * every kind's errors and p50/p95/p99, requests and the server's RSS and heap per minute, and the
 * growth between the second minute and the last. See docs/benchmarks.md and docs/reliability.md.
 *
 *   pnpm bench:load [--users 200] [--minutes 10] [--customers 50000] [--think-ms 3000] [--short]
 *
 * --short: a smoke check (20 users, 40 s, 5,000 customers, 10 s windows). LOAD_USERS and
 * LOAD_MINUTES set the same as --users and --minutes.
 */

import { flagArg, numberArg } from '../shared/args';
import { withBenchDatabase } from '../shared/bench-database';
import { progress } from '../shared/report';
import { runLoad } from './harness';
import { printLoadReport, totals } from './load-report';

const short = flagArg('short');
const fromEnv = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const users = numberArg('users', fromEnv('LOAD_USERS', short ? 20 : 200));
const minutes = numberArg('minutes', fromEnv('LOAD_MINUTES', short ? 40 / 60 : 10));

async function main(): Promise<void> {
  const result = await withBenchDatabase(4, async (database) => {
    progress(`L1 load: database ${database.name}`);
    return runLoad(database, {
      users,
      seconds: Math.round(minutes * 60),
      customers: numberArg('customers', short ? 5_000 : 50_000),
      thinkMs: numberArg('think-ms', 3_000),
      windowSeconds: short ? 10 : 60,
      sampleEveryMs: short ? 1_000 : 5_000,
    });
  });
  printLoadReport(result);
  if (totals(result).errors > 0 || result.serverExitCode !== 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
