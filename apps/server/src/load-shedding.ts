import type { Database, PoolUse } from '@tessera/db';
import { registerMessages } from '@tessera/i18n';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createLongRequestGate, type LongRequestOptions } from './long-request-gate';
import { localeOf, problem, sendProblem } from './problem';

registerMessages({
  'server.long_requests_busy': {
    'zh-CN': '当前正在进行的导出和报表已达上限，请在 {seconds} 秒后重试',
    en: 'As many exports and reports as the server takes at once are running; please try again in {seconds} s',
  },
});

export interface SheddingOptions extends LongRequestOptions {
  /** Most requests let wait for a database connection; a request beyond is answered 503 at once. Default 4 per connection. */
  maxWaiting?: number | undefined;
  /** Longest expected wait for a connection (ms) a request is let in to; default 3,000 — far under the pool's own 10 s. */
  maxExpectedWaitMs?: number | undefined;
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
 * Retry-After of that wait. Long requests take turns for a budget of their own (long-request-gate.ts). Non-API paths (the
 * web app's files) do not touch the database and are never shed. The embedded database has no
 * pool (one connection, serialized by PGlite) and is not shed.
 */
export function registerLoadShedding(app: FastifyInstance, database: Database, options: SheddingOptions = {}): void {
  app.addHook('onRequest', async (request, reply) => {
    const pool = database.poolUse();
    const route = request.routeOptions.url ?? '';
    if (!pool || !route.startsWith('/api/') || NEVER_SHED.test(route)) return;
    const { expectedWaitMs, full } = queueFor(pool, options);
    if (full) return shed(request, reply, 'server.database_busy', expectedWaitMs);
  });
  // Long requests take their turn after their input is checked: a malformed export gets its 400,
  // not a place in the line.
  const gate = createLongRequestGate(() => database.poolUse(), options);
  app.addHook('preHandler', async (request, reply) => {
    if (!LONG_ROUTES.has(request.routeOptions.url ?? '')) return;
    if (await gate.enter(request, reply)) return;
    const pool = database.poolUse();
    return shed(request, reply, 'server.long_requests_busy', Math.max(pool ? queueFor(pool, options).expectedWaitMs : 0, pool?.meanHoldMs ?? 0));
  });
  app.addHook('onResponse', async (request) => gate.release(request));
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

function shed(request: FastifyRequest, reply: FastifyReply, code: string, waitMs: number): FastifyReply {
  const seconds = retryAfter(waitMs);
  // The request log already reports the 503 at warn; this says why, for whoever looks closer.
  request.log.debug({ route: request.routeOptions.url, waitMs: Math.round(waitMs) }, 'request shed: the database queue is full');
  reply.header('retry-after', String(seconds));
  return sendProblem(reply, problem(localeOf(request), 503, code, { seconds }));
}
