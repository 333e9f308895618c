import { compilePolicy, fullAccess, type Principal } from '@tessera/access';
import type { AppDocument, FilterCondition } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { localizeFieldIssues, RecordError } from './record-error';
import { usePublishedApp } from './test-app';

const ALICE: Principal = { userId: '00000000-0000-4000-8000-00000000000a', departmentId: null, departmentTree: [], roles: ['rep'], isAdmin: false };
const admin = fullAccess({ userId: null, departmentId: null });

const app: AppDocument = {
  id: 'areas',
  label: { en: 'Areas' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'area', type: 'region', label: { en: 'Area', 'zh-CN': '地区' } },
        { id: 'city', type: 'text', label: { en: 'City' } },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['create', 'read'], rows: 'own' }] }],
};

/** Customers across provinces, cities and districts, with the table's odd cases. */
const CUSTOMERS: [name: string, area: string | null][] = [
  ['Shenzhen Nanshan', '440305'],
  ['Shenzhen Futian', '440304'],
  ['Shenzhen city', '440300'],
  ['Guangzhou Tianhe', '440106'],
  ['Dongguan', '441900'], // a city without districts
  ['Guangdong', '440000'],
  ['Hangzhou Xihu', '330106'],
  ['Jiyuan', '419001'], // a county-level city directly under 河南省
  ['Taichung Beitun', '710306'], // numbered 7103xx but under 台中市 710400, not 基隆市 710300
  ['Nowhere', null],
];

describe('the region filter "within"', () => {
  const published = usePublishedApp(app);
  beforeAll(async () => {
    for (const [name, area] of CUSTOMERS) await published.records.create('areas', 'customer', admin, { values: { name, area } });
    await published.records.create('areas', 'customer', fullAccess(ALICE), { values: { name: 'Alice Shenzhen', area: '440305' } });
  });
  // Sorted here, not by the database, whose collation may differ from one machine to the next.
  const names = async (filters: FilterCondition[], access = admin) =>
    (await published.records.list('areas', 'customer', access, { filters, limit: 500 })).items.map((r) => String(r.name)).sort();
  const within = (value: unknown): FilterCondition => ({ field: 'area', op: 'within', value });
  const refusal = async (filters: FilterCondition[]) => {
    const error = await published.records.list('areas', 'customer', admin, { filters }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RecordError);
    return error as RecordError;
  };

  it('matches a province with all its cities and districts', async () => {
    expect(await names([within('440000')])).toEqual([
      'Alice Shenzhen',
      'Dongguan',
      'Guangdong',
      'Guangzhou Tianhe',
      'Shenzhen Futian',
      'Shenzhen Nanshan',
      'Shenzhen city',
    ]);
    expect(await names([within('410000')])).toEqual(['Jiyuan']);
  });

  it('matches a city with its districts, and a district alone', async () => {
    expect(await names([within('440300')])).toEqual(['Alice Shenzhen', 'Shenzhen Futian', 'Shenzhen Nanshan', 'Shenzhen city']);
    expect(await names([within('440305')])).toEqual(['Alice Shenzhen', 'Shenzhen Nanshan']);
    expect(await names([within('441900')])).toEqual(['Dongguan']);
    expect(await names([within('710400')])).toEqual(['Taichung Beitun']);
    expect(await names([within('710300')])).toEqual([]);
  });

  it('combines with other filters and stays within the rows the actor may read', async () => {
    expect(await names([within('440300'), { field: 'name', op: 'contains', value: 'Nanshan' }])).toEqual(['Shenzhen Nanshan']);
    expect(await names([within('440000')], compilePolicy(app, ALICE))).toEqual(['Alice Shenzhen']);
  });

  it('refuses a code that is no region, naming the field and the rule, in both languages', async () => {
    for (const value of ['999999', '44', '4403%', "44' or '1'='1", 440300, null, ['440000']]) {
      const error = await refusal([within(value)]);
      expect(error.code, String(value)).toBe('query.invalid');
      expect(error.issues.map((i) => `${i.pointer}:${i.field}:${i.code}`)).toEqual(['/filters/0/value:area:query.region']);
    }
    const [en] = localizeFieldIssues((await refusal([within('999999')])).issues, 'en');
    expect(en?.message).toBe('The value for "area" within must be the 6-digit code of a province, city or district (GB/T 2260); "999999" is not one');
    const [zh] = localizeFieldIssues((await refusal([within('999999')])).issues, 'zh-CN');
    expect(zh?.message).toBe('“area”的“位于”条件需要省、市或区县的 6 位行政区划代码（GB/T 2260），"999999" 不是');
  });

  it('is offered on region fields only', async () => {
    const error = await refusal([
      { field: 'city', op: 'within', value: '440000' },
      { field: 'created_at', op: 'within', value: '440000' },
    ]);
    expect(error.issues.map((i) => `${i.pointer}:${i.code}`)).toEqual(['/filters/0/op:query.operator', '/filters/1/op:query.operator']);
    // The text operators a region had keep working.
    expect(await names([{ field: 'area', op: 'eq', value: '330106' }])).toEqual(['Hangzhou Xihu']);
    expect(await names([{ field: 'area', op: 'is_empty' }])).toEqual(['Nowhere']);
  });
});
