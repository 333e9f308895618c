import type { PoolUse } from '@tessera/db';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface LongRequestOptions {
  /** Long requests (exports, reports, dashboards) at once while the pool is contended; default a third of the pool, at least 1. */
  longSlots?: number | undefined;
  /** Long requests let wait for a slot; one more is answered 503 at once. Default 4 per slot. */
  longQueue?: number | undefined;
  /** Longest a long request waits for a slot before it is answered 503 (ms); default 3,000. */
  longWaitMs?: number | undefined;
}

/**
 * Exports, report queries and dashboard data take turns for a budget of their own (ADR 0055), so
 * a burst of them cannot fill the pool's queue ahead of interactive requests. Past the budget a
 * long request waits its turn, holding no connection, for a bounded time in a bounded queue; only
 * past those it is turned away. The budget bites only while the pool is contended (a query
 * waiting, or every connection busy): an idle pool serves every manager who opens a dashboard at
 * the same moment.
 */
export function createLongRequestGate(poolUse: () => PoolUse | null, options: LongRequestOptions) {
  let running = 0;
  const queue: Array<(admitted: boolean) => void> = [];
  const holders = new WeakSet<FastifyRequest>();

  const release = (request: FastifyRequest) => {
    if (!holders.delete(request)) return;
    const next = queue.shift();
    // The slot passes straight to the next in line, so `running` stays as it is.
    if (next) next(true);
    else running -= 1;
  };
  const hold = (request: FastifyRequest, reply: FastifyReply) => {
    holders.add(request);
    // Given back when the answer is done or the client gone, whichever comes first (a stream's end included).
    if (reply.raw.destroyed) release(request);
    else reply.raw.once('close', () => release(request));
  };

  /** Lets the request in (true), after a wait if need be, or says it must be turned away (false). */
  async function enter(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const pool = poolUse();
    if (!pool) return true;
    const slots = options.longSlots ?? Math.max(1, Math.ceil(pool.size / 3));
    if (running < slots || !contended(pool)) {
      running += 1;
      hold(request, reply);
      return true;
    }
    if (queue.length >= (options.longQueue ?? 4 * slots)) return false;
    const admitted = await new Promise<boolean>((resolve) => {
      const turn = (given: boolean) => {
        clearTimeout(timer);
        resolve(given);
      };
      // Out of the line when the wait is over or the client has gone; a slot is never handed to it then.
      const leave = () => {
        const at = queue.indexOf(turn);
        if (at >= 0) queue.splice(at, 1);
        turn(false);
      };
      const timer = setTimeout(leave, options.longWaitMs ?? 3_000);
      queue.push(turn);
      reply.raw.once('close', leave);
    });
    if (!admitted) return false;
    hold(request, reply);
    return true;
  }

  return { enter, release };
}

/** A query waits for a connection, or every connection is open and busy. */
export function contended(pool: PoolUse): boolean {
  return pool.waiting > 0 || (pool.idle === 0 && pool.total >= pool.size);
}
