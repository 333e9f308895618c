import { type AccessPolicy, compilePolicy, fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createEventDispatcher, type EventDispatcher } from '@tessera/events';
import { createDepartment, createUser } from '@tessera/identity';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, dataVersionsSubscriber, type RecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';

/**
 * Test-only: a sales app with customers, their deals — stage, amount, a close date-time and date,
 * and a margin the rep role may not see — and the deals' contracts, with roles whose row scopes
 * differ by object: a rep sees every customer (but not its credit limit) and their own deals and
 * contracts, a manager their department tree's customers, deals and contracts, a director all.
 */
export const salesApp: AppDocument = {
  id: 'sales',
  label: { en: 'Sales' },
  timeZone: 'Asia/Shanghai',
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer', 'zh-CN': '客户' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        {
          id: 'industry',
          type: 'select',
          label: { en: 'Industry' },
          options: [
            { value: 'retail', label: { en: 'Retail', 'zh-CN': '零售' } },
            { value: 'energy', label: { en: 'Energy', 'zh-CN': '能源' } },
            { value: 'finance', label: { en: 'Finance', 'zh-CN': '金融' } },
          ],
        },
        { id: 'employees', type: 'number', label: { en: 'Employees' } },
        { id: 'credit_limit', type: 'currency', label: { en: 'Credit limit' } },
      ],
    },
    {
      id: 'sales_target',
      label: { en: 'Sales target', 'zh-CN': '销售目标' },
      fields: [
        { id: 'month', type: 'date', label: { en: 'Month' } },
        { id: 'amount', type: 'currency', label: { en: 'Amount' } },
      ],
    },
    {
      id: 'contract',
      label: { en: 'Contract', 'zh-CN': '合同' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'deal', type: 'relation', target: 'deal', label: { en: 'Deal' } },
        { id: 'value', type: 'currency', label: { en: 'Value' } },
      ],
    },
    {
      id: 'deal',
      label: { en: 'Deal', 'zh-CN': '商机' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'customer', type: 'relation', target: 'customer', label: { en: 'Customer' } },
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
    {
      id: 'rep',
      label: { en: 'Rep' },
      permissions: [
        { object: 'deal', actions: ['read', 'create', 'update'], rows: 'own', hiddenFields: ['margin'] },
        { object: 'customer', actions: ['read'], rows: 'all', hiddenFields: ['credit_limit'] },
        { object: 'contract', actions: ['read'], rows: 'own' },
        { object: 'sales_target', actions: ['read'], rows: 'own' },
      ],
    },
    {
      id: 'manager',
      label: { en: 'Manager' },
      permissions: [
        { object: 'deal', actions: ['read', 'create', 'update'], rows: 'department_tree' },
        { object: 'customer', actions: ['read'], rows: 'department_tree' },
        { object: 'contract', actions: ['read'], rows: 'department_tree' },
        { object: 'sales_target', actions: ['read'], rows: 'department_tree' },
      ],
    },
    {
      id: 'director',
      label: { en: 'Director' },
      permissions: [
        { object: 'deal', actions: ['read'], rows: 'all' },
        { object: 'customer', actions: ['read'], rows: 'all' },
        { object: 'contract', actions: ['read'], rows: 'all' },
        { object: 'sales_target', actions: ['read'], rows: 'all' },
      ],
    },
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
  /** Creates a record of any object owned by `owner`, in their department. */
  record(owner: keyof SalesTeam['people'], object: string, values: Record<string, unknown>): Promise<string>;
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
  const record: SalesTeam['record'] = async (owner, object, values) => {
    const actor = people[owner];
    const created = await records.create(document.id, object, fullAccess({ userId: actor.id, departmentId: actor.department }), { values });
    return String(created.id);
  };
  return {
    database,
    records,
    events,
    people,
    deal: (owner, values) => record(owner, 'deal', values),
    record,
    async close() {
      await events.stop();
      await database.drop();
    },
  };
}
