import { defineConfig } from 'vitest/config';

// One vitest run for the whole workspace: on a 2-core machine one worker pool beats
// turbo spawning a vitest per package. Integration tests create their own database per file.
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/src/**/*.test.tsx',
      'apps/*/src/**/*.test.ts',
      'schemas/src/**/*.test.ts',
      'e2e/**/*.e2e.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
