import { fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, type RecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowDefinitions } from './definitions';
import { createDirectoryCache } from './directory';
import { createFlowService, type FlowService } from './flow-service';
import { flowRecordLock } from './record-lock';

const STATES = { running: 'in_approval', returned: 'returned', approved: 'active', rejected: 'draft', withdrawn: 'draft', cancelled: 'draft' };

const app: AppDocument = {
  id: 'contracts',
  label: { en: 'Contracts' },
  objects: [
    {
      id: 'contract',
      label: { en: 'Contract' },
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        {
          id: 'status',
          type: 'select',
          label: { en: 'Status' },
          options: ['draft', 'in_approval', 'returned', 'active'].map((value) => ({ value, label: { en: value } })),
        },
      ],
    },
  ],
  flows: [
    {
      id: 'sign_off',
      label: { en: 'Contract sign-off' },
      object: 'contract',
      trigger: { kind: 'submit' },
      statusField: { field: 'status', values: STATES },
      nodes: [{ id: 'legal', kind: 'approval', approvers: [{ kind: 'user', users: ['00000000-0000-4000-8000-000000000001'] }] }],
    },
  ],
};

let database: TestDatabase;
let records: RecordService;
let flows: FlowService;
const admin = fullAccess({ userId: null, departmentId: null });

beforeAll(async () => {
  database = await createTestDatabase();
  await sql`insert into users (id, email, name, password_hash) values
    ('00000000-0000-4000-8000-000000000001', 'legal@x', 'Legal', 'x'), ('00000000-0000-4000-8000-000000000002', 'rep@x', 'Rep', 'x')`.execute(database.db);
  const store = createMetadataStore(database.db);
  await store.createApp(app);
  await store.publish('contracts', { actor: null });
  const liveApps = createLiveAppCache(database.db);
  const definitions = createFlowDefinitions();
  const directory = createDirectoryCache(database);
  await directory.start();
  records = createRecordService(database.db, liveApps, { guard: flowRecordLock(definitions) });
  flows = createFlowService({ database, records, liveApps, directory, definitions });
});
afterAll(async () => {
  await database?.drop();
});

describe("a flow's status field", () => {
  it('shows where the approval stands: in approval, returned, in approval again, then active — each change in the record history, caused by the flow', async () => {
    const legal = '00000000-0000-4000-8000-000000000001';
    const rep = '00000000-0000-4000-8000-000000000002';
    const { id } = await records.create('contracts', 'contract', admin, { values: { title: 'Annual support', status: 'draft' } });
    const contract = { id: String(id) };
    const status = async () => (await records.get('contracts', 'contract', admin, contract.id)).status;

    const started = await flows.start({ appId: 'contracts', flowId: 'sign_off', recordId: contract.id, initiator: rep });
    expect(await status()).toBe('in_approval');
    await flows.act(started.id, { kind: 'return', user: legal, to: 'initiator', comment: 'Wrong term' });
    expect(await status()).toBe('returned');
    await flows.act(started.id, { kind: 'resubmit', user: rep });
    expect(await status()).toBe('in_approval');
    await flows.act(started.id, { kind: 'comment', user: rep, text: 'Fixed' });
    await flows.act(started.id, { kind: 'approve', user: legal });
    expect(await status()).toBe('active');

    const history = await records.history('contracts', 'contract', admin, contract.id);
    const statusChanges = history.filter((h) => h.operation === 'update' && h.changes.some((c) => c.field === 'status'));
    expect(statusChanges.map((h) => [h.source, h.changes.find((c) => c.field === 'status')?.new])).toEqual([
      ['flow', 'active'],
      ['flow', 'in_approval'],
      ['flow', 'returned'],
      ['flow', 'in_approval'],
    ]);
  });
});
