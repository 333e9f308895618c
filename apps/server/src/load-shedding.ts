import type { Database, PoolUse } from '@tessera/db';
import { registerMessages } from '@tessera/i18n';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeOf, problem, sendProblem } from './problem';

registerMessages({
  'server.long_requests_busy': {
    'zh-CN': '当前正在进行的导出和报表已达上限，请在 {seconds} 秒后重试',
    en: 'As many exports and reports as the server takes at once are running; please try again in {seconds} s',
  },
});

export interface SheddingOptions {
  /** Most requests let wait for a database connection; a request beyond is answered 503 at once. Default 4 per connection. */
  maxWaiting?: number | undefined;
  /** Longest expected wait for a connection (ms) a request is let in to; default 3,000 — far under the pool's own 10 s. */
  maxExpectedWaitMs?: number | undefined;
  /** Long requests (exports, reports, dashboards) at once while the pool is contended; default a third of the pool, at least 1. */
  longSlots?: number | undefined;
}

/**
 * Routes that hold connections for long or read many rows: they get a budget of their own, so a
 * burst of exports cannot starve interactive requests of the pool.
 */
const LONG_ROUTES: ReadonlySet<string> = new Set([
  '/api/apps/:appId/objects/:objectId/records/export',
  '/api/apps/:appId/dashboards/:dashboardId/widgets/:widgetId/export',
  '/api/apps/:appId/dashboards/:dashboardId/data',
  '/api/apps/:appId/dashboards/preview',
  '/api/apps/:appId/reports/query',
]);

/**
 * Never turned away: health probes (a shed `live` would get a busy process restarted) and
 * sign-in (a person locked out of an overloaded server cannot even see it recover). Sign-in waits
 * in the pool's queue like any request; it is only never refused before it.
 */
const NEVER_SHED = /^\/api\/(health(\/|$)|auth\/sign-in$)/;

/** Retry-After for a shed request: the wait it was spared, in whole seconds, within 1–30. */
const retryAfter = (ms: number) => Math.min(30, Math.max(1, Math.ceil(ms / 1000)));

/**
 * Load shedding in front of the database pool (ADR 0055). Under overload a request used to queue
 * for a connection for up to the pool's 10 s and then get a 503; now the queue is bounded, by
 * length and by its expected wait (queue × recent hold time ÷ connections), and a request that
 * would join it past either bound is answered at once with 503 `server.database_busy` and a
 * Retry-After of that wait. Long requests have a smaller budget of their own. Non-API paths (the
 * web app's files) do not touch the database and are never shed. The embedded database has no
 * pool (one connection, serialized by PGlite) and is not shed.
 */
export function registerLoadShedding(app: FastifyInstance, database: Database, options: SheddingOptions = {}): void {
  const inUse = new WeakSet<FastifyRequest>();
  let longRunning = 0;
  const release = (request: FastifyRequest) => {
    if (!inUse.delete(request)) return;
    longRunning -= 1;
  };
  app.addHook('onRequest', async (request, reply) => {
    const pool = database.poolUse();
    const route = request.routeOptions.url ?? '';
    if (!pool || !route.startsWith('/api/') || NEVER_SHED.test(route)) return;
    const { expectedWaitMs, full } = queueFor(pool, options);
    if (full) return shed(request, reply, 'server.database_busy', expectedWaitMs);
    if (!LONG_ROUTES.has(route)) return;
    if (longRequestRefused(pool, longRunning, options)) return shed(request, reply, 'server.long_requests_busy', Math.max(expectedWaitMs, pool.meanHoldMs));
    longRunning += 1;
    inUse.add(request);
    // Released when the answer is done or the client gone, whichever comes first (a stream's end included).
    reply.raw.once('close', () => release(request));
  });
  app.addHook('onResponse', async (request) => release(request));
}

/**
 * The wait a request joining the pool's queue now can expect — the requests ahead of it, once idle
 * and not yet opened connections are counted, times the recent hold time, over the connections —
 * and whether the queue is past either of its bounds.
 */
export function queueFor(pool: PoolUse, options: SheddingOptions): { expectedWaitMs: number; full: boolean } {
  const ahead = pool.waiting - pool.idle - (pool.size - pool.total);
  const expectedWaitMs = ahead < 0 ? 0 : ((ahead + 1) * pool.meanHoldMs) / pool.size;
  const full = pool.waiting >= (options.maxWaiting ?? 4 * pool.size) || expectedWaitMs > (options.maxExpectedWaitMs ?? 3_000);
  return { expectedWaitMs, full };
}

/**
 * Whether a long request must wait for a later try: only when the long requests already running
 * fill their budget AND the pool is contended (a query waits, or every connection is open and
 * busy). On a quiet server five managers opening their dashboards at once are all served; the
 * budget exists to keep interactive requests from queueing behind exports, not to ration an idle
 * pool.
 */
export function longRequestRefused(pool: PoolUse, longRunning: number, options: SheddingOptions): boolean {
  const slots = options.longSlots ?? Math.max(1, Math.ceil(pool.size / 3));
  const contended = pool.waiting > 0 || (pool.idle === 0 && pool.total >= pool.size);
  return longRunning >= slots && contended;
}

function shed(request: FastifyRequest, reply: FastifyReply, code: string, waitMs: number): FastifyReply {
  const seconds = retryAfter(waitMs);
  // The request log already reports the 503 at warn; this says why, for whoever looks closer.
  request.log.debug({ route: request.routeOptions.url, waitMs: Math.round(waitMs) }, 'request shed: the database queue is full');
  reply.header('retry-after', String(seconds));
  return sendProblem(reply, problem(localeOf(request), 503, code, { seconds }));
}
