import { compilePolicy, fullAccess } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { RecordError } from './record-error';
import { usePublishedApp } from './test-app';

const field = (id: string) => ({ id: `n_${id}`, kind: 'field' as const, field: id });

/** Managers fill the full form (the object's default); reps open the quick one, whose rule asks for a phone. */
const app: AppDocument = {
  id: 'chosen',
  label: { en: 'Chosen' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      defaultForm: 'full',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'phone', type: 'text', label: { en: 'Phone' } },
      ],
    },
  ],
  forms: [
    { id: 'full', object: 'customer', label: { en: 'Full' }, nodes: [field('name'), field('phone')] },
    {
      id: 'quick',
      object: 'customer',
      label: { en: 'Quick' },
      nodes: [field('name'), field('phone')],
      rules: [{ id: 'r1', when: 'TRUE', effects: [{ kind: 'required', field: 'phone', value: true }] }],
    },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['create', 'read', 'update'], rows: 'all', form: 'quick' }] },
    { id: 'manager', label: { en: 'Manager' }, permissions: [{ object: 'customer', actions: ['create', 'read', 'update'], rows: 'all' }] },
  ],
};

const published = usePublishedApp(app);
const person = (roles: string[]) =>
  compilePolicy(app, { userId: '00000000-0000-4000-8000-0000000000b1', departmentId: null, departmentTree: [], roles, isAdmin: false });
const create = (access: ReturnType<typeof person>, form: string | undefined, values: Record<string, unknown>) =>
  published.records.create('chosen', 'customer', access, { form, values });

describe('a write is held to the form the person’s roles open', () => {
  it('refuses a rep who names the looser full form, naming both forms, and writes nothing', async () => {
    const error = await create(person(['rep']), 'full', { name: 'Acme' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordError);
    expect(error).toMatchObject({ code: 'record.form_not_chosen', status: 403, params: { form: 'full', chosen: 'quick', object: 'customer' } });
    expect((await published.records.list('chosen', 'customer', fullAccess({ userId: null, departmentId: null }), {})).items).toEqual([]);
  });

  it('holds the rep to the quick form’s rules through that form', async () => {
    const error = await create(person(['rep']), 'quick', { name: 'Acme' }).catch((e: unknown) => e);
    expect((error as RecordError).issues.map((i) => [i.field, i.code])).toEqual([['phone', 'form.required']]);
    expect((await create(person(['rep']), 'quick', { name: 'Acme', phone: '1' })).id).toBeTruthy();
  });

  it('lets a manager write through the default form, and the administrator through any form', async () => {
    expect((await create(person(['manager']), 'full', { name: 'Beta' })).id).toBeTruthy();
    await expect(create(person(['manager']), 'quick', { name: 'Beta' })).rejects.toMatchObject({ code: 'record.form_not_chosen' });
    expect((await create(fullAccess({ userId: null, departmentId: null }), 'full', { name: 'Gamma' })).id).toBeTruthy();
  });

  it('holds an edit the same way', async () => {
    const id = String((await create(person(['rep']), 'quick', { name: 'Delta', phone: '2' })).id);
    const record = await published.records.get('chosen', 'customer', person(['rep']), id);
    await expect(
      published.records.update('chosen', 'customer', person(['rep']), id, { version: Number(record.version), values: { name: 'D' }, form: 'full' }),
    ).rejects.toMatchObject({ code: 'record.form_not_chosen' });
  });
});
