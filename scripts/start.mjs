#!/usr/bin/env node
// `pnpm start`: build the web app when its sources are newer than the build, then run the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
  const path = join(dir, entry.name);
  return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
}, 0);

const dist = 'apps/web/dist/index.html';
if (!existsSync(dist) || newest('apps/web/src') > statSync(dist).mtimeMs) {
  const build = spawnSync('pnpm', ['--filter', '@tessera/web', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync('pnpm', ['exec', 'tsx', 'apps/server/src/main.ts'], { stdio: 'inherit', env: process.env });
process.exit(server.status ?? 0);
