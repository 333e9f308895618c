// Runs a command with its output held back: a person starting the app needs its output only
// when it fails (a build prints ~90 lines and a chunk-size warning when it succeeds).
import { spawnSync } from 'node:child_process';

/** Runs `command args`; on failure writes what it printed to stderr. Returns its exit status. */
export function runQuietly(command, args, options = {}) {
  const run = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const status = run.status ?? 1;
  if (status !== 0) {
    process.stderr.write(run.stdout ?? '');
    process.stderr.write(run.stderr ?? '');
    if (run.error) process.stderr.write(`${run.error.message}\n`);
  }
  return status;
}
