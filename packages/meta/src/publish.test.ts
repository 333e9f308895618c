import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetaError } from './issue';
import { createMetadataStore, type MetadataStore } from './metadata-store';
import { purgeRetired } from './purge';
import { mapField, mapObject, salesApp, withField } from './test-fixtures';

let database: TestDatabase;
let store: MetadataStore;
beforeAll(async () => {
  database = await createTestDatabase();
  store = createMetadataStore(database.db);
});
afterAll(async () => database?.drop());

async function columns(schema: string, table: string): Promise<Record<string, string>> {
  const { rows } = await sql<{
    column_name: string;
    data_type: string;
  }>`select column_name, data_type from information_schema.columns where table_schema = ${schema} and table_name = ${table}`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
}

async function expectMetaError(promise: Promise<unknown>, code: string): Promise<MetaError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MetaError);
  expect((error as MetaError).code).toBe(code);
  return error as MetaError;
}

async function saveAndPublish(appId: string, document: ReturnType<typeof salesApp>) {
  const { draftRevision } = await store.getApp(appId);
  await store.saveDraft(appId, document, draftRevision);
  return store.publish(appId, { actor: null });
}

const insert = (table: string, values: string) => sql.raw(`insert into app_evolve.${table} ${values}`).execute(database.db);

describe('metadata store on PostgreSQL', () => {
  it('creates, publishes and serves the live version with typed tables', async () => {
    await store.createApp(salesApp());
    const { version, plan } = await store.publish('sales', { actor: 'admin', comment: 'first' });
    expect(version).toBe(1);
    expect(plan.length).toBeGreaterThan(5);
    expect(await columns('app_sales', 'customer')).toMatchObject({
      id: 'uuid',
      version: 'integer',
      owner_id: 'uuid',
      deleted_at: 'timestamp with time zone',
      name: 'text',
      revenue: 'numeric',
    });
    expect(await columns('app_sales', 'quote_line')).toMatchObject({ parent_id: 'uuid', sort_index: 'integer', quantity: 'numeric' });
    expect((await store.getLive('sales')).version).toBe(1);
    expect(await store.listVersions('sales')).toEqual([expect.objectContaining({ version: 1, comment: 'first', publishedBy: 'admin' })]);
  });

  it('refuses a second app with the same id and a stale draft save', async () => {
    await expectMetaError(store.createApp(salesApp()), 'meta.app_exists');
    const { draftRevision } = await store.getApp('sales');
    await store.saveDraft('sales', withField(salesApp(), 'customer', { id: 'note', type: 'long_text', label: { en: 'Note' } }), draftRevision);
    const conflict = await expectMetaError(store.saveDraft('sales', salesApp(), draftRevision), 'meta.draft_conflict');
    expect(conflict.status).toBe(409);
    expect((await store.getApp('sales')).draft.objects[0]?.fields.some((f) => f.id === 'note')).toBe(true);
  });

  it('keeps an invalid draft with its problems, refuses to publish it, and refuses a draft of another app', async () => {
    const before = await store.getApp('sales');
    const halfBuilt = mapField(salesApp(), 'customer', 'name', (f) => ({ ...f, type: 'nope' as 'text' }));
    const saved = await store.saveDraft('sales', halfBuilt, before.draftRevision);
    expect(saved.draftRevision).toBe(before.draftRevision + 1);
    expect(saved.issues[0]?.pointer).toBe('/objects/0/fields/0/type');
    expect((await store.getApp('sales')).draft).toEqual(halfBuilt);
    expect((await store.validateDraft('sales')).valid).toBe(false);
    const refused = await expectMetaError(store.publish('sales', { actor: null }), 'meta.invalid');
    expect(refused.issues[0]?.pointer).toBe('/objects/0/fields/0/type');
    expect((await store.listApps()).find((a) => a.id === 'sales')?.label).toEqual(salesApp().label);

    const unlabelled = await store.saveDraft('sales', { id: 'sales', objects: [] }, saved.draftRevision);
    expect(unlabelled.issues).toContainEqual(expect.objectContaining({ code: 'schema.required', params: { missing: 'label' } }));
    expect((await store.listApps()).find((a) => a.id === 'sales')?.label).toEqual({ en: 'sales' });

    const other = await expectMetaError(store.saveDraft('sales', { ...salesApp(), id: 'other' }, unlabelled.draftRevision), 'meta.invalid');
    expect(other.issues[0]).toMatchObject({ pointer: '/id', code: 'meta.app_id_mismatch' });
    await store.saveDraft('sales', before.draft, unlabelled.draftRevision);
  });

  it('evolves a schema: add field, label change, safe widening, checked conversion refused with a row count', async () => {
    await store.createApp(salesApp('evolve'));
    await store.publish('evolve', { actor: null });
    await insert('customer', `(name, founded, revenue) values ('A', '1999', 10.50), ('B', 'long ago', 20), ('C', ' 2001 ', null)`);

    const toNumber = mapField(salesApp('evolve'), 'customer', 'founded', (f) => ({ ...f, type: 'number' }));
    const refused = await saveAndPublish('evolve', toNumber).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'meta.unsafe_type_change', params: { object: 'customer', field: 'founded', rows: 1 } });
    expect((await columns('app_evolve', 'customer')).founded).toBe('text');
    expect((await store.getLive('evolve')).version).toBe(1);

    await sql`update app_evolve.customer set founded = null where name = 'B'`.execute(database.db);
    const added = withField(toNumber, 'customer', { id: 'website', type: 'url', label: { en: 'Website' } });
    const relabeled = mapField(added, 'customer', 'revenue', (f) => ({ ...f, label: { en: 'Annual revenue' }, type: 'text' }));
    await saveAndPublish('evolve', relabeled);
    expect(await columns('app_evolve', 'customer')).toMatchObject({ founded: 'numeric', website: 'text', revenue: 'text' });
    const { rows } = await sql<{ founded: string | null; revenue: string | null }>`select founded, revenue from app_evolve.customer order by name`.execute(
      database.db,
    );
    expect(rows).toEqual([
      { founded: '1999', revenue: '10.50' },
      { founded: null, revenue: '20' },
      { founded: '2001', revenue: null },
    ]);
  });

  it('refuses to make a field unique while duplicates exist, leaving everything as it was', async () => {
    const live = (await store.getLive('evolve')).document;
    await insert('customer', `(name) values ('A')`);
    const unique = mapField(live, 'customer', 'name', (f) => ({ ...f, unique: true }));
    await expect(saveAndPublish('evolve', unique)).rejects.toMatchObject({ code: 'meta.unique_violation', params: { field: 'name', rows: 1 } });
    expect((await store.getLive('evolve')).version).toBe(2);
  });

  it('hides a removed field but keeps its data, brings it back on rollback, and purges only on request', async () => {
    const live = (await store.getLive('evolve')).document;
    const without = mapObject(live, 'customer', (o) => ({ ...o, fields: o.fields.filter((f) => f.id !== 'website') }));
    await sql`update app_evolve.customer set website = 'https://a.example' where name = 'A'`.execute(database.db);
    const { version } = await saveAndPublish('evolve', without);
    expect(version).toBe(3);
    expect(await columns('app_evolve', 'customer')).toHaveProperty('website');
    await expectMetaError(purgeRetired(database.db, 'evolve', { object: 'customer', field: 'name' }), 'meta.purge_active');

    const rolled = await store.rollback('evolve', 2, { actor: 'admin', comment: 'undo' });
    expect(rolled.version).toBe(4);
    expect((await store.getApp('evolve')).draft.objects[0]?.fields.some((f) => f.id === 'website')).toBe(true);
    const { rows } = await sql<{ website: string | null }>`select website from app_evolve.customer where website is not null`.execute(database.db);
    expect(rows).toHaveLength(2);
    expect((await store.listVersions('evolve'))[0]).toMatchObject({ version: 4, rolledBackFrom: 2 });

    await store.rollback('evolve', 3, { actor: 'admin' });
    expect(await purgeRetired(database.db, 'evolve', { object: 'customer', field: 'website' })).toEqual({ purged: 'customer.website' });
    expect(await columns('app_evolve', 'customer')).not.toHaveProperty('website');
  });

  it('refuses to publish an unchanged draft, and a stale revision', async () => {
    await expectMetaError(store.publish('evolve', { actor: null }), 'meta.nothing_to_publish');
    await expectMetaError(store.publish('evolve', { actor: null, revision: 1 }), 'meta.draft_conflict');
  });

  it('rolls back every DDL step when a later step fails', async () => {
    const first = mapField(salesApp('atomic'), 'customer', 'code', (f) => ({ ...f, unique: false }));
    await store.createApp(first);
    await store.publish('atomic', { actor: null });
    await sql`insert into app_atomic.customer (name, code) values ('x', 'dup'), ('y', 'dup')`.execute(database.db);
    // New table and new column come first in the plan; the unique index on duplicated data fails last.
    let next = withField(first, 'customer', { id: 'fresh', type: 'text', label: { en: 'Fresh' } });
    next = { ...next, objects: [...next.objects, { id: 'extra', label: { en: 'Extra' }, fields: [] }] };
    next = mapField(next, 'customer', 'code', (f) => ({ ...f, unique: true }));
    await expect(saveAndPublish('atomic', next)).rejects.toMatchObject({ code: 'meta.unique_violation', params: { rows: 1 } });
    expect(await columns('app_atomic', 'customer')).not.toHaveProperty('fresh');
    expect(await columns('app_atomic', 'extra')).toEqual({});
    expect((await store.getLive('atomic')).version).toBe(1);
    expect(await store.listVersions('atomic')).toHaveLength(1);
  });
});
