import { type AccessPolicy, fullAccess } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { localizeFieldIssues, RecordError } from './record-error';
import { usePublishedApp } from './test-app';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';
const admin = fullAccess({ userId: ALICE, departmentId: null });

const app: AppDocument = {
  id: 'rec',
  label: { en: 'Records' },
  objects: [
    {
      id: 'customer',
      label: { 'zh-CN': '客户', en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true, maxLength: 50 },
        { id: 'code', type: 'auto_number', label: { en: 'Code' }, numberFormat: 'C-{0000}' },
        { id: 'tax_id', type: 'text', label: { en: 'Tax id' }, unique: true },
        {
          id: 'tier',
          type: 'select',
          label: { 'zh-CN': '等级', en: 'Tier' },
          options: [
            { value: 'a', label: { en: 'A' } },
            { value: 'b', label: { en: 'B' } },
          ],
        },
        {
          id: 'tags',
          type: 'multi_select',
          label: { en: 'Tags' },
          options: [
            { value: 'vip', label: { en: 'VIP' } },
            { value: 'new', label: { en: 'New' } },
          ],
        },
        { id: 'revenue', type: 'currency', label: { en: 'Revenue' }, minimum: 0 },
        { id: 'phone', type: 'phone', label: { 'zh-CN': '电话', en: 'Phone' }, phoneKind: 'mobile' },
        { id: 'signed_on', type: 'date', label: { en: 'Signed on' } },
        { id: 'last_contact', type: 'datetime', label: { en: 'Last contact' } },
        { id: 'active', type: 'checkbox', label: { en: 'Active' } },
        { id: 'bio', type: 'rich_text', label: { en: 'Bio' } },
        { id: 'region', type: 'region', label: { 'zh-CN': '地区', en: 'Region' } },
      ],
    },
    {
      id: 'quote',
      label: { en: 'Quote' },
      fields: [
        { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' },
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
      ],
    },
  ],
};

const published = usePublishedApp(app);

async function rejection(promise: Promise<unknown>): Promise<RecordError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordError);
  return error as RecordError;
}

const create = (values: Record<string, unknown>, access: AccessPolicy = admin) => published.records.create('rec', 'customer', access, { values });

describe('records', () => {
  it('creates a record with exact decimals, normalized phone, sanitized rich text, an auto-number and a history row', async () => {
    const record = await create({
      name: 'Acme',
      revenue: 1234.5,
      phone: '+86 138 0013 8000',
      tier: 'a',
      tags: ['vip'],
      signed_on: '2024-02-29',
      last_contact: '2024-03-01T08:00:00+08:00',
      active: true,
      bio: '<p onclick="x()">Hi<script>alert(1)</script></p>',
    });
    expect(record).toMatchObject({
      name: 'Acme',
      revenue: '1234.5',
      phone: '13800138000',
      code: 'C-0001',
      tags: ['vip'],
      signed_on: '2024-02-29',
      last_contact: '2024-03-01T00:00:00.000Z',
      active: true,
      bio: '<p>Hi</p>',
      version: 1,
      owner_id: ALICE,
      created_by: ALICE,
    });
    const history = await published.records.history('rec', 'customer', admin, String(record.id));
    expect(history).toEqual([
      expect.objectContaining({
        operation: 'create',
        version: 1,
        actorId: ALICE,
        changes: expect.arrayContaining([
          { field: 'name', old: null, new: 'Acme' },
          { field: 'code', old: null, new: 'C-0001' },
        ]),
      }),
    ]);
  });

  it('rejects bad values with one issue per field, in both languages, and saves nothing', async () => {
    const before = await published.records.list('rec', 'customer', admin, {});
    const error = await rejection(create({ tier: 'z', revenue: '-1', phone: '12345', signed_on: '2024-13-01', code: 'C-9', ghost: 1, name: 'x'.repeat(51) }));
    expect(error.code).toBe('record.invalid');
    const fields = error.issues.map((i) => `${i.field}:${i.code}`).sort();
    expect(fields).toEqual(['ghost:field.unknown', 'name:field.max_length', 'phone:field.format', 'signed_on:field.format', 'tier:field.option'].sort());
    const zh = localizeFieldIssues(error.issues, 'zh-CN').find((i) => i.field === 'phone');
    const en = localizeFieldIssues(error.issues, 'en').find((i) => i.field === 'phone');
    expect(zh?.message).toBe('“电话”格式不正确（应为手机号码）');
    expect(en?.message).toBe('"Phone" is not a valid mobile number');
    expect(localizeFieldIssues(error.issues, 'en').find((i) => i.field === 'tier')?.message).toMatch(/^"z" is not an option of /);
    const second = await rejection(create({ name: 'ok', revenue: '-1', code: 'C-9' }));
    expect(second.issues.map((i) => `${i.field}:${i.code}`)).toEqual(['revenue:field.minimum', 'code:field.read_only']);
    const unstorable = await rejection(create({ name: 'Nul\u0000Corp', bio: 'half \ud800 a pair' }));
    expect(unstorable.issues.map((i) => `${i.field}:${i.code}`)).toEqual(['name:field.characters', 'bio:field.characters']);
    expect(localizeFieldIssues(unstorable.issues, 'zh-CN')[0]?.message).toBe('“名称”含有无法保存的字符（空字符或不完整的 Unicode 字符）');
    const missing = await rejection(create({ name: null }));
    expect(missing.issues.map((i) => i.code)).toEqual(['field.required']);
    expect((await published.records.list('rec', 'customer', admin, {})).total).toBe(before.total);
  });

  it('accepts only real GB/T 2260 region codes and names them in _display', async () => {
    const record = await create({ name: 'Westlake', region: '330106' });
    expect(record).toMatchObject({ region: '330106', _display: { region: '浙江省 杭州市 西湖区' } });
    const error = await rejection(create({ name: 'Nowhere', region: '999999' }));
    expect(error.issues).toEqual([expect.objectContaining({ field: 'region', code: 'field.format' })]);
  });

  it('takes a city without districts as the region, but none of the towns the table lists under it', async () => {
    const record = await create({ name: 'Dongguan', region: '441900' });
    expect(record).toMatchObject({ region: '441900', _display: { region: '广东省 东莞市' } });
    const town = await rejection(create({ name: 'Dongcheng', region: '441900003' }));
    expect(town.issues).toEqual([expect.objectContaining({ field: 'region', code: 'field.max_length' })]);
  });

  it('reports a duplicate unique value and a dangling relation as field errors', async () => {
    await create({ name: 'One', tax_id: 'T-1' });
    const duplicate = await rejection(create({ name: 'Two', tax_id: 'T-1' }));
    expect(duplicate.issues).toEqual([expect.objectContaining({ field: 'tax_id', code: 'field.unique' })]);
    const dangling = await rejection(published.records.create('rec', 'quote', admin, { values: { customer: BOB } }));
    expect(dangling.issues).toEqual([expect.objectContaining({ field: 'customer', code: 'field.relation_missing' })]);
  });

  it('updates with optimistic concurrency and records what changed', async () => {
    const record = await create({ name: 'Beta', revenue: '10.50' });
    const id = String(record.id);
    const updated = await published.records.update('rec', 'customer', admin, id, { version: 1, values: { revenue: '10.5', name: 'Beta Ltd' } });
    expect(updated).toMatchObject({ version: 2, name: 'Beta Ltd' });
    const stale = await rejection(published.records.update('rec', 'customer', admin, id, { version: 1, values: { name: 'Lost' } }));
    expect(stale).toMatchObject({ code: 'record.version_conflict', status: 409, params: { current: 2, yours: 1 } });
    const [latest] = await published.records.history('rec', 'customer', admin, id);
    expect(latest).toMatchObject({ operation: 'update', version: 2, changes: [{ field: 'name', old: 'Beta', new: 'Beta Ltd' }] });
    expect((await published.records.get('rec', 'customer', admin, id)).name).toBe('Beta Ltd');
  });

  it('soft-deletes into the recycle bin and restores', async () => {
    const { id } = await create({ name: 'Gamma' });
    await published.records.remove('rec', 'customer', admin, String(id));
    expect((await rejection(published.records.get('rec', 'customer', admin, String(id)))).code).toBe('record.not_found');
    const bin = await published.records.list('rec', 'customer', admin, { deleted: true });
    expect(bin.items.map((r) => r.id)).toContain(id);
    expect((await published.records.restore('rec', 'customer', admin, String(id))).deleted_at).toBeNull();
    expect((await published.records.history('rec', 'customer', admin, String(id))).map((h) => h.operation)).toEqual(['restore', 'delete', 'create']);
  });

  it('writes child rows with the parent and expands related display values', async () => {
    const customer = await create({ name: 'Delta' });
    const quote = await published.records.create('rec', 'quote', admin, {
      values: {
        customer: customer.id,
        lines: [
          { product: 'Desk', qty: 2 },
          { product: 'Chair', qty: '4' },
        ],
      },
    });
    expect(quote._display).toEqual({ customer: 'Delta' });
    const lines = quote.lines as { id: string; product: string }[];
    expect(lines.map((l) => l.product)).toEqual(['Desk', 'Chair']);
    const bad = await rejection(published.records.create('rec', 'quote', admin, { values: { lines: [{ qty: 1 }] } }));
    expect(bad.issues).toEqual([expect.objectContaining({ pointer: '/values/lines/0/product', code: 'field.required' })]);
    const updated = await published.records.update('rec', 'quote', admin, String(quote.id), {
      version: 1,
      values: { lines: [{ id: lines[1]!.id, product: 'Chair', qty: 5 }, { product: 'Lamp' }] },
    });
    expect((updated.lines as { id: string; product: string; qty: string }[]).map((l) => [l.product, l.qty])).toEqual([
      ['Chair', '5'],
      ['Lamp', null],
    ]);
    expect((updated.lines as { id: string }[])[0]!.id).toBe(lines[1]!.id);
    expect((await rejection(published.records.get('rec', 'line', admin, lines[0]!.id))).code).toBe('record.child_object');
  });
});

describe('record lists', () => {
  beforeAll(async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      name: `List ${String(i).padStart(2, '0')}`,
      tier: i % 3 === 0 ? 'a' : 'b',
      revenue: String(i * 100),
      tags: i % 5 === 0 ? ['new'] : [],
    }));
    for (const values of rows) await create(values);
  });

  it('filters with every operator and sorts on several keys', async () => {
    const q = (filters: { field: string; op: string; value?: unknown }[]) =>
      published.records.list('rec', 'customer', admin, { filters: filters as never, sort: [{ field: 'name' }], limit: 500 });
    expect((await q([{ field: 'name', op: 'starts_with', value: 'List 0' }])).items).toHaveLength(10);
    expect((await q([{ field: 'name', op: 'contains', value: 'ist 2' }])).items).toHaveLength(10);
    expect((await q([{ field: 'revenue', op: 'between', value: [500, '900'] }])).items.map((r) => r.revenue)).toEqual(['500', '600', '700', '800', '900']);
    expect(
      (
        await q([
          { field: 'revenue', op: 'gte', value: 2800 },
          { field: 'tier', op: 'eq', value: 'b' },
        ])
      ).items.map((r) => r.name),
    ).toEqual(['List 28', 'List 29']);
    expect((await q([{ field: 'name', op: 'in', value: ['List 01', 'List 02'] }])).items).toHaveLength(2);
    expect(
      (
        await q([
          { field: 'tags', op: 'contains', value: 'new' },
          { field: 'name', op: 'starts_with', value: 'List' },
        ])
      ).items,
    ).toHaveLength(6);
    expect(
      (
        await q([
          { field: 'tax_id', op: 'is_empty' },
          { field: 'name', op: 'starts_with', value: 'List' },
        ])
      ).total,
    ).toBe(30);
    expect(
      (
        await q([
          { field: 'name', op: 'ne', value: 'List 00' },
          { field: 'name', op: 'starts_with', value: 'List' },
        ])
      ).total,
    ).toBe(29);
    const sorted = await published.records.list('rec', 'customer', admin, {
      filters: [{ field: 'name', op: 'starts_with', value: 'List' }],
      sort: [
        { field: 'tier', direction: 'asc' },
        { field: 'revenue', direction: 'desc' },
      ],
      limit: 3,
    });
    expect(sorted.items.map((r) => r.name)).toEqual(['List 27', 'List 24', 'List 21']);
  });

  it('pages with a keyset cursor through every row exactly once, with nulls and ties', async () => {
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await published.records.list('rec', 'customer', admin, {
        sort: [
          { field: 'tier', direction: 'desc' },
          { field: 'signed_on', direction: 'asc' },
        ],
        limit: 7,
        cursor,
      });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = await published.records.list('rec', 'customer', admin, { limit: 500 });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(all.total);
  });

  it('pages past rows written in one statement, which share a created_at to the microsecond (an import)', async () => {
    const made = await published.records.createMany(
      'rec',
      'customer',
      admin,
      Array.from({ length: 5 }, (_, i) => ({ values: { name: `Same instant ${i}` } })),
      { atomicity: 'all', source: 'import' },
    );
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      const page = await published.records.list('rec', 'customer', admin, {
        filters: [{ field: 'name', op: 'starts_with', value: 'Same instant' }],
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen)).toEqual(new Set(made.created.map((c) => c.id)));
  });

  it('treats SQL-looking input as data and names the field and rule of a bad query', async () => {
    const inert = await published.records.list('rec', 'customer', admin, { filters: [{ field: 'name', op: 'eq', value: "x' or '1'='1" }] });
    expect(inert.items).toEqual([]);
    const bad = await rejection(
      published.records.list('rec', 'customer', admin, {
        filters: [
          { field: 'name; drop table x', op: 'eq', value: 1 },
          { field: 'active', op: 'contains', value: 'x' },
          { field: 'revenue', op: 'gt', value: 'lots' },
        ],
      }),
    );
    expect(bad.issues.map((i) => `${i.pointer}:${i.code}`)).toEqual([
      '/filters/0/field:query.unknown_field',
      '/filters/1/op:query.operator',
      '/filters/2/value:query.value',
    ]);
    expect((await rejection(published.records.list('rec', 'customer', admin, { cursor: 'garbage' }))).code).toBe('query.cursor');
  });

  it('switches to a labelled planner estimate past the exact-count limit', async () => {
    await sql`insert into app_rec.customer (name) select 'bulk ' || g from generate_series(1, 120000) g`.execute(published.database.db);
    await sql`analyze app_rec.customer`.execute(published.database.db);
    const big = await published.records.list('rec', 'customer', admin, { limit: 5 });
    expect(big.totalIsEstimate).toBe(true);
    expect(big.total).toBeGreaterThan(100_000);
    const small = await published.records.list('rec', 'customer', admin, { filters: [{ field: 'name', op: 'eq', value: 'Acme' }], limit: 5 });
    expect(small).toMatchObject({ total: 1, totalIsEstimate: false });
  });
});

describe('access seam', () => {
  /** A policy like a sales rep's: own rows only, revenue hidden. */
  const rep: AccessPolicy = {
    actor: { userId: BOB, departmentId: null },
    can: (action) => action !== 'delete',
    rowScope: (_object, table, eb) => eb(eb.ref(`${table}.owner_id`), '=', BOB),
    hiddenFields: () => new Set(['revenue']),
    readOnlyFields: () => new Set(['tier']),
  };

  it('keeps a rep to their own rows, hides hidden fields everywhere, and refuses forbidden actions', async () => {
    const mine = await create({ name: 'Bob Co', revenue: '5' }, rep).catch((e: unknown) => e);
    expect(mine).toBeInstanceOf(RecordError);
    expect((mine as RecordError).issues.map((i) => i.code)).toEqual(['field.role_locked']);
    const own = await create({ name: 'Bob Co' }, rep);
    expect(own).not.toHaveProperty('revenue');
    const others = await published.records.list('rec', 'customer', admin, { filters: [{ field: 'name', op: 'eq', value: 'Acme' }] });
    const foreignId = String(others.items[0]!.id);
    expect((await rejection(published.records.get('rec', 'customer', rep, foreignId))).code).toBe('record.not_found');
    expect((await rejection(published.records.update('rec', 'customer', rep, foreignId, { version: 1, values: { name: 'Hijack' } }))).code).toBe(
      'record.not_found',
    );
    const list = await published.records.list('rec', 'customer', rep, { limit: 500 });
    expect(list.items.map((r) => r.name)).toEqual(['Bob Co']);
    expect((await rejection(published.records.list('rec', 'customer', rep, { filters: [{ field: 'revenue', op: 'gt', value: 0 }] }))).issues[0]?.code).toBe(
      'query.unknown_field',
    );
    expect((await rejection(published.records.list('rec', 'customer', rep, { sort: [{ field: 'revenue' }] }))).issues[0]?.code).toBe('query.unknown_field');
    expect((await rejection(published.records.remove('rec', 'customer', rep, String(own.id)))).code).toBe('record.forbidden');
  });
});
