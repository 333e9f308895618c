/**
 * Test-only: a server process as far as the flow engine's timers go. It runs the timer queue like
 * the server does, but notes each timer in a log before its transaction commits and dawdles there,
 * so a test can `kill -9` it in the middle of a transition.
 *
 *   node --import tsx engine-worker.ts <database url> <attempts log>
 */
import { appendFileSync } from 'node:fs';
import { openDatabase } from '@tessera/db';
import { createJobRunner } from '@tessera/jobs';
import { createLiveAppCache, createRecordService } from '@tessera/records';
import type { FlowCommand } from '../flow-step';
import { TIMER_QUEUE } from '../runtime/apply-effects';
import { createFlowDefinitions } from '../runtime/definitions';
import { createDirectoryCache } from '../runtime/directory';
import { createFlowService } from '../runtime/flow-service';
import { flowRecordLock } from '../runtime/record-lock';

const [url, log] = process.argv.slice(2);
if (!url || !log) throw new Error('usage: engine-worker <database url> <attempts log>');
const database = await openDatabase({ url, maxConnections: 4 });
const liveApps = createLiveAppCache(database.db);
const definitions = createFlowDefinitions();
const directory = createDirectoryCache(database);
await directory.start();
const records = createRecordService(database.db, liveApps, { guard: flowRecordLock(definitions) });
const flows = createFlowService({ database, records, liveApps, directory, definitions });
const jobs = createJobRunner(database, { pollMs: 50 });
jobs.transactional(
  TIMER_QUEUE,
  async (job, tx) => {
    const { instance, command } = job.payload as { instance: string; command: FlowCommand };
    await flows.act(instance, command, { key: `job:${job.id}` }, tx);
    appendFileSync(log, `${process.pid} ${job.id}\n`);
    await new Promise((resolve) => setTimeout(resolve, 40));
    return { applied: true };
  },
  { slots: 2 },
);
await jobs.start();
process.stdout.write('ready\n');
