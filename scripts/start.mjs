#!/usr/bin/env node
// `pnpm start`: build the web app when any of its sources is newer than the build, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  const build = spawnSync('pnpm', ['--filter', '@tessera/web', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync('pnpm', ['exec', 'tsx', 'apps/server/src/main.ts'], { stdio: 'inherit', env: process.env });
process.exit(server.status ?? 0);
