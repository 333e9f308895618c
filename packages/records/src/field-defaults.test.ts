import { compilePolicy } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecordError } from './record-error';
import { usePublishedApp } from './test-app';

/** A visit whose fields carry their own defaults (ADR 0028), and a quick form that overrides one. */
const app: AppDocument = {
  id: 'visits',
  label: { en: 'Visits' },
  timeZone: 'Asia/Shanghai',
  objects: [
    {
      id: 'visit',
      label: { en: 'Visit' },
      displayField: 'subject',
      fields: [
        { id: 'subject', type: 'text', label: { en: 'Subject' }, required: true },
        {
          id: 'status',
          type: 'select',
          label: { en: 'Status' },
          required: true,
          default: '"planned"',
          options: [
            { value: 'planned', label: { en: 'Planned' } },
            { value: 'done', label: { en: 'Done' } },
          ],
        },
        { id: 'visited_on', type: 'date', label: { en: 'Visited on' }, default: 'TODAY()' },
        { id: 'rep', type: 'user', label: { en: 'Rep' }, default: 'CURRENTUSER()' },
        { id: 'team', type: 'department', label: { en: 'Team' }, default: 'CURRENTDEPARTMENT()' },
        { id: 'score', type: 'number', label: { en: 'Score' }, default: '3' },
      ],
    },
  ],
  forms: [
    {
      id: 'quick',
      object: 'visit',
      label: { en: 'Quick' },
      nodes: [
        { id: 'n1', kind: 'field', field: 'subject' },
        { id: 'n2', kind: 'field', field: 'status', defaultValue: '"done"' },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'visit', actions: ['create', 'read'], rows: 'all', readOnlyFields: ['rep', 'team'] }] }],
};

const published = usePublishedApp(app);
let east = '';
let zhang = '';
const rep = () => compilePolicy(app, { userId: zhang, departmentId: east, departmentTree: [east], roles: ['rep'], isAdmin: false });

beforeAll(async () => {
  const { db } = published.database;
  east = (await db.insertInto('departments').values({ name: '华东销售部' }).returning('id').executeTakeFirstOrThrow()).id;
  zhang = (
    await db
      .insertInto('users')
      .values({ email: 'zhang@example.com', name: 'Zhang', password_hash: 'not-a-real-hash', department_id: east, active: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});

/** Today in Shanghai, as the date the server's TODAY() gives. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const get = async (id: unknown) => published.records.get('visits', 'visit', rep(), String(id));

describe('field defaults on every create path', () => {
  it('an API create without a form gets each default the write leaves out, even on fields the role may not edit', async () => {
    const created = await published.records.create('visits', 'visit', rep(), { values: { subject: 'Call Acme' } });
    expect(await get(created.id)).toMatchObject({ status: 'planned', visited_on: today(), rep: zhang, team: east, score: '3' });
  });

  it('keeps what the writer sent, and an explicit null stays empty', async () => {
    const created = await published.records.create('visits', 'visit', rep(), { values: { subject: 'Visit', status: 'done', score: null } });
    expect(await get(created.id)).toMatchObject({ status: 'done', score: null, rep: zhang });
  });

  it('still refuses a role’s own value for a field it may not edit', async () => {
    const error = await published.records.create('visits', 'visit', rep(), { values: { subject: 'X', team: east } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordError);
    expect((error as RecordError).issues.map((i) => i.code)).toEqual(['field.role_locked']);
  });

  it('a bulk create fills every row', async () => {
    const result = await published.records.createMany('visits', 'visit', rep(), [{ values: { subject: 'A' } }, { values: { subject: 'B', status: 'done' } }]);
    const rows = await Promise.all(result.created.map((c) => get(c.id)));
    expect(rows.map((r) => [r.subject, r.status, r.score, r.rep])).toEqual([
      ['A', 'planned', '3', zhang],
      ['B', 'done', '3', zhang],
    ]);
  });

  it('the import path (validated ahead, then written) gets the defaults in what it validates', async () => {
    const verdicts = await published.records.validateMany('visits', 'visit', rep(), [{ subject: 'Imported' }], 'create');
    expect(verdicts[0]).toMatchObject({ ok: true, values: { subject: 'Imported', status: 'planned', visited_on: today(), team: east } });
  });

  it('a create through a form takes the form’s own default for its field and the field defaults for the rest', async () => {
    const created = await published.records.create('visits', 'visit', rep(), { form: 'quick', values: { subject: 'Form visit' } });
    expect(await get(created.id)).toMatchObject({ status: 'done', score: '3', visited_on: today(), rep: zhang });
  });
});
