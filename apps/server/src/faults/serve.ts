/**
 * Test-only: the server as its own process on a test database, for tests that `kill -9` it.
 * Prints `listening <port>` once it serves.
 *
 *   node --import tsx serve.ts <database url> [files folder] [import lease ms]
 */
import { openDatabase } from '@tessera/db';
import { buildServer } from '../server';

const [url, filesDir, importLeaseMs] = process.argv.slice(2);
if (!url) throw new Error('usage: serve <database url> [files folder] [import lease ms]');
const database = await openDatabase({ url, maxConnections: 6 });
const app = await buildServer({ database, eventPollMs: 200, filesDir, importLeaseMs: importLeaseMs ? Number(importLeaseMs) : undefined });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
process.stdout.write(`listening ${port}\n`);
