import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * A statement whose SQL starts with this comment runs as a named prepared statement: PostgreSQL
 * parses and plans it once per connection instead of on every call. Meant for the few statements
 * run thousands of times a second with the same text (a form's create, the sign-in lookup); the
 * rest stay unnamed, so one-off statements never pile up in a connection.
 *
 * A statement over tables whose columns can change (record tables, at a publish) must carry what
 * identifies their shape in its text (the app's live version): a new shape is a new statement,
 * never a cached plan whose result type no longer fits.
 */
export const PREPARED = '/* prepared */ ';

/** Named statements one connection keeps at most; past it, statements run unnamed. */
const PER_CONNECTION = 200;

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `tsr_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= 10_000) names.delete(names.keys().next().value!);
    names.set(text, name);
  }
  return name;
}

const prepared = new WeakMap<pg.PoolClient, Set<string>>();

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Lets `client.query(text, values)` run a statement marked PREPARED under its name. */
function preparing(client: pg.PoolClient): pg.PoolClient {
  if (prepared.has(client)) return client;
  const kept = new Set<string>();
  prepared.set(client, kept);
  const query = client.query.bind(client) as Query;
  (client as unknown as { query: Query }).query = (config, values, callback) => {
    if (typeof config === 'string' && config.startsWith(PREPARED) && Array.isArray(values)) {
      const name = statementName(config);
      if (kept.has(name) || kept.size < PER_CONNECTION) {
        kept.add(name);
        return query({ name, text: config, values }, callback);
      }
    }
    return query(config, values, callback);
  };
  return client;
}

/** The pool, handing out connections that run PREPARED statements by name. */
export function preparingPool(pool: pg.Pool): pg.Pool {
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => preparing(await target.connect());
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
