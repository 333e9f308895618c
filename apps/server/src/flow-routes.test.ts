import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, multipartBody, signInHeaders } from './test-session';

const crm: AppDocument = {
  id: 'deals',
  label: { en: 'Deals' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' }, required: true },
        { id: 'discount', type: 'percent', label: { en: 'Discount' } },
        { id: 'reason', type: 'text', label: { en: 'Reason' } },
        { id: 'status', type: 'select', label: { en: 'Status' }, options: ['draft', 'approved'].map((value) => ({ value, label: { en: value } })) },
      ],
    },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'own' }] },
    { id: 'finance', label: { en: 'Finance' }, permissions: [{ object: 'quote', actions: ['read'], rows: 'all' }] },
  ],
  flows: [
    {
      id: 'discount',
      label: { 'zh-CN': '折扣审批', en: 'Discount approval' },
      object: 'quote',
      trigger: { kind: 'submit' },
      withdraw: 'before_approval',
      nodes: [
        {
          id: 'manager',
          kind: 'approval',
          label: { en: 'Manager' },
          approvers: [{ kind: 'department_head', levels: 1 }],
          fieldPermissions: { reason: 'editable' },
        },
        { id: 'finance', kind: 'approval', label: { en: 'Finance' }, approvers: [{ kind: 'role', role: 'finance' }] },
        { id: 'mark', kind: 'update_record', values: { status: '"approved"' } },
      ],
    },
    {
      id: 'terms',
      label: { en: 'Terms approval' },
      object: 'quote',
      trigger: { kind: 'submit' },
      nodes: [
        {
          id: 'manager',
          kind: 'approval',
          label: { en: 'Manager' },
          approvers: [{ kind: 'department_head', levels: 1 }],
          fieldPermissions: { reason: 'required', discount: 'hidden' },
        },
      ],
    },
  ],
};

let database: TestDatabase;
let app: FastifyInstance;
let admin: Record<string, string>;
const people: Record<'rep' | 'manager' | 'cfo' | 'stranger', { id: string; headers: Record<string, string> }> = {} as never;

async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) {
  return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  admin = await adminHeaders(app, database);
  await call('POST', '/api/apps', admin, { document: crm });
  expect((await call('POST', '/api/apps/deals/publish', admin, {})).statusCode).toBe(200);
  for (const name of ['rep', 'manager', 'cfo', 'stranger'] as const) {
    const created = await call('POST', '/api/admin/users', admin, { email: `${name}@test.local`, name, password: 'a long enough password' });
    people[name] = { id: created.json().id, headers: await signInHeaders(app, `${name}@test.local`, 'a long enough password') };
  }
  const sales = (await call('POST', '/api/admin/departments', admin, { name: 'Sales', headUserId: people.manager.id })).json().id;
  await call('PATCH', `/api/admin/users/${people.rep.id}`, admin, { departmentId: sales });
  await call('PUT', `/api/admin/users/${people.rep.id}/roles`, admin, { appId: 'deals', roles: ['rep'] });
  await call('PUT', `/api/admin/users/${people.cfo.id}/roles`, admin, { appId: 'deals', roles: ['finance'] });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('approvals over HTTP', () => {
  it('runs a discount approval as its people do: submit, return with a comment, resubmit, two approvals, approved', async () => {
    const rep = people.rep.headers;
    const quote = (await call('POST', '/api/apps/deals/objects/quote/records', rep, { values: { title: 'Big deal', discount: 25 } })).json();
    const recordFlows = `/api/apps/deals/objects/quote/records/${quote.id}/flows`;
    expect((await call('GET', recordFlows, rep)).json()).toEqual({
      submittable: [
        { id: 'discount', label: { 'zh-CN': '折扣审批', en: 'Discount approval' }, running: false },
        { id: 'terms', label: { en: 'Terms approval' }, running: false },
      ],
      instances: [],
    });

    // Before submitting: who will approve?
    const preview = (await call('GET', `/api/apps/deals/flows/discount/preview?recordId=${quote.id}`, rep)).json();
    expect(preview).toEqual([
      { node: 'manager', label: { en: 'Manager' }, approvers: [{ id: people.manager.id, name: 'manager' }], choose: false },
      { node: 'finance', label: { en: 'Finance' }, approvers: [{ id: people.cfo.id, name: 'cfo' }], choose: false },
    ]);

    const submitted = await call('POST', '/api/apps/deals/flows/discount/instances', { ...rep, 'idempotency-key': 'submit-1' }, { recordId: quote.id });
    expect(submitted.statusCode).toBe(201);
    const instance = submitted.json().id as string;
    const act = (who: keyof typeof people, payload: object, headers: Record<string, string> = {}) =>
      call('POST', `/api/flows/instances/${instance}/actions`, { ...people[who].headers, ...headers }, payload);

    expect((await call('GET', '/api/flows/inbox/counts', people.manager.headers)).json()).toEqual({ todo: 1, submitted: 0, unread: 1 });
    const todo = (await call('GET', '/api/flows/inbox?box=todo', people.manager.headers)).json();
    expect(todo).toEqual([
      expect.objectContaining({
        instanceId: instance,
        node: 'manager',
        recordLabel: 'Big deal',
        status: 'pending',
        initiator: { id: people.rep.id, name: 'rep' },
      }),
    ]);
    const view = (await call('GET', `/api/flows/instances/${instance}`, people.manager.headers)).json();
    expect(view.mine.pending).toEqual([{ node: 'manager', label: { en: 'Manager' }, fieldPermissions: { reason: 'editable' }, returnTargets: [] }]);

    // The rep cannot change the quote under approval; the manager may fill in the reason.
    const locked = await call(
      'PATCH',
      `/api/apps/deals/objects/quote/records/${quote.id}`,
      { ...rep, 'accept-language': 'zh-CN' },
      { version: 1, values: { discount: 30 } },
    );
    expect(locked.statusCode).toBe(423);
    expect(locked.json().title).toBe('记录正在审批中，除当前审批人可改的字段外暂不能修改');

    const returned = await act('manager', { action: 'return', to: 'initiator', comment: 'Add the reason' });
    expect(returned.json()).toMatchObject({ status: 'running', mine: { pending: [] } });
    expect((await call('GET', `/api/flows/instances/${instance}`, rep)).json().mine).toMatchObject({ canResubmit: true, isInitiator: true });
    expect(
      (await call('PATCH', `/api/apps/deals/objects/quote/records/${quote.id}`, rep, { version: 1, values: { reason: 'Strategic account' } })).statusCode,
    ).toBe(200);
    expect((await act('rep', { action: 'resubmit' })).statusCode).toBe(200);

    const approve = { action: 'approve', comment: 'OK' };
    expect((await act('manager', approve, { 'idempotency-key': 'm-1' })).statusCode).toBe(200);
    expect((await act('manager', approve, { 'idempotency-key': 'm-1' })).statusCode).toBe(200);
    const noTask = await act('manager', approve, { 'accept-language': 'zh-CN' });
    expect(noTask.json()).toMatchObject({ status: 403, code: 'flow.no_task', title: '你在该审批中没有待办，可能已被他人处理' });
    expect((await act('rep', { action: 'withdraw' })).json()).toMatchObject({ code: 'flow.withdraw_closed' });

    const done = await act('cfo', approve);
    expect(done.json()).toMatchObject({ status: 'approved' });
    expect(done.json().history.map((h: { kind: string }) => h.kind)).toEqual([
      'started',
      'approval_started',
      'return_asked',
      'returned',
      'resubmitted',
      'approval_started',
      'approved',
      'node_approved',
      'approval_started',
      'approved',
      'node_approved',
      'updated_record',
    ]);
    const record = (await call('GET', `/api/apps/deals/objects/quote/records/${quote.id}`, rep)).json();
    expect(record).toMatchObject({ status: 'approved', reason: 'Strategic account' });
    expect((await call('GET', '/api/flows/inbox?box=submitted', rep)).json()).toEqual([expect.objectContaining({ instanceId: instance, status: 'approved' })]);
    expect((await call('GET', '/api/flows/inbox?box=done', people.manager.headers)).json().map((i: { status: string }) => i.status)).toEqual(['approved']);
    const notifications = (await call('GET', '/api/notifications', rep)).json();
    expect(notifications.map((n: { kind: string }) => n.kind)).toEqual(['finished.approved', 'returned']);
    expect((await call('POST', '/api/notifications/read', rep, {})).statusCode).toBe(204);
    expect((await call('GET', '/api/flows/inbox/counts', rep)).json()).toEqual({ todo: 0, submitted: 0, unread: 0 });
  });

  it('keeps an approval from people who take no part in it and may not read its record', async () => {
    const quote = (await call('POST', '/api/apps/deals/objects/quote/records', people.rep.headers, { values: { title: 'Private', discount: 10 } })).json();
    const instance = (await call('POST', '/api/apps/deals/flows/discount/instances', people.rep.headers, { recordId: quote.id })).json().id;
    expect((await call('GET', `/api/flows/instances/${instance}`, people.stranger.headers)).json()).toMatchObject({ status: 403, code: 'flow.forbidden' });
    expect((await call('POST', `/api/flows/instances/${instance}/actions`, people.stranger.headers, { action: 'approve' })).statusCode).toBe(403);
    // Finance may read every quote: it sees the approval, but has no task yet.
    expect((await call('GET', `/api/flows/instances/${instance}`, people.cfo.headers)).json().mine.pending).toEqual([]);
    expect((await call('POST', '/api/apps/deals/flows/discount/instances', people.stranger.headers, { recordId: quote.id })).statusCode).toBe(403);
    expect((await call('POST', '/api/apps/deals/flows/discount/instances', people.rep.headers, { recordId: quote.id })).json()).toMatchObject({
      code: 'flow.already_running',
    });
  });

  it("shows an approver the record with the step's field permissions, and lets them fill only what it asks", async () => {
    const quote = (await call('POST', '/api/apps/deals/objects/quote/records', people.rep.headers, { values: { title: 'Terms', discount: 12 } })).json();
    const instance = (await call('POST', '/api/apps/deals/flows/terms/instances', people.rep.headers, { recordId: quote.id })).json().id;
    const manager = people.manager.headers;
    const approvalRecord = `/api/flows/instances/${instance}/record`;

    // The manager has no role in the app: the quote itself is out of reach, its approval is not.
    expect((await call('GET', `/api/apps/deals/objects/quote/records/${quote.id}`, manager)).statusCode).toBeGreaterThanOrEqual(403);
    const seen = (await call('GET', approvalRecord, manager)).json();
    expect(seen.fields).toEqual({ deciding: true, editable: [], required: ['reason'], hidden: ['discount'] });
    expect(seen.record).toMatchObject({ id: quote.id, title: 'Terms' });
    expect(seen.record).not.toHaveProperty('discount');

    const act = (payload: object, headers: Record<string, string> = {}) =>
      call('POST', `/api/flows/instances/${instance}/actions`, { ...manager, ...headers }, payload);
    const refused = await act({ action: 'approve' }, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([expect.objectContaining({ pointer: '/values/reason', code: 'field.required', message: '"Reason" is required' })]);

    const outOfStep = await call('PATCH', approvalRecord, manager, { version: seen.record.version, values: { title: 'Renamed' } });
    expect(outOfStep.statusCode).toBe(422);
    expect(outOfStep.json().errors.map((e: { field: string }) => e.field)).toEqual(['title']);
    const filled = await call('PATCH', approvalRecord, manager, { version: seen.record.version, values: { reason: 'Long-standing customer' } });
    expect(filled.statusCode).toBe(200);
    expect(filled.json().record).toMatchObject({ reason: 'Long-standing customer', title: 'Terms' });

    expect((await act({ action: 'approve' })).json()).toMatchObject({ status: 'approved' });
    // Decided: the record is read-only to them again, and a stranger never sees it.
    const after = await call('PATCH', approvalRecord, manager, { version: filled.json().record.version, values: { reason: 'again' } });
    expect(after.json()).toMatchObject({ code: 'flow.no_task' });
    expect((await call('GET', approvalRecord, manager)).json().fields).toEqual({ deciding: false, editable: [], required: [], hidden: ['discount'] });
    expect((await call('GET', approvalRecord, people.stranger.headers)).statusCode).toBe(403);
    const rep = (await call('GET', `/api/apps/deals/objects/quote/records/${quote.id}`, people.rep.headers)).json();
    expect(rep).toMatchObject({ reason: 'Long-standing customer', discount: '12' });
  });

  it('keeps files with what people say: an approver without a role attaches one, everyone in the approval downloads it, nobody else', async () => {
    const quote = (await call('POST', '/api/apps/deals/objects/quote/records', people.rep.headers, { values: { title: 'With files', discount: 20 } })).json();
    const instance = (await call('POST', '/api/apps/deals/flows/terms/instances', people.rep.headers, { recordId: quote.id })).json().id;
    const upload = async (headers: Record<string, string>, content: string) => {
      const body = multipartBody('竞品报价.txt', 'text/plain', Buffer.from(content));
      return app.inject({ method: 'POST', url: '/api/apps/deals/files', headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
    };
    const mine = await upload(people.manager.headers, 'competitor quote: 18 %');
    expect(mine.statusCode).toBe(201);
    const theirs = (await upload(people.rep.headers, 'not yours')).json();
    expect((await upload(people.stranger.headers, 'nope')).statusCode).toBe(403);

    const act = (payload: object) => call('POST', `/api/flows/instances/${instance}/actions`, people.manager.headers, payload);
    expect((await act({ action: 'comment', comment: 'See the file', attachments: [theirs.id] })).json()).toMatchObject({ code: 'flow.attachment_unknown' });
    const said = await act({ action: 'return', to: 'initiator', comment: 'Match this', attachments: [mine.json().id] });
    expect(said.statusCode).toBe(200);
    const returned = said.json().history.find((h: { kind: string }) => h.kind === 'return_asked');
    expect(returned.detail).toEqual({ comment: 'Match this', attachments: [{ id: mine.json().id, name: '竞品报价.txt', size: 22, mime: 'text/plain' }] });

    const download = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: `/api/flows/instances/${instance}/files/${mine.json().id}`, headers });
    const got = await download(people.rep.headers);
    expect(got.statusCode).toBe(200);
    expect(got.body).toBe('competitor quote: 18 %');
    expect(got.headers['content-disposition']).toContain('attachment');
    expect((await download(people.stranger.headers)).statusCode).toBe(403);
    // A file of this app not attached to this approval is not reachable through it.
    expect((await app.inject({ method: 'GET', url: `/api/flows/instances/${instance}/files/${theirs.id}`, headers: people.rep.headers })).statusCode).toBe(404);
  });

  it('hands the approvals of someone out of office to their delegate for the period, and back when it ends', async () => {
    const manager = people.manager.headers;
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const aMinuteAgo = new Date(Date.now() - 60_000).toISOString();
    const refusedSelf = await call(
      'POST',
      '/api/flows/delegations',
      { ...manager, 'accept-language': 'zh-CN' },
      {
        delegateId: people.manager.id,
        startsAt: aMinuteAgo,
        endsAt: inAWeek,
      },
    );
    expect(refusedSelf.json()).toMatchObject({ status: 422, code: 'flow.delegate_self', title: '代理人不能是你自己' });
    const backwards = await call('POST', '/api/flows/delegations', manager, { delegateId: people.stranger.id, startsAt: inAWeek, endsAt: aMinuteAgo });
    expect(backwards.json()).toMatchObject({ status: 422, code: 'flow.delegation_period' });
    const forSomeoneElse = await call('POST', '/api/flows/delegations', manager, {
      delegateId: people.stranger.id,
      startsAt: aMinuteAgo,
      endsAt: inAWeek,
      userId: people.cfo.id,
    });
    expect(forSomeoneElse.statusCode).toBe(403);

    const away = await call('POST', '/api/flows/delegations', manager, {
      delegateId: people.stranger.id,
      startsAt: aMinuteAgo,
      endsAt: inAWeek,
      appId: 'deals',
    });
    expect(away.statusCode).toBe(201);
    expect((await call('GET', '/api/flows/delegations', people.stranger.headers)).json()).toMatchObject({ mine: [], forOthers: [{ id: away.json().id }] });

    const submit = async (title: string) => {
      const quote = (await call('POST', '/api/apps/deals/objects/quote/records', people.rep.headers, { values: { title, discount: 20 } })).json();
      return (await call('POST', '/api/apps/deals/flows/discount/instances', people.rep.headers, { recordId: quote.id })).json().id as string;
    };
    const instance = await submit('While the manager is away');
    const view = (await call('GET', `/api/flows/instances/${instance}`, people.stranger.headers)).json();
    expect(view.tasks.map((task: { user: string; status: string }) => [task.user, task.status])).toEqual([[people.stranger.id, 'pending']]);
    expect(view.history.find((h: { kind: string }) => h.kind === 'delegated')?.detail).toEqual({ from: people.manager.id, to: people.stranger.id });
    const approved = await call('POST', `/api/flows/instances/${instance}/actions`, people.stranger.headers, { action: 'approve' });
    expect(approved.json().tasks.map((task: { user: string; status: string }) => [task.user, task.status])).toEqual([
      [people.stranger.id, 'approved'],
      [people.cfo.id, 'pending'],
    ]);

    expect((await call('DELETE', `/api/flows/delegations/${away.json().id}`, people.stranger.headers)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/flows/delegations/${away.json().id}`, manager)).statusCode).toBe(204);
    const back = (await call('GET', `/api/flows/instances/${await submit('Back at the desk')}`, manager)).json();
    expect(back.tasks.map((task: { user: string }) => task.user)).toEqual([people.manager.id]);
  });
});
