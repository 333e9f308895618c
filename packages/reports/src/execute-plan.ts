import type { SystemTables } from '@tessera/db';
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { ReportError } from './report-error';

const QUERY_CANCELED = '57014';

/**
 * Runs one widget's statement with its own statement timeout (a transaction-local setting), so a
 * heavy widget is stopped on its own and the rest of the dashboard still answers.
 */
export async function executeWithTimeout(db: Kysely<SystemTables>, query: CompiledQuery, timeoutMs: number): Promise<Record<string, unknown>[]> {
  const run = async (tx: Kysely<SystemTables>) => {
    await sql`select set_config('statement_timeout', ${String(timeoutMs)}, true)`.execute(tx);
    return (await tx.executeQuery<Record<string, unknown>>(query)).rows;
  };
  try {
    return db.isTransaction ? await run(db) : await db.transaction().execute(run);
  } catch (error) {
    if ((error as { code?: unknown }).code === QUERY_CANCELED) throw new ReportError('report.timeout', { ms: timeoutMs });
    throw error;
  }
}
