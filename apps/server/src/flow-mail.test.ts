import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, signInHeaders } from './test-session';

interface Received {
  from: string;
  to: string[];
  data: string;
}

const deals: AppDocument = {
  id: 'deals',
  label: { en: 'Deals' },
  objects: [{ id: 'quote', label: { en: 'Quote' }, displayField: 'title', fields: [{ id: 'title', type: 'text', label: { en: 'Title' } }] }],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'own' }] }],
  flows: [
    {
      id: 'discount',
      label: { 'zh-CN': '折扣审批', en: 'Discount approval' },
      object: 'quote',
      trigger: { kind: 'submit' },
      nodes: [{ id: 'manager', kind: 'approval', approvers: [{ kind: 'department_head', levels: 1 }] }],
    },
  ],
};

let database: TestDatabase;
let app: FastifyInstance;
let smtp: SMTPServer;
const inbox: Received[] = [];
let refuseNext = 0;

beforeAll(async () => {
  // A real SMTP server on a free port: what nodemailer says to it is what a company's mail server would get.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += chunk.toString('utf8');
      });
      stream.on('end', () => {
        if (refuseNext > 0) {
          refuseNext -= 1;
          callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
          return;
        }
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
  const port = (smtp.server.address() as AddressInfo).port;
  database = await createTestDatabase();
  app = await buildServer({
    database,
    mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Tessera <approvals@tessera.test>', publicUrl: 'https://crm.example.com/' },
  });
  const admin = await adminHeaders(app, database);
  await app.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: deals } });
  await app.inject({ method: 'POST', url: '/api/apps/deals/publish', headers: admin, payload: {} });
  const made = async (email: string, name: string) =>
    (await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin, payload: { email, name, password: 'a long enough password' } })).json()
      .id as string;
  const rep = await made('rep@test.local', 'Chen Jing');
  const manager = await made('manager@test.local', '王磊');
  await database.db.updateTable('users').set({ locale: 'zh-CN' }).where('id', '=', manager).execute();
  await database.db.updateTable('users').set({ locale: 'en' }).where('id', '=', rep).execute();
  const sales = (await app.inject({ method: 'POST', url: '/api/admin/departments', headers: admin, payload: { name: 'Sales', headUserId: manager } })).json()
    .id;
  await app.inject({ method: 'PATCH', url: `/api/admin/users/${rep}`, headers: admin, payload: { departmentId: sales } });
  await app.inject({ method: 'PUT', url: `/api/admin/users/${rep}/roles`, headers: admin, payload: { appId: 'deals', roles: ['rep'] } });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
  await new Promise<void>((done) => (smtp ? smtp.close(done) : done()));
});

/** The decoded text of a received message (nodemailer sends UTF-8 bodies quoted-printable or base64). */
const subjectOf = (message: Received) => {
  const header = /^Subject: (.+(?:\r\n[ \t].+)*)/m.exec(message.data)?.[1] ?? '';
  return header
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQ(text),
    );
};
const decodeQ = (text: string) =>
  Buffer.from(
    text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

describe('approval e-mails through an SMTP server', () => {
  it('mails the approver in their language with a link to the approval, after the step commits, retrying a refusal', async () => {
    const rep = await signInHeaders(app, 'rep@test.local', 'a long enough password');
    const quote = (
      await app.inject({ method: 'POST', url: '/api/apps/deals/objects/quote/records', headers: rep, payload: { values: { title: 'Big deal' } } })
    ).json();
    refuseNext = 1;
    const submitted = await app.inject({ method: 'POST', url: '/api/apps/deals/flows/discount/instances', headers: rep, payload: { recordId: quote.id } });
    expect(submitted.statusCode).toBe(201);
    const instance = submitted.json().id as string;
    await app.jobs.drain();
    expect(refuseNext).toBe(0);
    expect(inbox).toHaveLength(0);
    // The first try was refused (451) and stays queued for a retry later; let it be due now.
    await database.db.updateTable('jobs').set({ run_at: new Date() }).where('queue', '=', 'flows.mail').where('state', '=', 'queued').execute();
    await app.jobs.drain();
    expect(inbox).toHaveLength(1);
    const [mail] = inbox;
    expect(mail?.to).toEqual(['manager@test.local']);
    expect(mail?.from).toBe('approvals@tessera.test');
    expect(subjectOf(mail!)).toBe('【待审批】折扣审批');
    expect(mail?.data.replace(/=\r\n/g, '')).toContain(`https://crm.example.com/approvals/instances/${instance}`);

    // The manager approves: the rep hears it in English.
    const manager = await signInHeaders(app, 'manager@test.local', 'a long enough password');
    await app.inject({ method: 'POST', url: `/api/flows/instances/${instance}/actions`, headers: manager, payload: { action: 'approve' } });
    await app.jobs.drain();
    expect(inbox.map((m) => [m.to[0], subjectOf(m)])).toEqual([
      ['manager@test.local', '【待审批】折扣审批'],
      ['rep@test.local', 'Approved: Discount approval'],
    ]);
  });
});
