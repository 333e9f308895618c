import { fullAccess } from '@tessera/access';
import { StatementProbe } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLiveAppCache } from './live-app';
import { createRecordService, type RecordService } from './record-service';
import { usePublishedApp } from './test-app';

const admin = fullAccess({ userId: '00000000-0000-4000-8000-00000000000a', departmentId: null });

const app: AppDocument = {
  id: 'lines',
  label: { en: 'Lines' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'line' },
      ],
    },
    {
      id: 'line',
      label: { en: 'Line' },
      parent: 'quote',
      fields: [
        { id: 'product', type: 'text', label: { en: 'Product' }, required: true },
        { id: 'qty', type: 'number', label: { en: 'Qty' } },
        { id: 'price', type: 'currency', label: { en: 'Price' } },
        { id: 'amount', type: 'formula', label: { en: 'Amount' }, formula: 'qty * price', resultType: 'currency' },
      ],
    },
  ],
};

type Line = { id: string; product: string; qty: string | null; price: string | null; amount: string | null };

describe('child rows', () => {
  const published = usePublishedApp(app);
  // The upserts of child rows: statements starting `insert into`, ending in `on conflict`.
  const counter = new StatementProbe((text) => text.trimStart().startsWith('insert into') && text.includes('on conflict (id) do update'));
  let records: RecordService;
  beforeAll(() => {
    records = createRecordService(published.database.db.withPlugin(counter), createLiveAppCache(published.database.db));
  });
  const linesOf = async (id: string) => (await records.get('lines', 'quote', admin, id)).lines as Line[];

  it('writes a thousand lines in one statement, in order, with their amounts', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => ({ product: `P${i}`, qty: String(i + 1), price: '1.50' }));
    counter.count = 0;
    const quote = await records.create('lines', 'quote', admin, { values: { title: 'Big', lines } });
    expect(counter.count).toBe(1);
    const saved = await linesOf(String(quote.id));
    expect(saved).toHaveLength(1000);
    expect(saved.map((l) => l.product)).toEqual(lines.map((l) => l.product));
    expect(saved[999]).toMatchObject({ qty: '1000', price: '1.50', amount: '1500' });

    // Reversed and one line dropped: every kept line keeps its id, the new order is the array's.
    const kept = saved
      .slice(1)
      .reverse()
      .map((l) => ({ id: l.id, product: l.product, qty: l.qty, price: l.price }));
    counter.count = 0;
    await records.update('lines', 'quote', admin, String(quote.id), { version: 1, values: { lines: [...kept, { product: 'New', qty: '2', price: '3' }] } });
    expect(counter.count).toBe(1);
    const after = await linesOf(String(quote.id));
    expect(after).toHaveLength(1000);
    expect(after.slice(0, 999).map((l) => l.id)).toEqual(kept.map((l) => l.id));
    expect(after.map((l) => l.id)).not.toContain(saved[0]!.id);
    expect(after[999]).toMatchObject({ product: 'New', amount: '6' });
  });

  it('keeps the stored value of a field a line leaves out, and a new line starts blank', async () => {
    const quote = await records.create('lines', 'quote', admin, { values: { lines: [{ product: 'Desk', qty: '2', price: '10' }] } });
    const [desk] = await linesOf(String(quote.id));
    await records.update('lines', 'quote', admin, String(quote.id), {
      version: 1,
      values: { lines: [{ id: desk!.id, product: 'Desk', qty: '3' }, { product: 'Lamp' }] },
    });
    expect((await linesOf(String(quote.id))).map((l) => [l.id === desk!.id, l.product, l.qty, l.price])).toEqual([
      [true, 'Desk', '3', '10'],
      [false, 'Lamp', null, null],
    ]);
  });

  it("never moves or changes another record's line through a crafted id", async () => {
    const theirs = await records.create('lines', 'quote', admin, { values: { title: 'Theirs', lines: [{ product: 'Secret', qty: '1', price: '99' }] } });
    const mine = await records.create('lines', 'quote', admin, { values: { title: 'Mine', lines: [{ product: 'Mine', qty: '1', price: '1' }] } });
    const [secret] = await linesOf(String(theirs.id));
    await records.update('lines', 'quote', admin, String(mine.id), {
      version: 1,
      values: { lines: [{ id: secret!.id, product: 'Stolen', qty: '5', price: '0' }, { product: 'Mine again' }] },
    });
    expect(await linesOf(String(theirs.id))).toEqual([expect.objectContaining({ id: secret!.id, product: 'Secret', qty: '1', price: '99' })]);
    expect((await linesOf(String(mine.id))).map((l) => l.product)).toEqual(['Mine again']);
  });

  it('takes the last of two lines that name the same id, as one row', async () => {
    const quote = await records.create('lines', 'quote', admin, { values: { lines: [{ product: 'A' }] } });
    const [line] = await linesOf(String(quote.id));
    await records.update('lines', 'quote', admin, String(quote.id), {
      version: 1,
      values: { lines: [{ id: line!.id, product: 'First' }, { product: 'B' }, { id: line!.id, product: 'Last' }] },
    });
    expect((await linesOf(String(quote.id))).map((l) => [l.id === line!.id, l.product])).toEqual([
      [false, 'B'],
      [true, 'Last'],
    ]);
  });
});
