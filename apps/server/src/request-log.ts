import type { FastifyInstance } from 'fastify';

/** An answer slower than this is worth a line even where ordinary requests are quiet. */
export const SLOW_REQUEST_MS = 1_000;

export interface RequestLogOptions {
  /**
   * The level of an ordinary request's line: 'info' for a log that machines read (every request,
   * one JSON line); 'debug' on a terminal, where a person reads the sign-ins and wants only what
   * went wrong or was slow (LOG_LEVEL=debug shows them all).
   */
  ordinaryLevel: 'info' | 'debug';
}

/**
 * One line per request, written when it is answered (Fastify's own logging writes two: on arrival
 * and on answer). 5xx answers are errors, slow ones warnings, the rest at `ordinaryLevel`.
 */
export function registerRequestLog(app: FastifyInstance, options: RequestLogOptions): void {
  app.addHook('onResponse', async (request, reply) => {
    const ms = Math.round(reply.elapsedTime);
    const level = reply.statusCode >= 500 ? 'error' : ms >= SLOW_REQUEST_MS ? 'warn' : options.ordinaryLevel;
    request.log[level](
      { method: request.method, url: request.url, status: reply.statusCode, ms },
      `${request.method} ${request.url} ${reply.statusCode} ${ms} ms`,
    );
  });
}
