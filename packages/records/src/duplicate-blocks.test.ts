import { LARGEST_BLOCK } from '@tessera/dedup';
import type { AppDocument } from '@tessera/schemas';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { keyBlocks } from './duplicate-blocks';
import { createLiveAppCache } from './live-app';
import type { RecordContext } from './record-context';
import { fullAdmin, usePublishedApp } from './test-app';

const app: AppDocument = {
  id: 'blocks',
  label: { en: 'Blocks' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      fields: [{ id: 'code', type: 'text', label: { en: 'Code' } }],
      matchRules: [{ id: 'code', kind: 'exact', fields: ['code'] }],
    },
  ],
};
const published = usePublishedApp(app);

/** Spellings that meet under the scan's key in many ways: case, ASCII and ideographic spaces, tabs, umlauts, blanks. */
const SPELLINGS = ['ab', 'AB', 'a b', ' ab', 'ab\t', 'A\u3000B', 'Ab ', 'ä', 'Ä', 'x', 'X', '', '   ', null] as const;

/** The scan's blocks as one GROUP BY on the key computed per record (what keyBlocks stands for): the oracle. */
async function groupByKey(ctx: RecordContext): Promise<{ blocks: string[][]; skipped: number }> {
  const { rows } = await sql<{ ids: string[]; size: number }>`select (array_agg(id))[1:${LARGEST_BLOCK}] as ids, count(*)::int as size
    from app_blocks.customer where deleted_at is null and code is not null and code <> ''
    group by lower(regexp_replace(code, '\\s', '', 'g')) having count(*) > 1`.execute(ctx.db);
  return { blocks: rows.filter((r) => r.size <= LARGEST_BLOCK).map((r) => r.ids.map(String)), skipped: rows.filter((r) => r.size > LARGEST_BLOCK).length };
}

const sorted = (result: { blocks: string[][]; skipped: number }) => ({
  blocks: result.blocks.map((b) => [...b].sort()).sort((x, y) => x[0]!.localeCompare(y[0]!)),
  skipped: result.skipped,
});

async function load(ctx: RecordContext, rows: readonly { code: string | null; deleted: boolean }[]): Promise<void> {
  await sql`delete from app_blocks.customer`.execute(ctx.db);
  if (rows.length === 0) return;
  await sql`insert into app_blocks.customer (id, version, created_at, updated_at, deleted_at, code)
    select gen_random_uuid(), 1, now(), now(), case when d then now() end, c
    from unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.deleted)}::boolean[]) as t(c, d)`.execute(ctx.db);
}

describe('the scan’s key blocks', () => {
  it('are the blocks of a GROUP BY on the key computed per record, however the values are spelled', async () => {
    const { db } = published.database;
    const ctx: RecordContext = { db, app: await createLiveAppCache(db).get('blocks', db), access: fullAdmin, cipher: null };
    const row = fc.record({ code: fc.constantFrom(...SPELLINGS), deleted: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 60 }), fc.nat({ max: 2 }), async (rows, big) => {
        // A number shared by 160 records (a block) or 320 (a placeholder: 240 of them written alike, more than a
        // block holds), a quarter of them written with spaces around.
        const placeholder = Array.from({ length: big * 160 }, (_, i) => ({ code: i % 4 ? '13800000000' : ' 13800000000 ', deleted: false }));
        await load(ctx, [...rows, ...placeholder]);
        expect(sorted(await keyBlocks(ctx, app.objects[0]!, 'code'))).toEqual(sorted(await groupByKey(ctx)));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
