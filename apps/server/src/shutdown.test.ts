import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./faults/stop-on-signals.ts', import.meta.url));
let child: ChildProcessWithoutNullStreams | null = null;
afterEach(() => child?.kill('SIGKILL'));

/** The fixture process, its output so far, and a wait for a line of it. */
function startStopper() {
  child = spawn(process.execPath, ['--import', 'tsx', fixture], { stdio: 'pipe' });
  let output = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters) waiter();
  });
  const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));
  /** Resolves once `line` was printed `times` times. */
  const shows = (line: string, times = 1) =>
    new Promise<void>((resolve, reject) => {
      void exited.then((code) => reject(new Error(`exited (${code}) before printing "${line}" ${times}×:\n${output}`)));
      const check = () => {
        if (output.split('\n').filter((l) => l === line).length < times) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  return { process: child, shows, exited, output: () => output };
}

describe('closeOnStop', () => {
  // A SIGTERM to the whole process group reaches the server directly and again through
  // scripts/start.mjs; the second used to count as "stop now" (exit 1, pnpm's ELIFECYCLE).
  it('takes a SIGTERM or SIGHUP repeated while it closes as the same stop, and exits 0 once closed', async () => {
    const stopper = startStopper();
    await stopper.shows('ready');
    stopper.process.kill('SIGTERM');
    await stopper.shows('closing');
    stopper.process.kill('SIGTERM');
    // The repeat reached the process (its second "got SIGTERM") and it is still there, closing.
    await stopper.shows('got SIGTERM', 2);
    stopper.process.kill('SIGHUP');
    await stopper.shows('got SIGHUP');
    stopper.process.stdin.write('close now\n');
    expect(await stopper.exited).toBe(0);
    expect(stopper.output()).toContain('closed');
    expect(stopper.output().match(/closing/g)).toHaveLength(1);
  });

  it('still exits at once with 1 on a second Ctrl-C (SIGINT) while it closes', async () => {
    const stopper = startStopper();
    await stopper.shows('ready');
    stopper.process.kill('SIGINT');
    await stopper.shows('closing');
    stopper.process.kill('SIGINT');
    expect(await stopper.exited).toBe(1);
    expect(stopper.output()).not.toContain('closed');
  });
});
