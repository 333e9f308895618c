import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emittedSchemas, jsonDir, renderSchema } from './emit';

describe('schemas/json', () => {
  it.each(Object.keys(emittedSchemas))('%s matches its TypeScript source (run `pnpm --filter @tessera/schemas emit`)', (name) => {
    expect(readFileSync(join(jsonDir, name), 'utf8')).toBe(renderSchema(emittedSchemas[name]));
  });
});
