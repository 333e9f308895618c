import { fullAccess } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePublishedApp } from './test-app';

/**
 * A merge moves every record that points at the loser — live ones of every object, those in the
 * recycle bin, and lines of child tables — keeping a history row for each, and an undo puts each
 * back, leaving what pointed at the survivor before the merge with it.
 */
const admin = fullAccess({ userId: '00000000-0000-4000-8000-0000000000a1', departmentId: null });
const relation = (target: string) => ({ id: 'customer', type: 'relation' as const, label: { en: 'Customer' }, target });
const app: AppDocument = {
  id: 'moves',
  label: { en: 'Moves' },
  objects: [
    { id: 'customer', label: { en: 'Customer' }, displayField: 'name', fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }] },
    { id: 'contact', label: { en: 'Contact' }, displayField: 'name', fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }, relation('customer')] },
    {
      id: 'opportunity',
      label: { en: 'Opportunity' },
      displayField: 'name',
      fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }, relation('customer')],
    },
    { id: 'visit', label: { en: 'Visit' }, displayField: 'name', fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }, relation('customer')] },
    {
      id: 'order',
      label: { en: 'Order' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'order_line' },
      ],
    },
    { id: 'order_line', label: { en: 'Line' }, parent: 'order', fields: [{ id: 'item', type: 'text', label: { en: 'Item' } }, relation('customer')] },
  ],
};

const published = usePublishedApp(app);
const ids: Record<string, string> = {};
const create = async (key: string, objectId: string, values: Record<string, unknown>) => {
  ids[key] = String((await published.records.create('moves', objectId, admin, { values })).id);
};
/** Where each record or line points now, by its name. */
async function pointers(): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const table of ['contact', 'opportunity', 'visit']) {
    const { rows } = await sql<{ name: string; customer: string | null }>`select name, customer from ${sql.table(`app_moves.${table}`)}`.execute(
      published.database.db,
    );
    for (const row of rows) out[row.name] = row.customer;
  }
  const { rows } = await sql<{ item: string; customer: string | null }>`select item, customer from app_moves.order_line`.execute(published.database.db);
  for (const row of rows) out[row.item] = row.customer;
  return out;
}
const historyCount = async (objectId: string, id: string) => (await published.records.history('moves', objectId, admin, id)).length;

beforeAll(async () => {
  await create('survivor', 'customer', { name: 'Huawei' });
  await create('loser', 'customer', { name: 'Huawei (again)' });
  await create('contact', 'contact', { name: 'Zhang', customer: ids.loser });
  await create('ownContact', 'contact', { name: 'Li (already with the survivor)', customer: ids.survivor });
  await create('deal', 'opportunity', { name: 'Phones', customer: ids.loser });
  await create('visit', 'visit', { name: 'Old visit', customer: ids.loser });
  await published.records.remove('moves', 'visit', admin, ids.visit!);
  await create('order', 'order', {
    name: 'Order 1',
    lines: [
      { item: 'Line for the loser', customer: ids.loser },
      { item: 'Line for the survivor', customer: ids.survivor },
    ],
  });
});

describe('merge moves every related record', () => {
  it('re-points live records, records in the recycle bin and child-table lines, keeps their histories, and undo puts each back', async () => {
    const before = await pointers();
    expect(before).toMatchObject({ Zhang: ids.loser, Phones: ids.loser, 'Old visit': ids.loser, 'Line for the loser': ids.loser });
    const histories = { visit: await historyCount('visit', ids.visit!), order: await historyCount('order', ids.order!) };

    const merged = await published.records.merge('moves', 'customer', admin, { survivorId: ids.survivor!, loserId: ids.loser!, take: [] });
    expect(merged.repointed).toBe(4);
    expect(await pointers()).toEqual({
      Zhang: ids.survivor,
      'Li (already with the survivor)': ids.survivor,
      Phones: ids.survivor,
      'Old visit': ids.survivor,
      'Line for the loser': ids.survivor,
      'Line for the survivor': ids.survivor,
    });
    // The visit stays in the recycle bin; it and the order have one more history row each, from the merge.
    const visit = await published.records.list('moves', 'visit', admin, { deleted: true });
    expect(visit.items.map((r) => r.id)).toEqual([ids.visit]);
    expect(await historyCount('visit', ids.visit!)).toBe(histories.visit + 1);
    expect(await historyCount('order', ids.order!)).toBe(histories.order + 1);
    const orderHistory = await published.records.history('moves', 'order', admin, ids.order!);
    expect(JSON.stringify(orderHistory)).toContain(ids.survivor);

    await published.records.undoMerge('moves', 'customer', admin, merged.mergeId);
    expect(await pointers()).toEqual(before);
    expect(await historyCount('visit', ids.visit!)).toBe(histories.visit + 2);
    const order = await published.records.get('moves', 'order', admin, ids.order!);
    expect((order.lines as { item: string; customer: string }[]).map((l) => [l.item, l.customer])).toEqual([
      ['Line for the loser', ids.loser],
      ['Line for the survivor', ids.survivor],
    ]);
  });
});
