import { type AccessPolicy, compilePolicy, fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createEventDispatcher, type EventDispatcher } from '@tessera/events';
import { createDepartment, createUser } from '@tessera/identity';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, dataVersionsSubscriber, type RecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';

/**
 * Test-only: a sales app with deals — stage, amount, a close date-time and date, and a margin
 * the rep role may not see — and roles whose row scopes differ: a rep sees their own deals, a
 * manager their department's tree, a director every deal.
 */
export const salesApp: AppDocument = {
  id: 'sales',
  label: { en: 'Sales' },
  timeZone: 'Asia/Shanghai',
  objects: [
    {
      id: 'deal',
      label: { en: 'Deal', 'zh-CN': '商机' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        {
          id: 'stage',
          type: 'select',
          label: { en: 'Stage' },
          options: [
            { value: 'lead', label: { en: 'Lead', 'zh-CN': '线索' } },
            { value: 'proposal', label: { en: 'Proposal', 'zh-CN': '方案' } },
            { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } },
            { value: 'lost', label: { en: 'Lost', 'zh-CN': '输单' } },
          ],
        },
        { id: 'amount', type: 'currency', label: { en: 'Amount' } },
        { id: 'margin', type: 'number', label: { en: 'Margin' } },
        { id: 'closed_at', type: 'datetime', label: { en: 'Closed at' } },
        { id: 'closed_on', type: 'date', label: { en: 'Closed on' } },
        { id: 'hot', type: 'checkbox', label: { en: 'Hot' } },
      ],
    },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'deal', actions: ['read', 'create', 'update'], rows: 'own', hiddenFields: ['margin'] }] },
    { id: 'manager', label: { en: 'Manager' }, permissions: [{ object: 'deal', actions: ['read', 'create', 'update'], rows: 'department_tree' }] },
    { id: 'director', label: { en: 'Director' }, permissions: [{ object: 'deal', actions: ['read'], rows: 'all' }] },
  ],
};

export interface SalesTeam {
  database: TestDatabase;
  records: RecordService;
  events: EventDispatcher;
  /** Each person's policy in the app, and their user id and department. */
  people: Record<'rep1' | 'rep2' | 'rep3' | 'manager' | 'director', { id: string; department: string; policy: AccessPolicy }>;
  /** Creates a deal owned by `owner`, in their department. */
  deal(owner: keyof SalesTeam['people'], values: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** Test-only: the app published in a database of its own, a team in two departments (east with a sub-team, west), and the data-versions subscriber running. */
export async function createSalesTeam(document: AppDocument = salesApp): Promise<SalesTeam> {
  const database = await createTestDatabase();
  const store = createMetadataStore(database.db);
  await store.createApp(document);
  await store.publish(document.id, { actor: null });
  const events = createEventDispatcher(database, { pollMs: 60_000 });
  await events.subscribe(dataVersionsSubscriber);
  await events.start();
  const records = createRecordService(database.db, createLiveAppCache(database.db, 0));
  const east = await createDepartment(database.db, { name: '华东' });
  const eastTeam = await createDepartment(database.db, { name: '华东一组', parentId: east });
  const west = await createDepartment(database.db, { name: '华西' });
  const person = async (name: string, department: string, roles: string[], tree: string[]) => {
    const id = await createUser(database.db, { email: `${name}@test.local`, name, password: 'test password only', departmentId: department });
    return { id, department, policy: compilePolicy(document, { userId: id, departmentId: department, departmentTree: tree, roles, isAdmin: false }) };
  };
  const people = {
    rep1: await person('陈静', eastTeam, ['rep'], [eastTeam]),
    rep2: await person('李强', east, ['rep'], [east, eastTeam]),
    rep3: await person('王芳', west, ['rep'], [west]),
    manager: await person('王磊', east, ['manager'], [east, eastTeam]),
    director: await person('刘洋', east, ['director'], [east, eastTeam]),
  };
  return {
    database,
    records,
    events,
    people,
    async deal(owner, values) {
      const actor = people[owner];
      const created = await records.create(document.id, 'deal', fullAccess({ userId: actor.id, departmentId: actor.department }), { values });
      return String(created.id);
    },
    async close() {
      await events.stop();
      await database.drop();
    },
  };
}
