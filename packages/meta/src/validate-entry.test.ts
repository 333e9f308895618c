import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

/** Every package a module of this folder imports, following its relative imports (type-only ones left out: they vanish). */
function packagesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(SRC, file), 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      if (/^\s*(?:import|export)\s+type\s/.test(match[0])) continue;
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('./')) visit(`${specifier.slice(2)}.ts`);
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe('@tessera/meta/validate', () => {
  it('reaches only browser-safe packages: no database, no kysely, no node modules', () => {
    const reached = [...packagesReachedFrom('validate.ts')].sort();
    // cron-parser (the flow checks' schedule trigger) is plain JavaScript over luxon: the studio's browser build runs it.
    expect(reached).toEqual(['@tessera/expr', '@tessera/forms', '@tessera/i18n', '@tessera/schemas', 'ajv/dist/2020', 'cron-parser']);
  });

  it('gives the same verdict as the server path', async () => {
    const entry = await import('./validate');
    const server = await import('./index');
    const broken = {
      id: 'x',
      label: { en: 'X' },
      objects: [{ id: 'a', label: { en: 'A' }, fields: [{ id: 'r', type: 'relation', label: { en: 'R' }, target: 'nowhere' }] }],
    };
    expect(entry.validateDocument(broken)).toEqual(server.validateDocument(broken));
    expect(entry.validateDocument).toBe(server.validateDocument);
  });
});
