import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
// The list view's own filter builder logic: what it can send is checked against this server.
import { type DraftValue, type FilterableField, filterableFields, isSortable, operatorsFor, toCondition, valueShape } from '@tessera/ui/filter-rules';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

/** A small CRM: a sales rep works their own customers, reads contracts without the amount, and may not delete. */
const crm: AppDocument = {
  id: 'crm_live',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        {
          id: 'level',
          type: 'select',
          label: { en: 'Level' },
          options: [
            { value: 'a', label: { en: 'A' } },
            { value: 'b', label: { en: 'B' } },
          ],
        },
        { id: 'credit', type: 'currency', label: { en: 'Credit' } },
        { id: 'tags', type: 'multi_select', label: { en: 'Tags' }, options: [{ value: 'x', label: { en: 'X' } }] },
        { id: 'since', type: 'date', label: { en: 'Since' } },
        { id: 'last_call', type: 'datetime', label: { en: 'Last call' } },
        { id: 'vip', type: 'checkbox', label: { en: 'VIP' } },
        { id: 'rep', type: 'user', label: { en: 'Rep' } },
        { id: 'parent', type: 'relation', target: 'customer', label: { en: 'Parent' } },
        { id: 'area', type: 'region', label: { en: 'Area' } },
        { id: 'logo', type: 'image', label: { en: 'Logo' } },
        { id: 'id_number', type: 'text', label: { en: 'ID number' }, encrypted: true },
        { id: 'notes', type: 'long_text', label: { en: 'Notes' } },
        { id: 'score', type: 'formula', label: { en: 'Score' }, resultType: 'number', formula: 'credit * 2' },
        { id: 'contracts', type: 'related_list', label: { en: 'Contracts' }, target: 'contract', via: 'customer' },
        { id: 'contract_total', type: 'formula', label: { en: 'Contract total' }, resultType: 'number', formula: 'COUNT(contracts)' },
      ],
    },
    {
      id: 'contract',
      label: { en: 'Contract' },
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'amount', type: 'currency', label: { en: 'Amount' } },
        { id: 'customer', type: 'relation', target: 'customer', label: { en: 'Customer' } },
      ],
    },
    {
      id: 'audit_note',
      label: { en: 'Audit note' },
      fields: [{ id: 'text', type: 'text', label: { en: 'Text' } }],
      views: [
        { id: 'everyone', label: { en: 'Everyone' } },
        { id: 'for_reps', label: { en: 'For reps' }, roles: ['sales_rep'] },
        { id: 'for_managers', label: { en: 'For managers' }, roles: ['manager'], filters: [{ field: 'text', op: 'contains', value: 'secret' }] },
      ],
    },
  ],
  roles: [
    {
      id: 'sales_rep',
      label: { en: 'Sales rep' },
      permissions: [
        { object: 'customer', actions: ['create', 'read', 'update'], rows: 'own', readOnlyFields: ['credit'] },
        { object: 'contract', actions: ['read'], rows: 'own', hiddenFields: ['amount'] },
      ],
    },
    { id: 'manager', label: { en: 'Manager' }, permissions: [] },
  ],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database, encryptionKey: randomBytes(32).toString('base64') });
  admin = await adminHeaders(server, database);
  const created = await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: crm } });
  expect(created.statusCode).toBe(201);
  expect((await server.inject({ method: 'POST', url: '/api/apps/crm_live/publish', headers: admin, payload: {} })).statusCode).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const live = (headers: Record<string, string>) => server.inject({ method: 'GET', url: '/api/apps/crm_live/live', headers });

describe('GET /api/apps/:appId/live tells the caller what they may do', () => {
  it('gives a sales rep exactly the actions and field rules of their role', async () => {
    const rep = await userHeaders(server, database, 'rep@test.local');
    await server.inject({ method: 'PUT', url: `/api/admin/users/${rep.id}/roles`, headers: admin, payload: { appId: 'crm_live', roles: ['sales_rep'] } });

    const response = await live(rep.headers);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.version).toBe(1);
    expect(body.document.id).toBe('crm_live');
    expect(body.access).toEqual({
      customer: { actions: ['create', 'read', 'update'], hiddenFields: [], readOnlyFields: ['credit'] },
      contract: { actions: ['read'], hiddenFields: ['amount'], readOnlyFields: [] },
      audit_note: { actions: [], hiddenFields: [], readOnlyFields: [] },
    });
    // The rollup is shown but cannot be filtered or sorted: the list view must not offer it.
    expect(body.rollups).toEqual({ customer: ['contract_total'] });

    // The answer matches what the records API then does: no delete, no hidden amount.
    const customers = '/api/apps/crm_live/objects/customer/records';
    const own = await server.inject({ method: 'POST', url: customers, headers: rep.headers, payload: { values: { name: 'Mine' } } });
    expect(own.statusCode).toBe(201);
    const refused = await server.inject({ method: 'POST', url: `${customers}/bulk-delete`, headers: rep.headers, payload: { ids: [own.json().id] } });
    expect(refused.json()).toMatchObject({ status: 403, code: 'record.forbidden' });
  });

  it('leaves out the list views shown to roles the caller does not hold, configuration and all', async () => {
    const rep = await userHeaders(server, database, 'view-rep@test.local');
    await server.inject({ method: 'PUT', url: `/api/admin/users/${rep.id}/roles`, headers: admin, payload: { appId: 'crm_live', roles: ['sales_rep'] } });
    const viewsOf = (body: { document: AppDocument }) => body.document.objects.find((o) => o.id === 'audit_note')?.views?.map((v) => v.id);
    const repBody = (await live(rep.headers)).json();
    expect(viewsOf(repBody)).toEqual(['everyone', 'for_reps']);
    expect(JSON.stringify(repBody)).not.toContain('secret');
    expect(viewsOf((await live(admin)).json())).toEqual(['everyone', 'for_reps', 'for_managers']);
  });

  it('gives an administrator every action on every object and hides nothing', async () => {
    const body = (await live(admin)).json();
    const all = { actions: ['create', 'read', 'update', 'delete', 'import', 'export'], hiddenFields: [], readOnlyFields: [] };
    expect(body.access).toEqual({ customer: all, contract: all, audit_note: all });
  });

  it('still refuses a user without a role in the app', async () => {
    const stranger = await userHeaders(server, database, 'stranger@test.local');
    expect((await live(stranger.headers)).json()).toMatchObject({ status: 404, code: 'meta.app_not_found' });
  });
});

/** A value the user could have picked for a field of this kind. */
function sampleValue(target: FilterableField, shape: ReturnType<typeof valueShape>): DraftValue {
  const one = {
    text: 'ac',
    number: '10',
    date: '2026-01-05',
    datetime: '2026-01-05',
    select: 'a',
    multi_select: 'x',
    user: '00000000-0000-4000-8000-000000000001',
    department: '00000000-0000-4000-8000-000000000003',
    relation: '00000000-0000-4000-8000-000000000002',
    region: '440300',
    checkbox: null,
    presence: null,
  }[target.kind];
  if (shape === 'many') return [target.field?.options?.[0]?.value ?? 'a'];
  if (shape === 'range') return target.kind === 'number' ? ['1', '20'] : ['2026-01-01', '2026-02-01'];
  return target.kind === 'multi_select' || target.kind === 'select' ? (target.field?.options?.[0]?.value ?? one) : one;
}

describe('what the list view can build, the query API accepts', () => {
  const customers = '/api/apps/crm_live/objects/customer/records';
  const query = (payload: object) => server.inject({ method: 'POST', url: `${customers}/query`, headers: admin, payload });

  it('takes every operator the filter builder offers, with the value its input produces, for every field it offers', async () => {
    const body = (await live(admin)).json();
    const object = crm.objects[0]!;
    const fields = filterableFields(object, body.access.customer, body.rollups.customer ?? []);
    expect(fields.map((f) => f.id)).not.toContain('contract_total');
    const refused: string[] = [];
    for (const target of fields) {
      for (const op of operatorsFor(target.kind)) {
        const condition = toCondition({ field: target.id, op, value: sampleValue(target, valueShape(target.kind, op)) }, target);
        expect(condition, `${target.id} ${op}`).not.toBeNull();
        const response = await query({ filters: [condition], limit: 1 });
        if (response.statusCode !== 200) refused.push(`${target.id} ${op}: ${response.body}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('finds records within the province, city or district the region picker gives, and refuses what it cannot give', async () => {
    const area = filterableFields(crm.objects[0]!, (await live(admin)).json().access.customer, []).find((f) => f.id === 'area')!;
    expect(operatorsFor(area.kind)).toContain('within');
    for (const [name, code] of [
      ['Shenzhen Nanshan', '440305'],
      ['Guangzhou', '440100'],
      ['Hangzhou', '330106'],
    ] as const) {
      expect((await server.inject({ method: 'POST', url: customers, headers: admin, payload: { values: { name, area: code } } })).statusCode).toBe(201);
    }
    const found = async (code: string) => {
      const condition = toCondition({ field: 'area', op: 'within', value: code }, area)!;
      const response = await query({ filters: [condition], limit: 500 });
      expect(response.statusCode).toBe(200);
      return response
        .json<{ items: { name: string }[] }>()
        .items.map((r) => r.name)
        .sort();
    };
    expect(await found('440000')).toEqual(['Guangzhou', 'Shenzhen Nanshan']);
    expect(await found('440300')).toEqual(['Shenzhen Nanshan']);
    expect(await found('330106')).toEqual(['Hangzhou']);
    // Nothing the builder would send, but the API says why, on the field, in the caller's language.
    const bad = await server.inject({
      method: 'POST',
      url: `${customers}/query`,
      headers: { ...admin, 'accept-language': 'zh-CN' },
      payload: { filters: [{ field: 'area', op: 'within', value: '449999' }] },
    });
    expect(bad.json()).toMatchObject({ status: 400, code: 'query.invalid', errors: [{ pointer: '/filters/0/value', field: 'area', code: 'query.region' }] });
    expect(bad.json().errors[0].message).toContain('“area”的“位于”条件需要省、市或区县的 6 位行政区划代码');
    expect((await query({ filters: [{ field: 'name', op: 'within', value: '440000' }] })).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'name', code: 'query.operator' }],
    });
    expect((await query({ filters: [{ field: 'area', op: 'near', value: '440000' }] })).statusCode).toBe(400);
  });

  it('sorts by every column the table lets the user sort by, and refuses the rollup the table leaves out', async () => {
    const object = crm.objects[0]!;
    for (const field of object.fields.filter((f) => isSortable(f, ['contract_total']))) {
      expect((await query({ sort: [{ field: field.id, direction: 'desc' }], limit: 1 })).statusCode, field.id).toBe(200);
    }
    expect((await query({ sort: [{ field: 'contract_total', direction: 'asc' }] })).json()).toMatchObject({ status: 400, code: 'query.invalid' });
    expect((await query({ filters: [{ field: 'contract_total', op: 'gt', value: 1 }] })).json()).toMatchObject({ status: 400, code: 'query.invalid' });
    expect((await query({ filters: [{ field: 'id_number', op: 'contains', value: '1' }] })).json()).toMatchObject({ status: 400, code: 'query.invalid' });
  });
});
