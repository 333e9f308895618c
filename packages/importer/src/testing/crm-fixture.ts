import { createReadStream } from 'node:fs';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, type LiveAppCache, type RecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import type { TableSource } from '../sheet-row';

/** Test-only: a small CRM — customers with a unique credit code, a phone, a level, an owner; contacts pointing at customers. */
export const importApp: AppDocument = {
  id: 'imp',
  label: { en: 'Import' },
  timeZone: 'Asia/Shanghai',
  objects: [
    {
      id: 'customer',
      label: { 'zh-CN': '客户', en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '客户名称', en: 'Customer name' }, required: true },
        { id: 'uscc', type: 'text', label: { 'zh-CN': '统一社会信用代码', en: 'Credit code' }, unique: true, normalize: { letterCase: 'upper' } },
        { id: 'phone', type: 'phone', label: { 'zh-CN': '手机', en: 'Mobile' }, phoneKind: 'mobile' },
        { id: 'email', type: 'email', label: { 'zh-CN': '邮箱', en: 'E-mail' } },
        { id: 'signed', type: 'date', label: { 'zh-CN': '签约日期', en: 'Signed on' } },
        // No column maps to it: every imported row gets the field's own default (ADR 0028).
        { id: 'channel', type: 'text', label: { 'zh-CN': '来源', en: 'Source' }, default: '"表格导入"' },
        { id: 'amount', type: 'currency', label: { 'zh-CN': '金额', en: 'Amount' } },
        {
          id: 'level',
          type: 'select',
          label: { 'zh-CN': '等级', en: 'Level' },
          options: [
            { value: 'a', label: { 'zh-CN': 'A 类', en: 'Class A' } },
            { value: 'b', label: { 'zh-CN': 'B 类', en: 'Class B' } },
          ],
        },
        { id: 'manager', type: 'user', label: { 'zh-CN': '客户经理', en: 'Account manager' } },
      ],
    },
    {
      id: 'contact',
      label: { 'zh-CN': '联系人', en: 'Contact' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '姓名', en: 'Name' }, required: true },
        { id: 'customer', type: 'relation', label: { 'zh-CN': '所属客户', en: 'Customer' }, target: 'customer' },
      ],
    },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['create', 'read', 'update'], rows: 'all' }] },
    {
      id: 'ops',
      label: { en: 'Sales ops' },
      permissions: [{ object: 'customer', actions: ['create', 'read', 'update', 'delete', 'import', 'export'], rows: 'all' }],
    },
  ],
};

export interface ImportFixture {
  database: TestDatabase;
  db: TestDatabase['db'];
  records: RecordService;
  liveApps: LiveAppCache;
}

/** Publishes `app` (the small CRM unless a test brings a variant of it) in a database of its own. */
export async function publishImportApp(app: AppDocument = importApp): Promise<ImportFixture> {
  const database = await createTestDatabase();
  const store = createMetadataStore(database.db);
  await store.createApp(app);
  await store.publish(app.id, { actor: null });
  const liveApps = createLiveAppCache(database.db);
  return { database, db: database.db, records: createRecordService(database.db, liveApps), liveApps };
}

export const fileSource =
  (path: string): TableSource =>
  () =>
    createReadStream(path);
