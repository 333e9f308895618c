import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { BenchDatabase } from '../shared/bench-database';

/** Linux reports process times in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) process `pid` has used, from /proc; null where that cannot be read (another OS, a server on another host). */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU time spent on a run: by the PostgreSQL backends of the connections named `applicationName`
 * (not the benchmark's own bookkeeping) and by the client processes named. On a shared machine, throughput swings with other people's load; CPU
 * seconds per transition swing far less, and say whether the time goes to Node or to PostgreSQL.
 * Sample it before a process or connection ends (a backend's time goes with it).
 */
export function createCpuMeter(database: BenchDatabase, applicationName: string) {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const note = (key: string, seconds: number | null) => {
    if (seconds === null) return;
    if (!first.has(key)) first.set(key, key.startsWith('pg:') ? 0 : seconds);
    last.set(key, seconds);
  };
  const sum = (prefix: string) => [...last].reduce((total, [key, seconds]) => (key.startsWith(prefix) ? total + seconds - first.get(key)! : total), 0);
  return {
    /** Reads the backends' times now (and `pids`' times): backends already known count from their first reading, new ones from their start. */
    async sample(pids: readonly number[] = []): Promise<void> {
      const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
        where datname = current_database() and application_name = ${applicationName}`.execute(database.db);
      for (const { pid } of rows) note(`pg:${pid}`, cpuSeconds(pid));
      for (const pid of pids) note(`node:${pid}`, cpuSeconds(pid));
    },
    /** Starts counting from the backends' times now. */
    async start(): Promise<void> {
      await this.sample();
      for (const [key, seconds] of last) first.set(key, seconds);
    },
    /** CPU seconds since `start`: PostgreSQL's backends, and the client processes sampled. */
    totals(): { postgres: number; node: number } {
      return { postgres: sum('pg:'), node: sum('node:') };
    },
  };
}
