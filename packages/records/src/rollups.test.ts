import { compilePolicy, fullAccess } from '@tessera/access';
import { validateDocument } from '@tessera/meta';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import type { RecordRow } from './record-columns';
import type { RecordError } from './record-error';
import { fullAdmin as admin, usePublishedApp } from './test-app';

const app: AppDocument = {
  id: 'rollup',
  label: { en: 'Rollup' },
  objects: [
    {
      id: 'customer',
      label: { 'zh-CN': '客户', en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'visits', type: 'related_list', label: { 'zh-CN': '拜访记录', en: 'Visits' }, target: 'visit', via: 'customer' },
        { id: 'visit_count', type: 'formula', label: { en: 'Visits' }, formula: 'COUNT(visits)', resultType: 'number' },
        { id: 'visit_minutes', type: 'formula', label: { en: 'Minutes' }, formula: 'SUM([拜访记录].minutes)', resultType: 'number' },
        // An average divides in SQL (10 decimals kept): it still reads `30`, as the JS evaluator prints it.
        { id: 'visit_average', type: 'formula', label: { en: 'Average' }, formula: 'AVERAGE(visits.minutes)', resultType: 'number' },
      ],
    },
    {
      id: 'visit',
      label: { en: 'Visit' },
      fields: [
        { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' },
        { id: 'minutes', type: 'number', label: { en: 'Minutes' } },
      ],
    },
  ],
};

const REP = '00000000-0000-4000-8000-0000000000b1';
const OTHER = '00000000-0000-4000-8000-0000000000b2';
const roles: AppDocument['roles'] = [
  {
    id: 'rep',
    label: { en: 'Rep' },
    permissions: [
      { object: 'customer', actions: ['read'], rows: 'all' },
      { object: 'visit', actions: ['read', 'create'], rows: 'own' },
    ],
  },
  {
    id: 'no_minutes',
    label: { en: 'No minutes' },
    permissions: [
      { object: 'customer', actions: ['read'], rows: 'all' },
      { object: 'visit', actions: ['read'], rows: 'all', hiddenFields: ['minutes'] },
    ],
  },
  { id: 'customers_only', label: { en: 'Customers only' }, permissions: [{ object: 'customer', actions: ['read'], rows: 'all' }] },
];
const published = usePublishedApp({ ...app, roles });
const policy = (role: string, userId = REP) =>
  compilePolicy({ ...app, roles }, { userId, departmentId: null, departmentTree: [], roles: [role], isAdmin: false });

describe('rollups over related lists', () => {
  it('are computed on every read, without the recycle bin, in lists too', async () => {
    const acme = await published.records.create('rollup', 'customer', admin, { values: { name: 'Acme' } });
    expect(acme).toMatchObject({ visit_count: '0', visit_minutes: '0' });
    const visits: RecordRow[] = [];
    for (const minutes of [30, 45, 15]) visits.push(await published.records.create('rollup', 'visit', admin, { values: { customer: acme.id, minutes } }));
    expect(await published.records.get('rollup', 'customer', admin, String(acme.id))).toMatchObject({
      visit_count: '3',
      visit_minutes: '90',
      visit_average: '30',
    });
    await published.records.remove('rollup', 'visit', admin, String(visits[0]!.id));
    const listed = await published.records.list('rollup', 'customer', admin, {});
    expect(listed.items[0]).toMatchObject({ name: 'Acme', visit_count: '2', visit_minutes: '60', visit_average: '30' });
    expect(listed.items[0]).not.toHaveProperty('visits');
  });

  it('refuse filters and sorts (there is no stored column), and values sent for them', async () => {
    const filter = await published.records
      .list('rollup', 'customer', admin, { filters: [{ field: 'visit_count', op: 'gt', value: 1 }] })
      .catch((e: unknown) => e);
    expect((filter as RecordError).issues[0]?.code).toBe('query.unknown_field');
    const write = await published.records.create('rollup', 'customer', admin, { values: { name: 'x', visits: [], visit_count: 3 } }).catch((e: unknown) => e);
    expect((write as RecordError).issues.map((i) => i.code)).toEqual(['field.read_only', 'field.read_only']);
  });

  it('must point back through a relation, and stored formulas cannot build on them', () => {
    const broken: AppDocument = {
      ...app,
      objects: [
        {
          ...app.objects[0]!,
          fields: [
            ...app.objects[0]!.fields,
            { id: 'twice', type: 'formula', label: { en: 'Twice' }, formula: 'visit_count * 2', resultType: 'number' },
            { id: 'wrong', type: 'related_list', label: { en: 'Wrong' }, target: 'visit', via: 'minutes' },
          ],
        },
        app.objects[1]!,
      ],
    };
    const verdict = validateDocument(broken);
    expect(verdict.ok ? [] : verdict.issues.map((i) => `${i.pointer}:${i.code}`)).toEqual([
      '/objects/0/fields/6/via:meta.related_list_via',
      '/objects/0/fields/5/formula:meta.formula_rollup_chain',
    ]);
  });

  it('count and sum only the related records the viewer may read, and are withheld when they would read what the viewer may not', async () => {
    const acme = await published.records.create('rollup', 'customer', admin, { values: { name: 'Scoped' } });
    const visit = (owner: string, minutes: number) =>
      published.records.create('rollup', 'visit', fullAccess({ userId: owner, departmentId: null }), { values: { customer: acme.id, minutes } });
    for (const minutes of [10, 20]) await visit(REP, minutes);
    for (const minutes of [100, 200, 300]) await visit(OTHER, minutes);
    const id = String(acme.id);
    const repList = await published.records.list('rollup', 'visit', policy('rep'), { filters: [{ field: 'customer', op: 'eq', value: id }] });
    expect(repList.total).toBe(2);
    // The rep's rollup equals what the rep can list: the other rep's three visits are not counted.
    expect(await published.records.get('rollup', 'customer', policy('rep'), id)).toMatchObject({ visit_count: String(repList.total), visit_minutes: '30' });
    expect((await published.records.list('rollup', 'customer', policy('rep'), { filters: [{ field: 'id', op: 'eq', value: id }] })).items[0]).toMatchObject({
      visit_count: '2',
      visit_minutes: '30',
    });
    expect(await published.records.get('rollup', 'customer', admin, id)).toMatchObject({ visit_count: '5', visit_minutes: '630' });
    // A sum over a field the role hides is withheld like a hidden field; the count still shows.
    const blind = await published.records.get('rollup', 'customer', policy('no_minutes'), id);
    expect(blind).toMatchObject({ visit_count: '5' });
    expect(blind).not.toHaveProperty('visit_minutes');
    // Without the right to read visits at all, neither is shown.
    const outsider = await published.records.get('rollup', 'customer', policy('customers_only'), id);
    expect(outsider).toMatchObject({ name: 'Scoped' });
    expect(outsider).not.toHaveProperty('visit_count');
    expect(outsider).not.toHaveProperty('visit_minutes');
  });
});
