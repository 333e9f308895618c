import { exprAstSchema } from '@tessera/schemas';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parse } from '../parser';
import { RELATED, SAMPLE_FIELDS } from '../test-fixtures';
import { check } from '../typecheck';

const validate = new Ajv2020({ strict: true }).compile(exprAstSchema);

const SOURCES = [
  '1 + 2 * -3 ^ 2',
  'IF([金额] > 100000, "A", "B")',
  'AND(active, NOT ISBLANK(name)) OR stage <> "won"',
  'name & " " & TEXT(amount, 2)',
  'DATEDIF(created_at, TODAY(), "d") >= 30',
  'SUM(lines.amount) + COUNT(lines)',
];

describe('expr AST JSON schema', () => {
  it.each(SOURCES)('parsed and typechecked trees of %s validate', (source) => {
    const parsed = parse(source);
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(validate(JSON.parse(JSON.stringify(parsed.ast))), JSON.stringify(validate.errors)).toBe(true);
    const checked = check(parsed.ast, { fields: SAMPLE_FIELDS, relatedFields: RELATED });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(validate(JSON.parse(JSON.stringify(checked.formula.ast))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a malformed tree', () => {
    expect(validate({ kind: 'binary', op: '%', left: { kind: 'number', value: '1', range: { start: 0, end: 1 } }, range: { start: 0, end: 3 } })).toBe(false);
    expect(validate({ kind: 'number', value: '1e9', range: { start: 0, end: 3 } })).toBe(false);
  });
});
