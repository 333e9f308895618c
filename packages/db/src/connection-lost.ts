/**
 * Whether an error means the database connection went away (a restart, a failover, an admin
 * terminating backends, the network) rather than that the statement was wrong. Such a request can
 * simply be tried again once PostgreSQL is back, so it is answered 503, never 500.
 */

/** SQLSTATEs of a lost connection: class 08 (connection exception), and shutdown / not yet accepting (57P01–57P03). */
const LOST_STATE = /^(08...|57P0[123])$/;

/** Socket errors from node:net, as node-postgres passes them on. */
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * node-postgres reports a dropped connection by message only: "Connection terminated
 * unexpectedly", "Client has encountered a connection error and is not queryable", and the pool's
 * "timeout exceeded when trying to connect" when no connection can be had in time.
 */
const LOST_MESSAGE =
  /Connection terminated|connection error and is not queryable|Connection ended|timeout exceeded when trying to connect|Client was closed and is not queryable/i;

/**
 * The pool's "no connection in time": PostgreSQL unreachable, or — what a load test meets — every
 * connection busy with other requests for the whole wait. Its message cannot tell which.
 */
const NO_CONNECTION_IN_TIME = /timeout exceeded when trying to connect/i;

/** Whether the error, or one of the errors it was caused by, is one that `matches` (pg wraps some). */
function inChain(error: unknown, matches: (code: unknown, message: unknown) => boolean): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (matches(code, message)) return true;
    current = cause;
  }
  return false;
}

export function isConnectionLost(error: unknown): boolean {
  return inChain(
    error,
    (code, message) =>
      (typeof code === 'string' && (LOST_STATE.test(code) || SOCKET_CODES.has(code))) || (typeof message === 'string' && LOST_MESSAGE.test(message)),
  );
}

/** Whether the request got no database connection within the pool's wait (busy or unreachable: see NO_CONNECTION_IN_TIME). */
export function isNoConnectionInTime(error: unknown): boolean {
  return inChain(error, (_code, message) => typeof message === 'string' && NO_CONNECTION_IN_TIME.test(message));
}
