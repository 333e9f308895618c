import type pg from 'pg';

/** Weight of the newest hold in the running mean: about the last 20 holds count. */
const WEIGHT = 0.05;

/**
 * How long a request keeps a pool connection, on average of late (ms): with the queue's length it
 * tells how long the next request would wait for one, which is what load shedding (ADR 0055)
 * decides on. Measured from the pool's own `acquire` and `release` events.
 */
export function trackHoldTime(pool: pg.Pool): () => number {
  const since = new WeakMap<pg.PoolClient, number>();
  let mean = 0;
  pool.on('acquire', (client) => since.set(client, performance.now()));
  pool.on('release', (_error, client) => {
    const started = since.get(client);
    if (started === undefined) return;
    since.delete(client);
    const held = performance.now() - started;
    mean = mean === 0 ? held : mean + WEIGHT * (held - mean);
  });
  return () => mean;
}
