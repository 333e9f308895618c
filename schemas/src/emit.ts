import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appSchema } from './app.schema';
import { exprAstSchema } from './expr.schema';

/** The schemas as plain .json files for tools outside TypeScript (editors, other languages). */
export const emittedSchemas: Record<string, unknown> = {
  'app.schema.json': appSchema,
  'expr.schema.json': exprAstSchema,
};

export function renderSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export const jsonDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'json');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(jsonDir, { recursive: true });
  for (const [name, schema] of Object.entries(emittedSchemas)) writeFileSync(join(jsonDir, name), renderSchema(schema));
}
