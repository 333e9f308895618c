import type { AppDocument } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { RecordError } from './record-error';
import { fullAdmin as admin, usePublishedApp } from './test-app';

const app: AppDocument = {
  id: 'accounts',
  label: { en: 'Accounts' },
  objects: [
    {
      id: 'account',
      label: { en: 'Account' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'manager', type: 'user', label: { en: 'Account manager', 'zh-CN': '客户经理' } },
        { id: 'team', type: 'department', label: { en: 'Team', 'zh-CN': '团队' } },
        { id: 'contract', type: 'attachment', label: { en: 'Contract', 'zh-CN': '合同' } },
      ],
    },
  ],
};

const published = usePublishedApp(app);
let activeUser = '';
let leaver = '';
let east = '';

beforeAll(async () => {
  const { db } = published.database;
  east = (await db.insertInto('departments').values({ name: '华东销售部' }).returning('id').executeTakeFirstOrThrow()).id;
  const user = (email: string, active: boolean) =>
    db
      .insertInto('users')
      .values({ email, name: email, password_hash: 'not-a-real-hash', department_id: east, active })
      .returning('id')
      .executeTakeFirstOrThrow();
  activeUser = (await user('zhang@example.com', true)).id;
  leaver = (await user('li@example.com', false)).id;
});

async function refusal(write: Promise<unknown>): Promise<[string, string][]> {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordError);
  return (error as RecordError).issues.map((i) => [i.field, i.code]);
}

describe('user and department values', () => {
  it('accepts an active user and an existing department', async () => {
    const id = String((await published.records.create('accounts', 'account', admin, { values: { name: 'Acme', manager: activeUser, team: east } })).id);
    expect(await published.records.get('accounts', 'account', admin, id)).toMatchObject({ manager: activeUser, team: east });
  });

  it('refuses an unknown or deactivated person and an unknown department, naming each field', async () => {
    const ghost = '00000000-0000-4000-8000-00000000dead';
    expect(await refusal(published.records.create('accounts', 'account', admin, { values: { name: 'X', manager: ghost, team: ghost } }))).toEqual([
      ['manager', 'field.user_missing'],
      ['team', 'field.department_missing'],
    ]);
    expect(await refusal(published.records.create('accounts', 'account', admin, { values: { name: 'Y', manager: leaver } }))).toEqual([
      ['manager', 'field.user_missing'],
    ]);
    expect((await published.records.list('accounts', 'account', admin, {})).items.map((r) => r.name)).toEqual(['Acme']);
  });

  it('lets a record keep a manager who has since left, but not be given one', async () => {
    const { db } = published.database;
    const id = String((await published.records.create('accounts', 'account', admin, { values: { name: 'Kept', manager: activeUser } })).id);
    await db.updateTable('users').set({ active: false }).where('id', '=', activeUser).execute();
    try {
      await published.records.update('accounts', 'account', admin, id, { version: 1, values: { name: 'Kept Ltd', manager: activeUser } });
      expect(await published.records.get('accounts', 'account', admin, id)).toMatchObject({ name: 'Kept Ltd', version: 2 });
      expect(await refusal(published.records.update('accounts', 'account', admin, id, { version: 2, values: { manager: leaver } }))).toEqual([
        ['manager', 'field.user_missing'],
      ]);
    } finally {
      await db.updateTable('users').set({ active: true }).where('id', '=', activeUser).execute();
    }
  });
});

describe('reference problems', () => {
  const ghost = '00000000-0000-4000-8000-00000000dead';
  const missingUpload = [{ id: '00000000-0000-4000-8000-0000000f11e5', name: '合同.pdf' }];

  it('come back all at once: a missing upload, an unknown person and an unknown department', async () => {
    expect(
      await refusal(published.records.create('accounts', 'account', admin, { values: { name: 'Z', contract: missingUpload, manager: ghost, team: ghost } })),
    ).toEqual([
      ['contract', 'field.file_missing'],
      ['manager', 'field.user_missing'],
      ['team', 'field.department_missing'],
    ]);
  });

  it('come back all at once on an update too, which then changes nothing', async () => {
    const id = String((await published.records.create('accounts', 'account', admin, { values: { name: 'Whole' } })).id);
    expect(
      await refusal(published.records.update('accounts', 'account', admin, id, { version: 1, values: { contract: missingUpload, manager: leaver } })),
    ).toEqual([
      ['contract', 'field.file_missing'],
      ['manager', 'field.user_missing'],
    ]);
    expect(await published.records.get('accounts', 'account', admin, id)).toMatchObject({ version: 1, manager: null, contract: null });
  });
});
