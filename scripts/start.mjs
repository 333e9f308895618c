#!/usr/bin/env node
// `pnpm start`: build the web app when any of its sources is newer than the build, then run the server.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runQuietly } from './quiet-run.mjs';

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

// The bundle is the web app plus the workspace packages it imports.
const sources = [
  'apps/web/src',
  'apps/web/index.html',
  'packages/ui/src',
  'packages/studio/src',
  'packages/forms/src',
  'packages/expr/src',
  'packages/i18n/src',
  'schemas/src',
];
const changed = (path) => (statSync(path).isDirectory() ? newest(path) : statSync(path).mtimeMs);
const dist = 'apps/web/dist/index.html';
if (!existsSync(dist) || Math.max(...sources.filter(existsSync).map(changed)) > statSync(dist).mtimeMs) {
  process.stdout.write('Building the web app (about a minute; its output is shown only if it fails)…\n');
  const status = runQuietly('pnpm', ['--filter', '@tessera/web', 'build']);
  if (status !== 0) process.exit(status);
}

// The server runs in node directly (no pnpm or tsx process between). `exec` in package.json makes
// this script pnpm's own child, so pnpm waits for its exit code rather than seeing a shell die of
// the signal (and printing ELIFECYCLE). Ctrl-C reaches the server with the rest of the terminal's
// process group: it closes the database and exits 0, and so does this script.
const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], { stdio: 'inherit', env: process.env });
// Ctrl-C already reaches the server from the terminal, and pnpm sends this script one more SIGINT
// for it: passing that on would be a second Ctrl-C, which cuts the clean stop short. A stop sent
// to this process or to pnpm alone (a supervisor's SIGTERM) is passed on; when the whole group
// got it, the server takes the repeat as the same stop (apps/server/src/shutdown.ts).
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
