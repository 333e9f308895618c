import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders } from './test-session';

const app: AppDocument = {
  id: 'deals',
  label: { en: 'Deals' },
  objects: [
    {
      id: 'deal',
      label: { en: 'Deal' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' } },
        {
          id: 'kind',
          type: 'select',
          label: { en: 'Kind' },
          options: [
            { value: 'standard', label: { en: 'Standard' } },
            { value: 'special', label: { en: 'Special' } },
          ],
        },
        { id: 'discount', type: 'percent', label: { 'zh-CN': '折扣', en: 'Discount' } },
        { id: 'reason', type: 'long_text', label: { 'zh-CN': '折扣原因', en: 'Reason' } },
        { id: 'approved', type: 'checkbox', label: { en: 'Approved' } },
      ],
    },
  ],
  forms: [
    {
      id: 'sales_form',
      object: 'deal',
      label: { en: 'Sales form' },
      nodes: [
        { id: 's', kind: 'section' },
        ...['name', 'kind', 'discount', 'reason', 'approved'].map((field) => ({ id: `n_${field}`, kind: 'field' as const, parent: 's', field })),
      ],
      rules: [
        {
          id: 'special_only',
          when: 'kind <> "special"',
          effects: [
            { kind: 'visible', field: 'discount', value: false },
            { kind: 'visible', field: 'reason', value: false },
          ],
        },
        { id: 'explain', when: 'discount > 0.1', effects: [{ kind: 'required', field: 'reason', value: true }] },
        { id: 'locked', when: 'TRUE', effects: [{ kind: 'readOnly', field: 'approved', value: true }] },
      ],
    },
  ],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
const deals = '/api/apps/deals/objects/deal/records';
const call = (method: 'POST' | 'PATCH', url: string, payload: object, locale = 'en') =>
  server.inject({ method, url, headers: { ...admin, 'accept-language': locale }, payload });

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database });
  admin = await adminHeaders(server, database);
  await call('POST', '/api/apps', { document: app });
  await call('POST', '/api/apps/deals/publish', {});
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('the server holds a write to the form it names', () => {
  it('refuses fields the form hides or locks, whatever the request says', async () => {
    const crafted = await call('POST', `${deals}?form=sales_form`, { values: { name: 'A', kind: 'standard', discount: '0.5', approved: true } });
    expect(crafted.statusCode).toBe(422);
    expect(
      crafted
        .json()
        .errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
        .sort(),
    ).toEqual(['approved:form.field_not_writable', 'discount:form.field_not_writable']);
  });

  it('applies rules that depend on the values, with messages in the caller language', async () => {
    const missing = await call('POST', `${deals}?form=sales_form`, { values: { name: 'B', kind: 'special', discount: '0.2' } }, 'zh-CN');
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'reason', code: 'form.required', message: expect.stringContaining('折扣原因') })]);
    const ok = await call('POST', `${deals}?form=sales_form`, { values: { name: 'B', kind: 'special', discount: '0.2', reason: 'key account' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ discount: '0.2', reason: 'key account', approved: null });

    const id = ok.json().id as string;
    const edit = await call('PATCH', `${deals}/${id}?form=sales_form`, { version: 1, values: { kind: 'standard', discount: '0.9' } });
    expect(edit.json().errors).toEqual([expect.objectContaining({ field: 'discount', code: 'form.field_not_writable' })]);
    const fine = await call('PATCH', `${deals}/${id}?form=sales_form`, { version: 1, values: { name: 'B2' } });
    expect(fine.json()).toMatchObject({ name: 'B2', version: 2, discount: '0.2' });
  });

  it('names an unknown form, and leaves writes without a form to the object rules', async () => {
    expect((await call('POST', `${deals}?form=nope`, { values: { name: 'C' } })).json()).toMatchObject({ status: 404, code: 'record.form_not_found' });
    expect((await call('POST', deals, { values: { name: 'C', approved: true } })).statusCode).toBe(201);
  });
});

describe('uniqueness on blur', () => {
  it('answers whether a unique value is taken, normalised like a write, and only for unique fields', async () => {
    const unique: AppDocument = {
      id: 'uniq',
      label: { en: 'U' },
      objects: [
        {
          id: 'customer',
          label: { en: 'Customer' },
          fields: [
            { id: 'mobile', type: 'phone', label: { en: 'Mobile' }, unique: true, phoneKind: 'mobile' },
            { id: 'name', type: 'text', label: { en: 'Name' } },
          ],
        },
      ],
    };
    await call('POST', '/api/apps', { document: unique });
    await call('POST', '/api/apps/uniq/publish', {});
    const base = '/api/apps/uniq/objects/customer/records';
    const first = (await call('POST', base, { values: { mobile: '13800138000', name: 'A' } })).json();
    expect((await call('POST', `${base}/unique`, { field: 'mobile', value: '+86 138 0013 8000' })).json()).toEqual({ taken: true });
    expect((await call('POST', `${base}/unique`, { field: 'mobile', value: '+86 138 0013 8000', excludeId: first.id })).json()).toEqual({ taken: false });
    expect((await call('POST', `${base}/unique`, { field: 'mobile', value: '13900139000' })).json()).toEqual({ taken: false });
    expect((await call('POST', `${base}/unique`, { field: 'mobile', value: '123' })).json()).toMatchObject({
      status: 422,
      errors: [{ field: 'mobile', code: 'field.format' }],
    });
    expect((await call('POST', `${base}/unique`, { field: 'name', value: 'A' })).json()).toMatchObject({
      status: 400,
      errors: [{ code: 'query.unknown_field' }],
    });
  });
});
