import { createInterface } from 'node:readline';
import { type DataDirLock, lockDataDir } from './data-dir-lock';

/**
 * Test-only: a process that tries to take a data folder's lock on each `take <folder>` line of its
 * input and answers `took` or `refused <pid>`; `release` lets go. Started once and kept, so that
 * several of them, told at once, race for the lock in the same instant.
 */
let held: DataDirLock | null = null;
for await (const line of createInterface({ input: process.stdin })) {
  const [command, dataDir] = line.split(' ');
  if (command === 'take' && dataDir) {
    try {
      held = lockDataDir(dataDir);
      process.stdout.write('took\n');
    } catch (error) {
      process.stdout.write(`refused ${(error as { pid?: number }).pid ?? String(error)}\n`);
    }
  } else if (command === 'release') {
    held?.release();
    held = null;
    process.stdout.write('released\n');
  }
}
