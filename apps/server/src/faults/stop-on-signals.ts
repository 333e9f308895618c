/**
 * Test-only: a process that stops the way the server does (`closeOnStop`), with a close that
 * lasts until the test writes a line to its stdin. Prints `ready`, `got <signal>` for every signal
 * that reaches it, `closing` when the close starts and `closed` when it ends.
 *
 *   node --import tsx stop-on-signals.ts
 */
import { createInterface } from 'node:readline';
import { closeOnStop } from '../shutdown';

const say = (line: string) => process.stdout.write(`${line}\n`);
const finish = new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
closeOnStop(async () => {
  say('closing');
  await finish;
  say('closed');
});
for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(signal, () => say(`got ${signal}`));
// Something to keep the process alive until it is stopped, as a listening server does.
setInterval(() => {}, 60_000);
say('ready');
