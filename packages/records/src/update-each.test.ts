import { fullAccess } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { usePublishedApp } from './test-app';

const admin = fullAccess({ userId: '00000000-0000-4000-8000-00000000000a', departmentId: null });

const app: AppDocument = {
  id: 'each',
  label: { en: 'Each' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' }, required: true },
        { id: 'code', type: 'text', label: { en: 'Code' }, unique: true },
        { id: 'phone', type: 'phone', label: { en: 'Phone' } },
      ],
    },
  ],
};

const published = usePublishedApp(app);

describe('editing many records, each with its own values', () => {
  it('applies the valid edits set-based and reports the others by index, with history rows', async () => {
    const made = await published.records.createMany(
      'each',
      'customer',
      admin,
      ['A', 'B', 'C'].map((name, i) => ({ values: { name, code: `C${i}` } })),
      { atomicity: 'all' },
    );
    const [a, b, c] = made.created.map((x) => x.id);
    const result = await published.records.updateEach(
      'each',
      'customer',
      admin,
      [
        { id: a!, values: { name: 'A2', phone: '+86 138 0000 0001' } },
        { id: b!, values: { phone: '123' } },
        { id: crypto.randomUUID(), values: { name: 'ghost' } },
        { id: c!, values: { code: 'C0' } },
        { id: b!, values: { code: 'C1' } },
      ],
      { source: 'import' },
    );
    expect(result.updated).toEqual([
      { index: 0, id: a },
      { index: 4, id: b },
    ]);
    expect(result.refused.map((r) => [r.index, r.issues.map((i) => i.code)])).toEqual([
      [1, ['field.format']],
      [2, ['record.not_found']],
      [3, ['field.unique']],
    ]);
    const row = await published.records.get('each', 'customer', admin, a!);
    expect(row).toMatchObject({ name: 'A2', phone: '13800000001', version: 2 });
    const { rows } = await sql<{ source: string; changes: unknown }>`select source, changes from record_history
      where app_id = 'each' and record_id = ${a!} and operation = 'update'`.execute(published.database.db);
    expect(rows).toEqual([{ source: 'import', changes: expect.arrayContaining([{ field: 'name', old: 'A', new: 'A2' }]) }]);
  });

  it('finds live records by a field value, one query for many values', async () => {
    const found = await published.records.lookup('each', 'customer', admin, 'code', ['C0', 'C2', 'nope']);
    expect(found.map((f) => f.value).sort()).toEqual(['C0', 'C2']);
  });
});
