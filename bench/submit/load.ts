import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { visitValues } from './visit-app';

export interface LoadResult {
  seconds: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rps: number;
  p50: number;
  p99: number;
}

/** Distinct bodies each connection cycles through (connection k starts at body 0, so ids differ only by the database). */
const BODIES = Array.from({ length: 256 }, (_, n) => JSON.stringify({ values: visitValues(n) }));

/**
 * `connections` clients POSTing forms for `seconds`. The load generator runs in a worker
 * thread (autocannon `workers: 1`), so it does not share the server's event loop.
 */
export async function postForms(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    workers: 1,
    headers: { 'content-type': 'application/json', ...headers },
    requests: BODIES.map((body) => ({ method: 'POST' as const, body })),
  });
  const ok = result['2xx'];
  return {
    seconds: result.duration,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/**
 * Forms offered at `rate` per second for `seconds` (open loop), each latency counted from when the
 * form was due (bench/shared/open-loop-worker.mjs, in a worker thread of its own).
 */
export function offerForms(url: string, rate: number, seconds: number, connections: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  const worker = new Worker(new URL('../shared/open-loop-worker.mjs', import.meta.url), {
    workerData: { url, headers: { 'content-type': 'application/json', ...headers }, bodies: BODIES, rate, seconds, connections },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
  });
}
