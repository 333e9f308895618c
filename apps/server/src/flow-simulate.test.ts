import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument, FlowDefinition } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, signInHeaders } from './test-session';

const crm: AppDocument = {
  id: 'sim',
  label: { en: 'Sim' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' }, required: true },
        { id: 'discount', type: 'percent', label: { en: 'Discount' } },
        { id: 'status', type: 'text', label: { en: 'Status' } },
      ],
    },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'own' }] },
    { id: 'finance', label: { en: 'Finance' }, permissions: [{ object: 'quote', actions: ['read'], rows: 'all' }] },
  ],
};

/** A flow only the studio's draft has: a condition on the discount, the manager then finance above 15 %, a record update. */
const draftFlow: FlowDefinition = {
  id: 'discount',
  label: { en: 'Discount approval' },
  object: 'quote',
  trigger: { kind: 'submit' },
  nodes: [
    { id: 'route', kind: 'condition' },
    { id: 'big', kind: 'branch', parent: 'route', label: { en: 'Above 15 %' }, when: 'discount > 15' },
    { id: 'manager', kind: 'approval', parent: 'big', label: { en: 'Manager' }, approvers: [{ kind: 'department_head', levels: 1 }] },
    { id: 'finance', kind: 'approval', parent: 'big', label: { en: 'Finance' }, approvers: [{ kind: 'role', role: 'finance' }] },
    { id: 'small', kind: 'branch', parent: 'route', label: { en: 'Otherwise' } },
    { id: 'pick', kind: 'approval', parent: 'small', label: { en: 'Someone you pick' }, approvers: [{ kind: 'chosen' }] },
    { id: 'mark', kind: 'update_record', values: { status: '"approved"' } },
  ],
};

let database: TestDatabase;
let app: FastifyInstance;
let admin: Record<string, string>;
const ids: Record<string, string> = {};
let repHeaders: Record<string, string>;

async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, headers: Record<string, string>, payload?: object) {
  return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}
const simulate = (payload: object, headers = admin) => call('POST', '/api/apps/sim/flows/simulate', headers, payload);

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  admin = await adminHeaders(app, database);
  await call('POST', '/api/apps', admin, { document: crm });
  expect((await call('POST', '/api/apps/sim/publish', admin, {})).statusCode).toBe(200);
  for (const name of ['rep', 'manager', 'cfo'] as const) {
    const created = await call('POST', '/api/admin/users', admin, { email: `${name}@sim.local`, name, password: 'a long enough password' });
    ids[name] = created.json().id;
  }
  repHeaders = await signInHeaders(app, 'rep@sim.local', 'a long enough password');
  const sales = (await call('POST', '/api/admin/departments', admin, { name: 'Sales', headUserId: ids.manager })).json().id;
  await call('PATCH', `/api/admin/users/${ids.rep}`, admin, { departmentId: sales });
  await call('PUT', `/api/admin/users/${ids.rep}/roles`, admin, { appId: 'sim', roles: ['rep'] });
  await call('PUT', `/api/admin/users/${ids.cfo}/roles`, admin, { appId: 'sim', roles: ['finance'] });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('simulating a draft flow', () => {
  it('walks the path a record would take — branch, two approvers by name, the update — and writes nothing', async () => {
    const quote = (await call('POST', '/api/apps/sim/objects/quote/records', repHeaders, { values: { title: 'Big deal', discount: 25 } })).json();
    const answer = await simulate({ flow: draftFlow, recordId: quote.id });
    expect(answer.statusCode).toBe(200);
    const body = answer.json();
    expect(body.steps).toEqual([
      { node: 'manager', label: { en: 'Manager' }, approvers: [{ id: ids.manager, name: 'manager' }], choose: false },
      { node: 'finance', label: { en: 'Finance' }, approvers: [{ id: ids.cfo, name: 'cfo' }], choose: false },
    ]);
    expect(body.path.map((e: { kind: string; node: string | null }) => [e.kind, e.node])).toEqual([
      ['branched', 'route'],
      ['approval_started', 'manager'],
      ['approved', 'manager'],
      ['node_approved', 'manager'],
      ['approval_started', 'finance'],
      ['approved', 'finance'],
      ['node_approved', 'finance'],
      ['updated_record', 'mark'],
    ]);
    expect(body.path[0].detail).toEqual({ branch: 'big' });
    expect(body.path[1].people).toEqual([{ id: ids.manager, name: 'manager' }]);
    expect(body.status).toBe('approved');

    // Nothing was written: the record is as it was, and it has no approval.
    const after = (await call('GET', `/api/apps/sim/objects/quote/records/${quote.id}`, admin)).json();
    expect(after.status ?? after.values?.status ?? null).toBeNull();
    expect((await call('GET', `/api/apps/sim/objects/quote/records/${quote.id}/flows`, admin)).json().instances).toEqual([]);
  });

  it("runs as the person named: someone outside the rep's department has no head, so the manager's step is passed", async () => {
    const quote = (await call('POST', '/api/apps/sim/objects/quote/records', repHeaders, { values: { title: 'As finance', discount: 40 } })).json();
    const body = (await simulate({ flow: draftFlow, recordId: quote.id, initiatorId: ids.cfo })).json();
    expect(body.path.find((e: { node: string | null }) => e.node === 'manager')).toMatchObject({ kind: 'skipped', detail: { reason: 'no_approver' } });
    expect(body.steps.map((s: { node: string }) => s.node)).toEqual(['finance']);
  });

  it('takes the other branch for a small discount and lists the step the submitter picks for', async () => {
    const quote = (await call('POST', '/api/apps/sim/objects/quote/records', repHeaders, { values: { title: 'Small deal', discount: 5 } })).json();
    const body = (await simulate({ flow: draftFlow, recordId: quote.id })).json();
    expect(body.path[0]).toMatchObject({ kind: 'branched', node: 'route', detail: { branch: 'small' } });
    expect(body.steps).toEqual([{ node: 'pick', label: { en: 'Someone you pick' }, approvers: [], choose: true }]);
  });

  it('answers a half-built flow with its problems pointing at the node, never a 500', async () => {
    const quote = (await call('POST', '/api/apps/sim/objects/quote/records', repHeaders, { values: { title: 'Any', discount: 1 } })).json();
    const broken = {
      ...draftFlow,
      nodes: [
        { id: 'who', kind: 'approval', approvers: [] },
        { id: 'odd', kind: 'branch', parent: 'route', when: 'discount >' },
      ],
    };
    const answer = await simulate({ flow: broken, recordId: quote.id });
    expect(answer.statusCode).toBe(422);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    const pointers = answer.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/flows/0/nodes/0/approvers');
    const notAFlow = await simulate({ flow: { id: 'x' }, recordId: quote.id });
    expect(notAFlow.statusCode).toBe(422);
  });

  it('is for administrators, and refuses a record that does not exist', async () => {
    const quote = (await call('POST', '/api/apps/sim/objects/quote/records', repHeaders, { values: { title: 'Mine', discount: 20 } })).json();
    expect((await simulate({ flow: draftFlow, recordId: quote.id }, repHeaders)).statusCode).toBe(403);
    expect((await simulate({ flow: draftFlow, recordId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});
