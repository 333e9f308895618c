import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A command run on a terminal as a person runs it: `script` gives it a pseudo-terminal (so it
 * sees a TTY, as on `pnpm start`), `ctrlC` types Ctrl-C into it — the terminal then signals the
 * whole foreground process group, as a keyboard does.
 */
export interface TerminalRun {
  /** Everything the terminal showed so far, without carriage returns. */
  screen(): string;
  /** Resolves once the screen shows `text`; rejects if the command ends first. */
  shows(text: string): Promise<void>;
  ctrlC(): void;
  /** The exit status of the command (through `script -e`). */
  exited: Promise<number>;
  kill(): void;
}

export function runOnTerminal(command: string, env: NodeJS.ProcessEnv): TerminalRun {
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qfec', command, '/dev/null'], { cwd: REPO_ROOT, env, detached: true });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8').replaceAll('\r', '');
    for (const waiter of waiters) waiter();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return {
    screen: () => output,
    shows(text) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!output.includes(text)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
        void exited.then((code) => reject(new Error(`the command ended (${code}) before showing "${text}":\n${output}`)));
      });
    },
    ctrlC: () => child.stdin.write('\x03'),
    exited,
    kill() {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    },
  };
}
