import { compilePolicy, fullAccess, type Principal } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecordError } from './record-error';
import { usePublishedApp } from './test-app';

const ALICE: Principal = { userId: '00000000-0000-4000-8000-00000000000a', departmentId: null, departmentTree: [], roles: ['rep'], isAdmin: false };
const BOB: Principal = { ...ALICE, userId: '00000000-0000-4000-8000-00000000000b' };
const admin = fullAccess({ userId: null, departmentId: null });

/** Deals with an amount: a rep reads only their own deals, an assistant every deal but not its amount. */
const app: AppDocument = {
  id: 'sums',
  label: { en: 'Sums' },
  objects: [
    {
      id: 'deal',
      label: { en: 'Deal' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        {
          id: 'stage',
          type: 'select',
          label: { en: 'Stage' },
          options: [
            { value: 'lead', label: { en: 'Lead' } },
            { value: 'won', label: { en: 'Won' } },
          ],
        },
        { id: 'amount', type: 'currency', label: { en: 'Amount' }, scale: 2 },
      ],
    },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'deal', actions: ['create', 'read'], rows: 'own' }] },
    { id: 'assistant', label: { en: 'Assistant' }, permissions: [{ object: 'deal', actions: ['read'], rows: 'all', hiddenFields: ['amount'] }] },
  ],
};

const lead = [{ field: 'stage', op: 'eq' as const, value: 'lead' }];

describe('sums over a record list', () => {
  const published = usePublishedApp(app);

  beforeAll(async () => {
    const { records } = published;
    const deals: [Principal, string, string, string][] = [
      [ALICE, 'A1', 'lead', '0.10'],
      [ALICE, 'A2', 'lead', '0.20'],
      [ALICE, 'A3', 'won', '1000.00'],
      [BOB, 'B1', 'lead', '5000.00'],
    ];
    for (const [who, name, stage, amount] of deals) await records.create('sums', 'deal', fullAccess(who), { values: { name, stage, amount } });
  });

  it('adds up every matching row, not only the page, in exact decimals', async () => {
    const page = await published.records.list('sums', 'deal', admin, { filters: lead, limit: 1, sums: ['amount'] });
    expect(page.items).toHaveLength(1);
    expect(page.sums).toEqual({ amount: '5000.30' });
    const none = await published.records.list('sums', 'deal', admin, { filters: [{ field: 'name', op: 'eq', value: 'nobody' }], sums: ['amount'] });
    expect(none.sums).toEqual({ amount: '0' });
    expect((await published.records.list('sums', 'deal', admin, {})).sums).toBeUndefined();
  });

  it('counts only the rows the reader may read', async () => {
    const alice = compilePolicy(app, ALICE);
    expect((await published.records.list('sums', 'deal', alice, { filters: lead, sums: ['amount'] })).sums).toEqual({ amount: '0.30' });
  });

  it('refuses a hidden or non-numeric field, naming it', async () => {
    const assistant = compilePolicy(app, { ...ALICE, roles: ['assistant'] });
    for (const [access, field] of [
      [assistant, 'amount'],
      [admin, 'name'],
      [admin, 'nope'],
    ] as const) {
      const refused = await published.records.list('sums', 'deal', access, { sums: [field] }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RecordError);
      expect((refused as RecordError).issues).toEqual([expect.objectContaining({ field, code: 'query.sum_field', pointer: '/sums/0' })]);
    }
  });
});
