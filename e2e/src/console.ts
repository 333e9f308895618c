import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  /** The command's process id: it leads the terminal's session and process group. */
  pid(): number;
  /** The exit status of the command (through `script -e`), once everything it printed was read. */
  exited: Promise<number>;
  kill(): void;
}

/** The processes `pid` started (Linux's /proc; empty once it has ended). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The command line of a running process, for finding one in a tree. */
export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}

export function runOnTerminal(command: string, env: NodeJS.ProcessEnv): TerminalRun {
  // `exec`: the command itself leads the terminal's session, as a job started from a person's
  // shell does. Without it `script` runs `$SHELL -c command`; with SHELL unset or /bin/sh (dash),
  // that shell stays between the terminal and the command, dies of the Ctrl-C meant for the
  // command, and `script` reports 130 while the command is still closing.
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qfec', `exec ${command}`, '/dev/null'], { cwd: REPO_ROOT, env, detached: true });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8').replaceAll('\r', '');
    for (const waiter of waiters) waiter();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  // 'close', not 'exit': the last lines (an ELIFECYCLE, say) may still be in the pipe at 'exit'.
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
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
    pid() {
      const [leader] = child.pid ? childrenOf(child.pid) : [];
      if (!leader) throw new Error(`the command is not running:\n${output}`);
      return leader;
    },
    exited,
    kill() {
      if (child.exitCode !== null || !child.pid) return;
      // The command's own process group first: it is a session of its own, which `script` ending does not end.
      for (const pid of [...childrenOf(child.pid), child.pid]) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
  };
}
