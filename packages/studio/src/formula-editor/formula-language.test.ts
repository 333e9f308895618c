import { FUNCTION_DOCS, type Token, tokenize } from '@tessera/expr';
import type { languages } from 'monaco-editor/editor';
import { describe, expect, it } from 'vitest';
import { FORMULA_KEYWORDS, formulaMonarch } from './formula-language';

interface Cases {
  readonly cases: Readonly<Record<string, string>>;
}
const hasCases = (action: unknown): action is Cases => typeof action === 'object' && action !== null && 'cases' in action;

function listOf(name: string): readonly string[] {
  const list: unknown = (formulaMonarch as Record<string, unknown>)[name];
  return Array.isArray(list) ? list.map(String) : [];
}

/** Monarch's `cases`: `@list` names a keyword list (case-insensitive here, as the language is). */
function resolve(action: unknown, text: string): string {
  if (typeof action === 'string') return action === '@brackets' ? 'delimiter.parenthesis' : action;
  if (!hasCases(action)) throw new Error('unsupported action');
  for (const [guard, token] of Object.entries(action.cases)) {
    if (guard === '@default') return token;
    if (listOf(guard.slice(1)).some((word) => word.toUpperCase() === text.toUpperCase())) return token;
  }
  throw new Error('no default case');
}

/** The subset of Monarch the formula grammar uses: regex rules, cases, `@state` pushes and `@pop`. */
function runMonarch(source: string): string[] {
  const classes: string[] = [];
  const stack = ['root'];
  let pos = 0;
  while (pos < source.length) {
    const rules = (formulaMonarch.tokenizer[stack[stack.length - 1] as string] ?? []) as readonly unknown[];
    let matched = false;
    for (const rule of rules) {
      if (!Array.isArray(rule)) continue;
      const [regex, action, next] = rule as [RegExp, unknown, string | undefined];
      const sticky = new RegExp(regex.source, `yiu`);
      sticky.lastIndex = pos;
      const match = sticky.exec(source);
      if (!match || match[0] === '') continue;
      const token = resolve(action, match[0]);
      for (let i = 0; i < match[0].length; i++) classes.push(token);
      pos += match[0].length;
      if (next === '@pop') stack.pop();
      else if (next) stack.push(next.slice(1));
      matched = true;
      break;
    }
    if (!matched) {
      classes.push(formulaMonarch.defaultToken ?? 'source');
      pos++;
    }
  }
  return classes;
}

function expectedClass(token: Token): string {
  switch (token.kind) {
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'bracket':
      return 'variable.field';
    case 'op':
      return 'operator';
    case '(':
    case ')':
      return 'delimiter.parenthesis';
    case ',':
    case '.':
      return 'delimiter';
    case 'ident': {
      const upper = token.text.toUpperCase();
      if (FORMULA_KEYWORDS.some((k) => k === upper)) return 'keyword';
      return FUNCTION_DOCS.some((doc) => doc.name === upper) ? 'predefined' : 'variable.name';
    }
    default:
      return 'eof';
  }
}

const SAMPLES = [
  'IF([Credit limit] > 100, "big", "small")',
  'SUM(lines.amount) * 1.13 - .5',
  'if([金额] >= 100000 and not isblank(电话), "A ""quoted""", "B")',
  'DATEDIF(created_at, TODAY(), "d") <> 3 & [客户等级] <= 2 ^ 3 / 4',
  'CONCAT(名称, "\n第二行") = TRUE OR false',
  'COUNT([明细].[金额]) + 客户_1',
];

describe('the Monarch tokenizer agrees with the expr lexer', () => {
  it.each(SAMPLES)('%s', (source) => {
    const classes = runMonarch(source);
    for (const token of tokenize(source)) {
      if (token.kind === 'eof') continue;
      const expected = expectedClass(token);
      for (let i = token.range.start; i < token.range.end; i++) {
        expect(classes[i]?.startsWith(expected), `${source.slice(token.range.start, token.range.end)} at ${i}: ${classes[i]}`).toBe(true);
      }
    }
  });

  it('colours every library function, in any case', () => {
    for (const doc of FUNCTION_DOCS) {
      const expected = FORMULA_KEYWORDS.some((k) => k === doc.name) ? 'keyword' : 'predefined';
      expect(runMonarch(doc.name.toLowerCase())[0], doc.name).toBe(expected);
    }
  });

  it('marks unclosed brackets and unknown characters', () => {
    expect(runMonarch('[未完')[0]).toBe('variable.invalid');
    expect(runMonarch('1 ; 2')[2]).toBe('invalid');
    // An unclosed string stays a string to the end (and on the next lines).
    expect(runMonarch('"abc').every((c) => c === 'string')).toBe(true);
  });

  it('is valid Monarch data', () => {
    const language: languages.IMonarchLanguage = formulaMonarch;
    expect(language.unicode).toBe(true);
    expect(language.ignoreCase).toBe(true);
  });
});
