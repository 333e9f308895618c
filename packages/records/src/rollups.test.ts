import { describe, expect, it } from 'vitest';
import { validateDocument } from '@tessera/meta';
import type { AppDocument } from '@tessera/schemas';
import { fullAdmin as admin, usePublishedApp } from './test-app';
import { RecordError } from './record-error';

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

const published = usePublishedApp(app);

describe('rollups over related lists', () => {
  it('are computed on every read, without the recycle bin, in lists too', async () => {
    const acme = await published.records.create('rollup', 'customer', admin, { values: { name: 'Acme' } });
    expect(acme).toMatchObject({ visit_count: '0', visit_minutes: '0' });
    const visits = [];
    for (const minutes of [30, 45, 15]) visits.push(await published.records.create('rollup', 'visit', admin, { values: { customer: acme.id, minutes } }));
    expect(await published.records.get('rollup', 'customer', admin, String(acme.id))).toMatchObject({ visit_count: '3', visit_minutes: '90' });
    await published.records.remove('rollup', 'visit', admin, String(visits[0]!.id));
    const listed = await published.records.list('rollup', 'customer', admin, {});
    expect(listed.items[0]).toMatchObject({ name: 'Acme', visit_count: '2', visit_minutes: '60' });
    expect(listed.items[0]).not.toHaveProperty('visits');
  });

  it('refuse filters and sorts (there is no stored column), and values sent for them', async () => {
    const filter = await published.records.list('rollup', 'customer', admin, { filters: [{ field: 'visit_count', op: 'gt', value: 1 }] }).catch((e: unknown) => e);
    expect((filter as RecordError).issues[0]?.code).toBe('query.unknown_field');
    const write = await published.records.create('rollup', 'customer', admin, { values: { name: 'x', visits: [], visit_count: 3 } }).catch((e: unknown) => e);
    expect((write as RecordError).issues.map((i) => i.code)).toEqual(['field.read_only', 'field.read_only']);
  });

  it('must point back through a relation, and stored formulas cannot build on them', () => {
    const broken: AppDocument = { ...app, objects: [{ ...app.objects[0]!, fields: [...app.objects[0]!.fields, { id: 'twice', type: 'formula', label: { en: 'Twice' }, formula: 'visit_count * 2', resultType: 'number' }, { id: 'wrong', type: 'related_list', label: { en: 'Wrong' }, target: 'visit', via: 'minutes' }] }, app.objects[1]!] };
    const verdict = validateDocument(broken);
    expect(verdict.ok ? [] : verdict.issues.map((i) => `${i.pointer}:${i.code}`)).toEqual(['/objects/0/fields/5/via:meta.related_list_via', '/objects/0/fields/4/formula:meta.formula_rollup_chain']);
  });
});
