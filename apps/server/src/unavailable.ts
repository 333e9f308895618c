import { isConnectionLost, isNoConnectionInTime, isTransientConflict, TRANSACTION_ATTEMPTS } from '@tessera/db';
import { registerMessages } from '@tessera/i18n';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localeOf, problem, sendProblem } from './problem';

registerMessages({
  'server.database_unavailable': {
    'zh-CN': '数据库连接中断，请在 {seconds} 秒后重试',
    en: 'The connection to the database was lost; please try again in {seconds} s',
  },
  'server.database_busy': {
    'zh-CN': '服务器繁忙或暂时连不上数据库，请在 {seconds} 秒后重试',
    en: 'The server is busy or cannot reach the database right now; please try again in {seconds} s',
  },
  'server.write_conflict': {
    'zh-CN': '此更改与同时进行的其他更改冲突，已重试 {attempts} 次仍未成功，未保存任何内容；请在 {seconds} 秒后重试',
    en: 'This change collided with others made at the same moment {attempts} times and nothing was saved; please try again in {seconds} s',
  },
});

/** How long a client should wait before trying again: PostgreSQL restarts or fails over in seconds. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * A request whose database connection was lost mid-way (restart, failover, terminated backend),
 * or that got none within the pool's wait (PostgreSQL unreachable, or every connection busy), did nothing wrong and may simply be sent again: 503 with `Retry-After`, not a 500. Whatever it
 * wrote was in a transaction that PostgreSQL rolled back, unless its commit had already landed;
 * a retried create with the same client-chosen id then meets its own row (409/422), never a twin.
 * Returns null for every other error.
 */
export function sendIfDatabaseUnavailable(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (!isConnectionLost(error)) return null;
  // Under overload every connection can be taken for the pool's whole wait: that is not a lost
  // connection, and the user must not be told it is (the load test met it as its only errors).
  const waited = isNoConnectionInTime(error);
  request.log.warn({ err: error }, waited ? 'no database connection free within the wait' : 'database connection lost during the request');
  reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return sendProblem(reply, problem(localeOf(request), 503, waited ? 'server.database_busy' : 'server.database_unavailable', { seconds: RETRY_AFTER_SECONDS }));
}

/**
 * A deadlock or serialization failure that outlasted the transaction's own retries
 * (`transactionWithRetry`), or one in a statement outside them: nothing was saved, and the same
 * request sent again normally succeeds. 503 with `Retry-After`, never a 500.
 */
export function sendIfWriteConflict(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  if (!isTransientConflict(error)) return null;
  request.log.warn({ err: error }, 'deadlock or serialization failure after retries');
  reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return sendProblem(reply, problem(localeOf(request), 503, 'server.write_conflict', { seconds: RETRY_AFTER_SECONDS, attempts: TRANSACTION_ATTEMPTS }));
}
