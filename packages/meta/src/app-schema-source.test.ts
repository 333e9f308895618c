import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appSchema } from '@tessera/schemas';
import type { ValidateFunction } from 'ajv/dist/2020';
import { afterAll, describe, expect, it } from 'vitest';
import { appSchemaValidatorSource } from './app-schema-source';
import { validateApp } from './app-schema-validator';
import { salesApp } from './test-fixtures';

const sales = salesApp();
// Beside the package's own node_modules, so the source's imports of ajv's runtime helpers resolve.
const generatedFile = fileURLToPath(new URL(`../node_modules/.app-schema-validator-${process.pid}.mjs`, import.meta.url));
afterAll(() => rmSync(generatedFile, { force: true }));

/** Documents that exercise what the standalone source must do like the compiled one: lengths in code points, deep equality, unknown keys. */
const documents: unknown[] = [
  sales,
  { ...sales, label: { en: '客'.repeat(200) } },
  { ...sales, label: { en: '𠀀'.repeat(201) } },
  { ...sales, colour: 'red', objects: [{ id: 'x' }] },
  { id: 42 },
];

describe('the app schema validator generated ahead of time for the browser', () => {
  it('accepts and refuses exactly what the run-time validator does, with the same errors', async () => {
    writeFileSync(generatedFile, appSchemaValidatorSource(appSchema));
    const generated = (await import(/* @vite-ignore */ generatedFile)) as { validateApp: ValidateFunction };
    expect(appSchemaValidatorSource(appSchema)).not.toMatch(/require\(|new Function|eval\(/);
    for (const document of documents) {
      const expected = validateApp(document);
      expect(generated.validateApp(document)).toBe(expected);
      expect(generated.validateApp.errors ?? null).toEqual(validateApp.errors ?? null);
    }
    expect(documents.map((document) => validateApp(document))).toEqual([true, true, false, false, false]);
  });
});
