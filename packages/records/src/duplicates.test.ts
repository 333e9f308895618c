import { compilePolicy, fullAccess } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecordError } from './record-error';
import { usePublishedApp } from './test-app';

const REP = '00000000-0000-4000-8000-0000000000b1';
const OTHER_REP = '00000000-0000-4000-8000-0000000000b2';
const EAST = '00000000-0000-4000-8000-0000000000e1';
const admin = fullAccess({ userId: REP, departmentId: EAST });

const app: AppDocument = {
  id: 'dedup',
  label: { en: 'Dedup' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' }, required: true },
        { id: 'phone', type: 'phone', label: { en: 'Phone' }, phoneKind: 'any' },
        { id: 'email', type: 'email', label: { en: 'E-mail' } },
        { id: 'credit_code', type: 'text', label: { en: 'Credit code' } },
        { id: 'note', type: 'text', label: { en: 'Note' } },
        { id: 'contacts', type: 'child_table', label: { en: 'Contacts' }, target: 'contact_line' },
      ],
      matchRules: [
        { id: 'credit_code', kind: 'exact', fields: ['credit_code'] },
        { id: 'company', kind: 'company_name', nameField: 'name', contactFields: ['phone', 'email'] },
      ],
    },
    { id: 'contact_line', label: { en: 'Contact' }, parent: 'customer', fields: [{ id: 'person', type: 'text', label: { en: 'Person' } }] },
    {
      id: 'opportunity',
      label: { en: 'Opportunity' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' },
      ],
    },
  ],
  roles: [
    {
      id: 'rep',
      label: { en: 'Rep' },
      permissions: [
        { object: 'customer', actions: ['create', 'read', 'update'], rows: 'own' },
        { object: 'opportunity', actions: ['create', 'read', 'update'], rows: 'own' },
      ],
    },
  ],
};

const published = usePublishedApp(app);
const rep = compilePolicy(app, { userId: OTHER_REP, departmentId: EAST, departmentTree: [EAST], roles: ['rep'], isAdmin: false });
const ids: Record<string, string> = {};

beforeAll(async () => {
  const create = async (key: string, values: Record<string, unknown>) => {
    ids[key] = String((await published.records.create('dedup', 'customer', admin, { values })).id);
  };
  await create('huawei', { name: '华为技术有限公司', phone: '13800138000', email: 'info@huawei.example.cn', note: 'HQ', contacts: [{ person: '张三' }] });
  await create('huaweiAgain', { name: '广东省深圳市华为技术股份有限公司', phone: '13800138000', note: 'from the fair', contacts: [{ person: '李四' }] });
  await create('terminal', { name: '华为终端有限公司', phone: '13800138000' });
  await create('coded', { name: '星辰科技有限公司', credit_code: '91350100M000100Y43' });
  await create('codedAgain', { name: '星辰电子(北京)有限公司', credit_code: '91350100m000100y43' });
  ids.deal = String((await published.records.create('dedup', 'opportunity', admin, { values: { title: 'Phones', customer: ids.huaweiAgain } })).id);
  ids.repDeal = String((await published.records.create('dedup', 'opportunity', rep, { values: { title: 'Rep deal', customer: ids.huaweiAgain } })).id);
});

describe('duplicate check before saving', () => {
  it('finds a company entered another way with the same phone, not a sister company on the same switchboard', async () => {
    const found = await published.records.duplicates.check('dedup', 'customer', admin, {
      values: { name: '华为技术（深圳）有限责任公司', phone: '+86 138 0013 8000' },
    });
    expect(found.map((c) => (c.visible ? c.display : null))).toEqual(['华为技术有限公司', '广东省深圳市华为技术股份有限公司']);
    expect(found[0]).toMatchObject({ visible: true, id: ids.huawei, rule: 'company', score: 1 });
  });

  it('tells a rep about a duplicate they may not see without its id or values', async () => {
    const found = await published.records.duplicates.check('dedup', 'customer', rep, { values: { name: '华为技术有限公司', phone: '13800138000' } });
    expect(found).toEqual([
      { visible: false, rule: 'company', score: 1 },
      { visible: false, rule: 'company', score: 1 },
    ]);
  });

  it('leaves the record being edited out, and finds nothing without a key', async () => {
    const found = await published.records.duplicates.check('dedup', 'customer', admin, {
      values: { name: '星辰科技', credit_code: '91350100M000100Y43' },
      excludeId: ids.coded,
    });
    expect(found).toEqual([{ visible: true, id: ids.codedAgain, display: '星辰电子(北京)有限公司', rule: 'credit_code', score: 1 }]);
    expect(await published.records.duplicates.check('dedup', 'customer', admin, { values: { name: '华为技术有限公司' } })).toEqual([]);
  });
});

describe('batch scan', () => {
  it('lists the duplicate groups with their score and rule, and nothing for a rep who sees none', async () => {
    const scan = await published.records.duplicates.scan('dedup', 'customer', admin, { limit: 50 });
    const groups = scan.groups.map((g) => ({ names: g.records.map((r) => r.display).sort(), score: g.score, rules: g.rules }));
    expect(groups).toEqual(
      expect.arrayContaining([
        { names: ['华为技术有限公司', '广东省深圳市华为技术股份有限公司'], score: 1, rules: ['company'] },
        { names: ['星辰电子(北京)有限公司', '星辰科技有限公司'], score: 1, rules: ['credit_code'] },
      ]),
    );
    expect(scan.total).toBe(2);
    expect((await published.records.duplicates.scan('dedup', 'customer', rep, { limit: 50 })).total).toBe(0);
  });
});

describe('merge and undo', () => {
  it('merges through the write path, re-points every reference, keeps both histories, and undoes exactly', async () => {
    const { records } = published;
    const before = {
      survivor: await records.get('dedup', 'customer', admin, ids.huawei!),
      loser: await records.get('dedup', 'customer', admin, ids.huaweiAgain!),
    };
    const merged = await records.merge('dedup', 'customer', admin, { survivorId: ids.huawei!, loserId: ids.huaweiAgain!, take: ['note', 'contacts'] });
    expect(merged.repointed).toBe(2);

    const survivor = await records.get('dedup', 'customer', admin, ids.huawei!);
    expect(survivor.note).toBe('from the fair');
    expect((survivor.contacts as { person: string }[]).map((c) => c.person)).toEqual(['张三', '李四']);
    await expect(records.get('dedup', 'customer', admin, ids.huaweiAgain!)).rejects.toMatchObject({ code: 'record.not_found' });
    for (const deal of [ids.deal!, ids.repDeal!]) expect((await records.get('dedup', 'opportunity', admin, deal)).customer).toBe(ids.huawei);

    const [latest] = await records.history('dedup', 'customer', admin, ids.huawei!);
    expect(latest).toMatchObject({ operation: 'update', source: 'merge' });
    const loserHistory = await records.history('dedup', 'customer', admin, ids.huaweiAgain!);
    expect(loserHistory.map((h) => h.operation)).toEqual(['delete', 'create']);
    expect(await records.merges('dedup', 'customer', admin, ids.huawei!)).toEqual([
      expect.objectContaining({ id: merged.mergeId, survivorId: ids.huawei, loserId: ids.huaweiAgain, undone: false }),
    ]);

    await records.undoMerge('dedup', 'customer', admin, merged.mergeId);
    const strip = (row: Record<string, unknown>) => {
      const { version: _v, updated_at: _u, contacts, ...rest } = row;
      return { ...rest, contacts: (contacts as Record<string, unknown>[]).map((c) => ({ id: c.id, person: c.person })) };
    };
    expect(strip(await records.get('dedup', 'customer', admin, ids.huawei!))).toEqual(strip(before.survivor));
    expect(strip(await records.get('dedup', 'customer', admin, ids.huaweiAgain!))).toEqual(strip(before.loser));
    for (const deal of [ids.deal!, ids.repDeal!]) expect((await records.get('dedup', 'opportunity', admin, deal)).customer).toBe(ids.huaweiAgain);
    await expect(records.undoMerge('dedup', 'customer', admin, merged.mergeId)).rejects.toMatchObject({ code: 'record.not_found' });
  });

  it('refuses to undo once the survivor changed, and to merge a record with itself or take a computed field', async () => {
    const { records } = published;
    const merged = await records.merge('dedup', 'customer', admin, { survivorId: ids.coded!, loserId: ids.codedAgain!, take: [] });
    const survivor = await records.get('dedup', 'customer', admin, ids.coded!);
    await records.update('dedup', 'customer', admin, ids.coded!, { version: Number(survivor.version), values: { note: 'changed' } });
    await expect(records.undoMerge('dedup', 'customer', admin, merged.mergeId)).rejects.toMatchObject({ code: 'merge.changed_since', status: 409 });
    await expect(records.merge('dedup', 'customer', admin, { survivorId: ids.coded!, loserId: ids.coded!, take: [] })).rejects.toBeInstanceOf(RecordError);
    await expect(records.merge('dedup', 'customer', admin, { survivorId: ids.huawei!, loserId: ids.terminal!, take: ['nope'] })).rejects.toMatchObject({
      code: 'record.invalid',
      issues: [expect.objectContaining({ pointer: '/take/0', code: 'merge.field_not_mergeable' })],
    });
  });

  it('refuses a rep without delete permission', async () => {
    await expect(published.records.merge('dedup', 'customer', rep, { survivorId: ids.huawei!, loserId: ids.terminal!, take: [] })).rejects.toMatchObject({
      code: 'record.forbidden',
    });
  });
});
