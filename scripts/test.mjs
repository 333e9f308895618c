#!/usr/bin/env node
// The one test command: check formatting and lint (Biome), typecheck every package, run every
// vitest suite (unit, integration against PostgreSQL, end-to-end in Chromium), then print one
// plain `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const results = '.vitest-results.json';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

// Biome first: it takes seconds, and a finding says what to fix (`pnpm format` fixes formatting).
const lint = run('pnpm', ['lint']);
const typecheck = run('pnpm', ['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']);
// The end-to-end tests drive the built web app in Chromium.
const build = run('pnpm', ['--filter', '@tessera/web', 'build']);
rmSync(results, { force: true });
const vitest = run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
if (existsSync(results)) {
  const report = JSON.parse(readFileSync(results, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  // A file that failed to load has no test results; count it so it cannot hide.
  failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}
if (build !== 0) {
  failed += 1;
  console.log('web build: failed (see above)');
}
if (typecheck !== 0) {
  failed += 1;
  console.log('typecheck: failed (see above)');
}
if (lint !== 0) {
  failed += 1;
  console.log('lint: failed (see above)');
}
if (vitest !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
