/**
 * B5's clients, in a process of their own so the benchmark can `kill -9` it mid-run: `concurrency`
 * clients take the expenses one after another and drive each through its three transitions —
 * submit, the manager's approval, finance's — through the flow engine, each step with an
 * idempotency key. Started again after a kill, they pick up every expense where it stands.
 *
 *   node --import tsx engine-clients.ts <database url> <concurrency>
 */
import { openDatabase } from '@tessera/db';
import { createDirectoryCache, createFlowDefinitions, createFlowService, FlowError, flowRecordLock } from '@tessera/flows';
import { createLiveAppCache, createRecordService } from '@tessera/records';
import { sql } from 'kysely';
import { APP_ID, FLOW_ID, OBJECT_ID } from './approval-app';

const [url, concurrencyText] = process.argv.slice(2);
const concurrency = Number(concurrencyText ?? 50);
const database = await openDatabase({ url: url ?? '', maxConnections: 20 });
const liveApps = createLiveAppCache(database.db);
const definitions = createFlowDefinitions();
const directory = createDirectoryCache(database);
await directory.start();
const records = createRecordService(database.db, liveApps, { guard: flowRecordLock(definitions) });
const flows = createFlowService({ database, records, liveApps, directory, definitions });

// Where each expense stands: not submitted, or its instance and the open task's assignee.
const { rows } = await sql<{ record: string; instance: string | null; status: string | null; assignee: string | null; initiator: string }>`
  select e.id as record, i.id as instance, i.status, t.assignee, e.created_by as initiator
  from ${sql.id(`app_${APP_ID}`, OBJECT_ID)} e
  left join flow_instances i on i.record_id = e.id and i.flow_id = ${FLOW_ID}
  left join flow_tasks t on t.instance_id = i.id and t.status = 'pending'
  where i.status is null or i.status = 'running'
  order by e.id`.execute(database.db);
let next = 0;
process.stdout.write(`ready ${rows.length}\n`);

async function client(): Promise<void> {
  for (;;) {
    const item = rows[next++];
    if (!item) return;
    let instance = item.instance;
    let assignee = item.assignee;
    if (!instance) {
      const started = await flows.start({ appId: APP_ID, flowId: FLOW_ID, recordId: item.record, initiator: item.initiator });
      instance = started.id;
      assignee = Object.values(started.state.approvals)[0]?.chains[0]?.seats[0]?.user ?? null;
    }
    while (assignee) {
      try {
        const after = await flows.act(instance, { kind: 'approve', user: assignee }, { key: `${instance}:${assignee}` });
        assignee =
          after.status === 'running' ? (Object.values(after.state.approvals)[0]?.chains[0]?.seats.find((s) => s.status === 'pending')?.user ?? null) : null;
      } catch (error) {
        if (!(error instanceof FlowError)) throw error;
        assignee = null;
      }
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, client));
process.stdout.write('done\n');
await database.close();
process.exit(0);
