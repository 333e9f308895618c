import type { CompiledQuery, QueryResult, RawBuilder } from 'kysely';
import type { RecordContext } from './record-context';

/**
 * Stands in for the one value of a cached statement that changes on every call — the rows it
 * writes, as one json parameter — while the statement is built and compiled.
 */
export const ROWS: unknown = Object.freeze({ slot: 'rows' });

/** Compiled statements of one published version, by what their text and fixed values depend on. */
export type StatementCache = Map<string, CompiledQuery>;

const LIMIT = 1_000;

/**
 * Runs a statement built by Kysely once per shape and reused: the hot writes (a form's create,
 * an edit) would otherwise spend more time building their SQL tree than PostgreSQL spends running
 * it. `key` must name everything the statement depends on besides the rows; null means "build it
 * anew" (a policy that cannot be keyed, rollups computed with the clock). The statement is
 * compiled by the context's own executor, so it runs in the caller's transaction.
 */
export async function runStatement<R>(ctx: RecordContext, key: string | null, build: () => RawBuilder<R>, rows: string): Promise<QueryResult<R>> {
  const cache = ctx.app.statements;
  let compiled = key === null ? undefined : (cache.get(key) as CompiledQuery<R> | undefined);
  if (!compiled) {
    compiled = build().compile(ctx.db);
    if (key !== null) {
      if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
      cache.set(key, compiled);
    }
  }
  const parameters = compiled.parameters.map((value) => (value === ROWS ? rows : value));
  return ctx.db.executeQuery<R>({ ...compiled, parameters });
}
