import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, check, compileFormula, completions, diagnostics, EXPR_ERROR_CODES, type ExprNode, hover, parse, signatureHelp } from './index';
import { RELATED, SAMPLE_FIELDS } from './test-fixtures';

const options = { fields: SAMPLE_FIELDS, relatedFields: RELATED };
const PIECES = [
  '(',
  ')',
  ',',
  '.',
  '[',
  ']',
  '"',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<>',
  '<=',
  '>',
  ' ',
  '1',
  '0.5',
  'TRUE',
  'AND',
  'NOT',
  'IF',
  'SUM',
  'ROUND',
  'LEFT',
  'DATE',
  'amount',
  'qty',
  'name',
  'lines',
  '[金额]',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '金',
  '\u0000',
  '\uD800',
  '😀',
];
// Random token soup hits the parser's corners far more often than random characters do.
const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const input = fc.oneof(soup, fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
const CODES = new Set<string>(EXPR_ERROR_CODES);

describe('fuzzing the front end', () => {
  it('parse/analyze never throw, and every error has a known code and a range inside the input', () => {
    fc.assert(
      fc.property(input, (source) => {
        const parsed = parse(source);
        if (!parsed.ok) {
          expect(CODES.has(parsed.error.code)).toBe(true);
          expect(parsed.error.range.start).toBeGreaterThanOrEqual(0);
          expect(parsed.error.range.end).toBeLessThanOrEqual(source.length);
          expect(parsed.error.range.start).toBeLessThanOrEqual(parsed.error.range.end);
        }
        const analyzed = analyze(source, options);
        if (analyzed.ok) {
          const result = compileFormula(analyzed.formula).evaluate({ amount: '1.5', qty: 2, name: 'x' }, { now: 0, timeZone: 'UTC', maxSteps: 10_000 });
          expect(result.ok || CODES.has(result.error.code)).toBe(true);
        } else {
          for (const error of analyzed.errors) expect(CODES.has(error.code)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the language service never throws at any offset', () => {
    fc.assert(
      fc.property(soup, fc.nat(), (source, n) => {
        const offset = source.length === 0 ? 0 : n % (source.length + 1);
        diagnostics(source, options, 'en');
        completions(source, offset, options, 'zh-CN');
        signatureHelp(source, offset, 'en');
        hover(source, offset, options, 'en');
      }),
      { numRuns: 1000 },
    );
  });

  it('gives error values for hand-made trees that are too deep or malformed', () => {
    const range = { start: 0, end: 1 };
    let deep: unknown = { kind: 'number', value: '1', range };
    for (let i = 0; i < 50_000; i++) deep = { kind: 'unary', op: '-', operand: deep, range };
    const codes = (tree: unknown) => {
      const result = check(tree as ExprNode, options);
      return result.ok ? [] : result.errors.map((e) => e.code);
    };
    expect(codes(deep)).toEqual(['expr.too_deep']);
    expect(codes({ kind: 'eval', range })).toEqual(['expr.syntax.unexpected_token']);
    expect(codes({ kind: 'number', value: '1e999999999', range })).toEqual(['expr.syntax.unexpected_token']);
  });

  it('does not pollute Object.prototype', () => {
    for (const source of ['__proto__', '[__proto__]', '__proto__(1)', 'constructor.prototype', 'SUM(__proto__.polluted)', '[constructor].[prototype]']) {
      const analyzed = analyze(source, options);
      if (analyzed.ok)
        compileFormula(analyzed.formula).evaluate(JSON.parse('{"__proto__": {"polluted": 1}}') as Record<string, unknown>, { now: 0, timeZone: 'UTC' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
