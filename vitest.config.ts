import { configDefaults, defineConfig } from 'vitest/config';

// One vitest run for the whole workspace: on a 2-core machine one worker pool beats turbo
// spawning a vitest per package. Integration tests create their own database per file and run in
// parallel; component tests render React in happy-dom; end-to-end files (each with Chromium, a server and a database) run one at a time.
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit-integration',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/src/**/*.test.tsx',
            'apps/*/src/**/*.test.ts',
            'schemas/src/**/*.test.ts',
            'bench/*/**/*.test.ts',
          ],
          // @tessera/ui's components render in the component project's happy-dom.
          exclude: [...configDefaults.exclude, 'packages/ui/src/**/*.test.tsx'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // React components of the runtime (@tessera/ui) and the web app rendered in happy-dom: what
          // a user sees and does, without a browser. Real Chromium is the e2e project's job.
          name: 'component',
          include: ['packages/ui/src/**/*.test.tsx', 'apps/web/src/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['packages/ui/src/test-support/dom-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
