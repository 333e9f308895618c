import type { Database } from '@tessera/db';
import { registerMessages, translate } from '@tessera/i18n';
import { sql } from 'kysely';
import { localeOf, problem, sendProblem } from '../problem';
import type { RoutePlugin } from '../route-schemas';
import { RETRY_AFTER_SECONDS } from '../unavailable';

registerMessages({
  'server.not_ready': {
    'zh-CN': '服务尚未就绪：{reason}',
    en: 'Not ready: {reason}',
  },
  'server.not_ready.database': { 'zh-CN': '数据库不可达', en: 'the database cannot be reached' },
  'server.not_ready.listener': { 'zh-CN': '数据库通知连接中断', en: 'the database notification connection is down' },
});

/** A readiness probe answers within this, even when PostgreSQL does not answer at all. */
const READY_TIMEOUT_MS = 2_000;

async function databaseAnswers(database: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const answered = sql`select 1`.execute(database.db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

const kind = { enum: ['postgres', 'pglite'] } as const;

/**
 * Three probes: `live` — the process runs and serves HTTP (no database; a load balancer or
 * orchestrator restarts a process only when this fails); `ready` — the database answers and the
 * LISTEN connection is up, so this process can serve requests and hears the others (take it out
 * of rotation while not); `/api/health` — as before, answers after a `select 1`.
 */
export const healthRoutes: RoutePlugin<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database reachability',
        response: { 200: { type: 'object', properties: { status: { const: 'ok' }, database: kind }, required: ['status', 'database'] } },
      },
    },
    async () => {
      await sql`select 1`.execute(database.db);
      return { status: 'ok' as const, database: database.kind };
    },
  );
  app.get(
    '/api/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the process serves HTTP (does not touch the database)',
        response: { 200: { type: 'object', properties: { status: { const: 'live' } }, required: ['status'] } },
      },
    },
    async () => ({ status: 'live' as const }),
  );
  app.get(
    '/api/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers and the notification connection is up (503 problem otherwise)',
        response: {
          200: {
            type: 'object',
            properties: { status: { const: 'ready' }, database: kind, listener: { type: 'boolean' } },
            required: ['status', 'database', 'listener'],
          },
        },
      },
    },
    async (request, reply) => {
      const locale = localeOf(request);
      const reason = !(await databaseAnswers(database)) ? 'database' : !database.notifications.healthy() ? 'listener' : null;
      if (reason === null) return { status: 'ready' as const, database: database.kind, listener: true };
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      return sendProblem(reply, problem(locale, 503, 'server.not_ready', { reason: translate(locale, `server.not_ready.${reason}`) }));
    },
  );
};
