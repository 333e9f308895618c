import type { Database } from '@tessera/db';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: most API answers take milliseconds; imports and exports of many rows take seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface ServerMetrics {
  registry: Registry;
  /** One answered request: its route's pattern (never the raw URL: ids would make a series each), status, seconds. */
  observe(method: string, route: string, status: number, seconds: number): void;
}

/**
 * The metrics one server process exposes (ADR 0090). A registry of its own, not prom-client's
 * global one, so that two servers in one test process do not collide. Jobs are counted in the
 * database, so every process reports the whole cluster's queue, the workers' included.
 */
export function createServerMetrics(database: Database): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tessera_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'tessera_http_requests_total', help: 'HTTP requests answered, by route and status', labelNames, registers: [registry] });
  const errors = new Counter({
    name: 'tessera_http_server_errors_total',
    help: 'HTTP requests answered with a 5xx status, by route',
    labelNames: ['method', 'route'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'tessera_http_request_duration_seconds',
    help: 'Time from request to answer, by route and status',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'tessera_jobs',
    help: 'Background jobs by queue and state (queued, running, done, failed, cancelled), across all processes',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const { rows } = await sql<{
        queue: string;
        state: string;
        count: string;
      }>`select queue, state, count(*) as count from jobs group by queue, state`.execute(database.db);
      this.reset();
      for (const row of rows) this.set({ queue: row.queue, state: row.state }, Number(row.count));
    },
  });
  new Gauge({
    name: 'tessera_db_pool_connections',
    help: 'Database connections of this process: total, idle, and queries waiting for one (PostgreSQL only)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const use = database.poolUse();
      if (!use) return;
      this.set({ state: 'total' }, use.total);
      this.set({ state: 'idle' }, use.idle);
      this.set({ state: 'waiting' }, use.waiting);
    },
  });
  return {
    registry,
    observe(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
      if (status >= 500) errors.inc({ method, route });
    },
  };
}
