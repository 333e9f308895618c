import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from '@tessera/db';
import { registerMessages } from '@tessera/i18n';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createServerMetrics } from './metrics';
import { localeOf, problem, sendProblem } from './problem';

registerMessages({
  'metrics.token_required': {
    'zh-CN': '读取指标需要 Authorization: Bearer 令牌（TESSERA_METRICS_TOKEN）',
    en: 'Reading the metrics needs an Authorization: Bearer token (TESSERA_METRICS_TOKEN)',
  },
});

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Compared as digests: equal lengths for timingSafeEqual, and no early exit that times the token. */
function holdsToken(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return timingSafeEqual(digest(presented), digest(token));
}

/**
 * `GET /metrics` in Prometheus' text format, only when a token is configured (ADR 0090): the
 * endpoint tells how busy the server is and which routes fail, which is not for every signed-in
 * user. Every answered request is counted by its route's pattern, whether or not anyone scrapes.
 */
export function registerMetrics(app: FastifyInstance, options: { database: Database; token: string | undefined }): void {
  const { token } = options;
  if (!token) return;
  const metrics = createServerMetrics(options.database);
  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!holdsToken(request, token)) {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(reply, problem(localeOf(request), 401, 'metrics.token_required'));
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
