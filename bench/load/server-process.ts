import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@tessera/db/testing';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  base: string;
  pid: number;
  metricsToken: string;
  /** The last lines the server printed (for a failure's report). */
  output(): string;
  /** The server's warnings and errors over the run, counted by message: what a 5xx or a slow minute was. */
  warnings(): Map<string, number>;
  /** SIGTERM, and the exit code once it has stopped. */
  stop(): Promise<number | null>;
}

/**
 * The server as `pnpm start` runs it (`apps/server/src/main.ts` in its own node process, no
 * pnpm or tsx process between, so `pid` is the server's), on an already seeded database: the
 * demo is there, so the first-start install is skipped. Warnings and errors only in its log, so
 * printing 100 request lines a second does not become part of what is measured.
 */
export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const metricsToken = randomBytes(16).toString('hex');
  const scratch = mkdtempSync(join(tmpdir(), 'tessera-bench-load-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      TESSERA_SKIP_DEMO: '1',
      TESSERA_METRICS_TOKEN: metricsToken,
      TESSERA_FILES_DIR: join(scratch, 'files'),
      TESSERA_BACKUP_DIR: join(scratch, 'backups'),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  const warnings = new Map<string, number>();
  let partial = '';
  const tallyLines = (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const message = warningOf(line);
      if (message) warnings.set(message, (warnings.get(message) ?? 0) + 1);
    }
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', keep);
    stream.on('data', tallyLines);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const ready = () => {
      if (output.includes('Tessera is running at')) resolve();
    };
    child.stdout!.on('data', ready);
    child.stderr!.on('data', ready);
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it listened:\n${output}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    metricsToken,
    output: () => output,
    warnings: () => warnings,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(scratch, { recursive: true, force: true });
      return code;
    },
  };
}

/** A log line at warning level or above (pino's JSON, or Node's own `Warning:` lines), as one short message; null for any other line. */
function warningOf(line: string): string | null {
  if (line.startsWith('{')) {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) < 40) return null;
      // Slow-request lines differ only by record id and time: counted as one message.
      const message = (entry.msg ?? '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/ \d+ ms$/, ' (slow)');
      return `${message}${entry.err?.message ? `: ${entry.err.message}` : ''}`.slice(0, 200);
    } catch {
      return null;
    }
  }
  const warning = /Warning: (.*)$/.exec(line)?.[1];
  return warning ? warning.slice(0, 200) : null;
}
