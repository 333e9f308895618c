import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { signWebhook } from '@tessera/flows';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders } from './test-session';

const leads: AppDocument = {
  id: 'web',
  label: { en: 'Web leads' },
  objects: [
    {
      id: 'lead',
      label: { en: 'Lead' },
      displayField: 'company',
      fields: [
        { id: 'company', type: 'text', label: { 'zh-CN': '公司', en: 'Company' }, required: true },
        { id: 'email', type: 'email', label: { en: 'E-mail' } },
        { id: 'stage', type: 'select', label: { en: 'Stage' }, options: ['new', 'qualified'].map((value) => ({ value, label: { en: value } })) },
      ],
    },
  ],
  flows: [
    {
      id: 'website_form',
      label: { en: 'Lead from the website' },
      object: 'lead',
      trigger: { kind: 'webhook' },
      nodes: [{ id: 'qualify', kind: 'update_record', values: { stage: '"qualified"' } }],
    },
    { id: 'manual', label: { en: 'Manual' }, object: 'lead', trigger: { kind: 'submit' }, nodes: [{ id: 'done', kind: 'end' }] },
  ],
};

let database: TestDatabase;
let app: FastifyInstance;
let admin: Record<string, string>;
let secret: string;
const hook = '/api/hooks/flows/web/website_form';

/** Posts `body` to the hook signed as a Standard Webhooks sender signs. */
function deliver(body: object, options: { id?: string; secret?: string; at?: number; url?: string } = {}) {
  const text = JSON.stringify(body);
  const id = options.id ?? `msg_${Math.random().toString(36).slice(2)}`;
  const at = options.at ?? Math.floor(Date.now() / 1000);
  return app.inject({
    method: 'POST',
    url: options.url ?? hook,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(at),
      'webhook-signature': signWebhook(options.secret ?? secret, id, at, text),
    },
    payload: text,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  admin = await adminHeaders(app, database);
  await app.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: leads } });
  expect((await app.inject({ method: 'POST', url: '/api/apps/web/publish', headers: admin, payload: {} })).statusCode).toBe(200);
  const made = await app.inject({ method: 'POST', url: '/api/apps/web/flows/website_form/webhook-secret', headers: admin });
  expect(made.statusCode).toBe(201);
  expect(made.json()).toMatchObject({ url: hook });
  secret = made.json().secret;
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('flows started by a signed webhook', () => {
  it('creates the record it brings and runs the flow on it, once per delivery id', async () => {
    const first = await deliver({ values: { company: 'Acme Robotics', email: 'buyer@acme.test' } }, { id: 'msg_1' });
    expect(first.statusCode).toBe(202);
    const { instanceId, recordId } = first.json();
    expect(first.json()).toMatchObject({ duplicate: false });
    const lead = await app.inject({ method: 'GET', url: `/api/apps/web/objects/lead/records/${recordId}`, headers: admin });
    expect(lead.json()).toMatchObject({ company: 'Acme Robotics', stage: 'qualified' });
    const instance = await app.inject({ method: 'GET', url: `/api/flows/instances/${instanceId}`, headers: admin });
    expect(instance.json()).toMatchObject({ status: 'approved' });

    // The sender did not get the answer and sends the same delivery again.
    const again = await deliver({ values: { company: 'Acme Robotics', email: 'buyer@acme.test' } }, { id: 'msg_1' });
    expect(again.json()).toEqual({ instanceId, recordId, duplicate: true });
    const listed = await app.inject({ method: 'POST', url: '/api/apps/web/objects/lead/records/query', headers: admin, payload: {} });
    expect(listed.json().total).toBe(1);
  });

  it('starts the flow on an existing record, and refuses a record that does not exist', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/apps/web/objects/lead/records', headers: admin, payload: { values: { company: 'Beta' } } });
    const started = await deliver({ recordId: created.json().id });
    expect(started.json()).toMatchObject({ recordId: created.json().id, duplicate: false });
    expect((await deliver({ recordId: '00000000-0000-4000-8000-00000000dead' })).statusCode).toBe(404);
  });

  it('refuses a wrong, stale or missing signature, and anything but a webhook flow — before reading the body', async () => {
    expect((await deliver({ values: { company: 'Forged' } }, { secret: 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).json()).toMatchObject({
      status: 401,
      code: 'flow.webhook_signature',
    });
    expect((await deliver({ values: { company: 'Replayed' } }, { at: Math.floor(Date.now() / 1000) - 3600 })).statusCode).toBe(401);
    const unsigned = await app.inject({ method: 'POST', url: hook, headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(unsigned.statusCode).toBe(401);
    expect((await deliver({}, { url: '/api/hooks/flows/web/manual' })).json()).toMatchObject({ status: 404, code: 'flow.webhook_not_found' });
    expect((await deliver({}, { url: '/api/hooks/flows/nope/website_form' })).statusCode).toBe(404);
    const listed = await app.inject({ method: 'POST', url: '/api/apps/web/objects/lead/records/query', headers: admin, payload: {} });
    expect(listed.json().items.map((r: { company: string }) => r.company)).not.toContain('Forged');
  });

  it('answers a record that breaks a rule with the field and the rule, in the sender’s language, and keeps nothing of it', async () => {
    const refused = await deliver({ values: { email: 'not an address' } }, { id: 'msg_bad' });
    expect(refused.statusCode).toBe(422);
    expect(
      refused
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['company', 'email']);
    // Nothing of the refused delivery stays: sent again once fixed, it runs.
    expect((await deliver({ values: { company: 'Gamma' } }, { id: 'msg_bad' })).json()).toMatchObject({ duplicate: false });
  });

  it('stops accepting the old secret once the admin makes a new one, and only admins make one', async () => {
    const old = secret;
    secret = (await app.inject({ method: 'POST', url: '/api/apps/web/flows/website_form/webhook-secret', headers: admin })).json().secret;
    expect((await deliver({ values: { company: 'Old key' } }, { secret: old })).statusCode).toBe(401);
    expect((await deliver({ values: { company: 'New key' } })).statusCode).toBe(202);
    expect((await app.inject({ method: 'POST', url: '/api/apps/web/flows/manual/webhook-secret', headers: admin })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/apps/web/flows/website_form/webhook-secret' })).statusCode).toBe(401);
  });
});
