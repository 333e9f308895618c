/**
 * Test-only: a server process as far as record events go — a dispatcher with one subscriber that
 * writes a receipt per event in the delivering transaction. Before committing it notes the batch
 * in a log and dawdles, so a test can `kill -9` it in the middle of a delivery.
 *
 *   node --import tsx event-consumer.ts <database url> <attempts log>
 */
import { appendFileSync } from 'node:fs';
import { openDatabase } from '@tessera/db';
import { createEventDispatcher } from '@tessera/events';
import { sql } from 'kysely';

const [url, log] = process.argv.slice(2);
if (!url || !log) throw new Error('usage: event-consumer <database url> <attempts log>');
const database = await openDatabase({ url, maxConnections: 3 });
const dispatcher = createEventDispatcher(database, { pollMs: 50, batchSize: 5 });
await dispatcher.subscribe({
  name: 'crash.receipts',
  async handle(events, tx) {
    for (const e of events)
      await sql`insert into receipts (event_id, record_id, version, operation) values (${e.id}, ${e.recordId}, ${e.version}, ${e.operation})`.execute(tx);
    appendFileSync(log, `${process.pid} ${events.map((e) => e.id).join(',')}\n`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  },
});
await dispatcher.start();
process.stdout.write('ready\n');
