import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';

export type BenchDatabase = TestDatabase;

/**
 * Runs `work` against a fresh, migrated database `tessera_bench_<hex>` on the server named by
 * DATABASE_URL and drops it afterwards, also when `work` throws or the run is interrupted (Ctrl-C).
 */
export async function withBenchDatabase<T>(maxConnections: number, work: (database: BenchDatabase) => Promise<T>): Promise<T> {
  const database = await createTestDatabase({ maxConnections, prefix: 'tessera_bench_' });
  const onSignal = (signal: NodeJS.Signals) => {
    void database.drop().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(database);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await database.drop();
  }
}
