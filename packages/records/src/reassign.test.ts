import { compilePolicy, fullAccess } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { fullAdmin as admin, usePublishedApp } from './test-app';

const LEAVER = '00000000-0000-4000-8000-0000000000a1';
const HEIR = '00000000-0000-4000-8000-0000000000a2';
const OTHER = '00000000-0000-4000-8000-0000000000a3';
const EAST = '00000000-0000-4000-8000-0000000000e1';
const WEST = '00000000-0000-4000-8000-0000000000e2';

const app: AppDocument = {
  id: 'handover',
  label: { en: 'Handover' },
  objects: [{ id: 'customer', label: { en: 'Customer' }, displayField: 'name', fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }] }],
  roles: [{ id: 'manager', label: { en: 'Manager' }, permissions: [{ object: 'customer', actions: ['read', 'update'], rows: 'department' }] }],
};

const published = usePublishedApp(app);
beforeAll(async () => {
  for (const [name, owner, department] of [
    ['A', LEAVER, EAST],
    ['B', LEAVER, EAST],
    ['C', LEAVER, WEST],
    ['D', OTHER, EAST],
  ] as const) {
    await published.records.create('handover', 'customer', fullAccess({ userId: owner, departmentId: department }), { values: { name } });
  }
});

describe('bulk reassignment', () => {
  it("moves a leaver's records the actor may update to the heir and their department, with history", async () => {
    const manager = compilePolicy(app, { userId: OTHER, departmentId: EAST, departmentTree: [EAST], roles: ['manager'], isAdmin: false });
    expect(await published.records.reassign('handover', 'customer', manager, { fromUserId: LEAVER, toUserId: HEIR, toDepartmentId: WEST })).toBe(2);
    const all = (await published.records.list('handover', 'customer', admin, { sort: [{ field: 'name' }] })).items;
    expect(all.map((r) => [r.name, r.owner_id === HEIR ? 'heir' : r.owner_id === LEAVER ? 'leaver' : 'other'])).toEqual([
      ['A', 'heir'],
      ['B', 'heir'],
      ['C', 'leaver'],
      ['D', 'other'],
    ]);
    expect(all[0]).toMatchObject({ department_id: WEST, version: 2 });
    const [latest] = await published.records.history('handover', 'customer', admin, String(all[0]!.id));
    expect(latest).toMatchObject({
      operation: 'update',
      version: 2,
      changes: [
        { field: 'owner_id', old: LEAVER, new: HEIR },
        { field: 'department_id', old: EAST, new: WEST },
      ],
    });
    expect(await published.records.reassign('handover', 'customer', admin, { fromUserId: LEAVER, toUserId: HEIR, toDepartmentId: WEST })).toBe(1);
  });
});
