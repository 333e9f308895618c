import { settledDataVersions } from './data-versions';
import type { RecordContext } from './record-context';

/** Breaking values kept in all, across columns: a bound on memory (a value is a short string) whatever the data. */
const MAX_VALUES = 500_000;

interface Entry {
  dataVersion: number;
  values: readonly string[];
}

const entries = new Map<string, Entry>();
let kept = 0;

function forget(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  kept -= entry.values.length;
  entries.delete(key);
}

/**
 * The breaking values of a column, read once per data version of its object rather than for
 * every page of a list that carries a `breaks_format` filter. They are the same for every viewer
 * (the list still applies the viewer's row scope to the rows they match), and they depend only
 * on the stored values — the object's data version — and the field's definition, which the live
 * version pins. While a committed change is not yet counted in the data versions, the values are
 * read afresh and not kept.
 */
export async function cachedBreakingValues(ctx: RecordContext, objectId: string, key: string, read: () => Promise<string[]>): Promise<readonly string[]> {
  const versions = await settledDataVersions(ctx.db, ctx.app.appId, [objectId]);
  if (versions === null) return read();
  const dataVersion = versions[objectId] ?? 0;
  const cacheKey = `${ctx.app.appId}\u0000${ctx.app.version}\u0000${objectId}\u0000${key}`;
  const hit = entries.get(cacheKey);
  if (hit && hit.dataVersion === dataVersion) {
    // Most recently used last, so the eviction below drops the coldest entry.
    entries.delete(cacheKey);
    entries.set(cacheKey, hit);
    return hit.values;
  }
  const values = await read();
  forget(cacheKey);
  // A column with more breaking values than the whole budget is read afresh each time instead.
  if (values.length <= MAX_VALUES) {
    while (kept + values.length > MAX_VALUES) forget(entries.keys().next().value as string);
    entries.set(cacheKey, { dataVersion, values });
    kept += values.length;
  }
  return values;
}
