import { describe, expect, it } from 'vitest';
import { analyze, formatExprError } from './index';
import { RELATED, SAMPLE_FIELDS } from './test-fixtures';

const options = { fields: SAMPLE_FIELDS, relatedFields: RELATED };

function typeOf(source: string): string {
  const result = analyze(source, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.formula.type;
}

function errorsOf(source: string): { code: string; range: { start: number; end: number } }[] {
  const result = analyze(source, options);
  return result.ok ? [] : result.errors.map(({ code, range }) => ({ code, range }));
}

describe('typecheck', () => {
  it.each([
    ['amount * qty', 'currency'],
    ['qty / 2', 'number'],
    ['amount / qty', 'currency'],
    ['IF(qty > 1, amount, 0)', 'currency'],
    ['IF(active, name, stage)', 'text'],
    ['close_date + 3', 'date'],
    ['close_date - close_date', 'number'],
    ['created_at + 1', 'datetime'],
    ['DATEADD(created_at, 2, "hour")', 'datetime'],
    ['SUM(lines.amount)', 'currency'],
    ['COUNT(lines)', 'number'],
    ['COUNT(qty, name)', 'number'],
    ['CONTAINS(tags, "vip")', 'boolean'],
    ['owner = CURRENTUSER()', 'boolean'],
    ['name & qty & close_date', 'text'],
    ['SWITCH(stage, "won", 1, "lost", 0, 0.5)', 'number'],
    ['[金额] > 100000', 'boolean'],
  ])('%s : %s', (source, type) => expect(typeOf(source)).toBe(type));

  it.each([
    ['FOO(1)', 'expr.unknown_function', 0, 3],
    ['amount + nope', 'expr.unknown_field', 9, 13],
    ['[Nope]', 'expr.unknown_field', 0, 6],
    ['ROUND()', 'expr.arg_count', 0, 7],
    ['IFS(TRUE, 1, FALSE)', 'expr.arg_count', 0, 19],
    ['LEFT(qty, 2)', 'expr.arg_type', 5, 8],
    ['name * 2', 'expr.operand_type', 0, 8],
    ['IF(active, 1, "x")', 'expr.branch_type', 14, 17],
    ['DATEDIF(close_date, TODAY(), "w")', 'expr.arg_type', 29, 32],
    ['DATEADD(created_at, 1, "month")', 'expr.arg_type', 23, 30],
    ['close_date = created_at', 'expr.operand_type', 0, 23],
    ['SUM(lines.nope)', 'expr.bad_member', 4, 14],
    ['SUM(lines.product)', 'expr.arg_type', 0, 18],
    ['SUM(qty.amount)', 'expr.not_a_relation', 4, 14],
    ['lines + 1', 'expr.unsupported_field', 0, 5],
    ['__proto__ + 1', 'expr.unknown_field', 0, 9],
    ['__PROTO__(1)', 'expr.unknown_function', 0, 9],
    ['toString(1)', 'expr.unknown_function', 0, 8],
    ['[constructor] + [hasOwnProperty]', 'expr.unknown_field', 16, 32],
  ])('%s → %s at %i..%i', (source, code, start, end) => {
    expect(errorsOf(source)).toContainEqual({ code, range: { start, end } });
  });

  it('reports every independent error, not just the first', () => {
    expect(errorsOf('FOO(1) + nope').map((e) => e.code)).toEqual(['expr.unknown_function', 'expr.unknown_field']);
  });

  it('resolves the `constructor` field by id without touching Object.prototype', () => {
    expect(typeOf('constructor + 1')).toBe('number');
  });

  it('translates messages in zh-CN and en', () => {
    const result = analyze('FOO(1)', options);
    if (result.ok) throw new Error('expected an error');
    const error = result.errors[0];
    if (!error) throw new Error('expected an error');
    expect(formatExprError(error, 'en')).toBe('Unknown function FOO');
    expect(formatExprError(error, 'zh-CN')).toBe('未知函数 FOO');
  });

  it('translates type names inside messages', () => {
    const result = analyze('LEFT(qty, 2)', options);
    const error = result.ok ? undefined : result.errors[0];
    if (!error) throw new Error('expected an error');
    expect(formatExprError(error, 'en')).toBe('Argument 1 of LEFT must be text, got a number');
    expect(formatExprError(error, 'zh-CN')).toBe('LEFT 的第 1 个参数应为文本，实际为数字');
  });
});
