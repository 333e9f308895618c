import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { lockDataDir } from '@tessera/db';
import { afterAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tessera-second-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a second pnpm start on the same embedded data folder', () => {
  it('is refused before it opens the folder, naming the process that has it and what to do', { timeout: 120_000 }, async () => {
    const dataDir = join(root, 'pglite');
    // This test process stands for the running server: it holds the folder's lock.
    const held = lockDataDir(dataDir);
    try {
      const { DATABASE_URL: _postgres, ...env } = process.env;
      const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', main], { env: { ...env, TESSERA_DATA_DIR: dataDir, PORT: '0' } }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(`Tessera failed to start: the embedded database in ${dataDir} is open in another process (pid ${process.pid})`);
      expect(failed?.stderr).toContain('TESSERA_DATA_DIR');
      expect(failed?.stderr).not.toMatch(/\n\s+at /);
    } finally {
      held.release();
    }
  });
});
