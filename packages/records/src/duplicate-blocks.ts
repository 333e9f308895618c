import { LARGEST_BLOCK } from '@tessera/dedup';
import { dedupKeySql, dedupVariantSql, tableRef } from '@tessera/meta';
import type { ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import type { RecordContext } from './record-context';
import { rowScopeSql } from './row-scope';

/** The records the actor may read that share one key value of a field, as the scan blocks them. */
export interface KeyBlocks {
  /** Each block's ids: at least two, at most LARGEST_BLOCK. */
  blocks: string[][];
  /** Key values shared by more records than one company has (a placeholder number): left out. */
  skipped: number;
}

/**
 * Every block of records the actor may read whose `field` values have the same scan key
 * (`dedupKeySql`: spaces dropped, case folded). The result of
 * `GROUP BY dedupKey(field) HAVING count(*) > 1`, without computing and sorting a key per record:
 *   1. the stored values more than one record has: a count per value, read in order from the
 *      field's btree alone (an index-only scan, no row visited; the key computed only for them);
 *   2. the few records whose value differs from its key (`dedupVariantSql`, indexed), each keyed;
 *   3. the ids and keys of the records holding a value of 1 or a key of 2, by the btree.
 * Any two records with one key are either equal as stored (1) or one of them differs from the key
 * (2, and its partner in 2 or 3), so the blocks are the GROUP BY's (duplicate-blocks.test.ts holds
 * that against the GROUP BY itself).
 */
export async function keyBlocks(ctx: RecordContext, object: ObjectDefinition, field: string): Promise<KeyBlocks> {
  const table = tableRef(ctx.app.appId, object.id);
  const column = sql.ref(field);
  const readable = rowScopeSql(ctx, object, 'read');
  const { rows: shared } = await sql<{
    key: string;
    value: string;
    size: number;
  }>`select ${dedupKeySql(field)} as key, ${column} as value, count(*)::int as size
    from ${table}
    where deleted_at is null and ${column} is not null and ${column} <> '' and ${readable}
    group by ${column}
    having count(*) > 1`.execute(ctx.db);
  const { rows: variants } = await sql<{ key: string; id: string }>`select ${dedupKeySql(field)} as key, id from ${table}
    where deleted_at is null and ${dedupVariantSql(field)} and ${readable}`.execute(ctx.db);
  // A value shared by more records than a block holds makes its key's block a placeholder: its ids are not needed.
  const oversize = new Set(shared.filter((s) => s.size > LARGEST_BLOCK).map((s) => s.key));
  const values = [...new Set([...shared.filter((s) => !oversize.has(s.key)).map((s) => s.value), ...variants.map((v) => v.key)])];
  const { rows: holders } = values.length
    ? await sql<{ key: string; id: string }>`select ${dedupKeySql(field)} as key, id from ${table}
        where deleted_at is null and ${column} = any(${values}::text[]) and ${column} <> '' and ${readable}`.execute(ctx.db)
    : { rows: [] };
  const byKey = new Map<string, Set<string>>();
  for (const row of [...variants, ...holders]) byKey.set(row.key, (byKey.get(row.key) ?? new Set<string>()).add(String(row.id)));
  const result: KeyBlocks = { blocks: [], skipped: 0 };
  for (const key of oversize) if (!byKey.has(key)) result.skipped += 1;
  for (const [key, ids] of byKey) {
    if (oversize.has(key) || ids.size > LARGEST_BLOCK) result.skipped += 1;
    else if (ids.size > 1) result.blocks.push([...ids]);
  }
  return result;
}
