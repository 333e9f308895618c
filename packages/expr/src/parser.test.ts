import { describe, expect, it } from 'vitest';
import { type ExprNode, MAX_DEPTH, parse } from './index';

/** A compact rendering of a tree, to assert structure without ranges. */
function show(node: ExprNode): string {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'text':
      return JSON.stringify(node.value);
    case 'boolean':
      return String(node.value).toUpperCase();
    case 'field':
      return node.member === null ? `{${node.name}}` : `{${node.name}.${node.member}}`;
    case 'unary':
      return `(${node.op}${show(node.operand)})`;
    case 'binary':
      return `(${show(node.left)} ${node.op} ${show(node.right)})`;
    case 'call':
      return `${node.name}(${node.args.map(show).join(', ')})`;
    case 'aggregate':
      return `${node.fn}[${node.relation}.${node.field}]`;
  }
}

function tree(source: string): string {
  const result = parse(source);
  if (!result.ok) throw new Error(result.error.code);
  return show(result.ast);
}

describe('parse', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['-2 ^ 2', '((-2) ^ 2)'],
    ['2 ^ 3 ^ 2', '((2 ^ 3) ^ 2)'],
    ['a & b = "x"', '(({a} & {b}) = "x")'],
    ['a > 1 AND b < 2 OR NOT c', 'OR(AND(({a} > 1), ({b} < 2)), NOT({c}))'],
    ['if(true, "a""b", [金额])', 'IF(TRUE, "a\\"b", {金额})'],
    ['SUM(lines.amount) + COUNT([明细])', '(SUM({lines.amount}) + COUNT({明细}))'],
    ['[Line items].[Unit price]', '{Line items.Unit price}'],
    ['TODAY()', 'TODAY()'],
    ['.5 <> 1.25', '(.5 <> 1.25)'],
    ['a<=b', '({a} <= {b})'],
  ])('%s → %s', (source, expected) => expect(tree(source)).toBe(expected));

  it('gives every node a source range', () => {
    const result = parse('IF(amount > 10, "A", "B")');
    if (!result.ok) throw new Error('parse failed');
    expect(result.ast.range).toEqual({ start: 0, end: 25 });
    expect(result.ast.kind === 'call' && result.ast.nameRange).toEqual({ start: 0, end: 2 });
    expect(result.ast.kind === 'call' && result.ast.args[0]?.range).toEqual({ start: 3, end: 14 });
    expect(Object.isFrozen(result.ast)).toBe(true);
  });

  it.each([
    ['1 +', 'expr.syntax.unexpected_end', 3, 3],
    ['SUM(1, 2', 'expr.syntax.missing_paren', 3, 8],
    ['(1 + 2', 'expr.syntax.missing_paren', 0, 6],
    ['1 + 2)', 'expr.syntax.unexpected_token', 5, 6],
    ['"abc', 'expr.syntax.unclosed_string', 0, 4],
    ['[金额 + 1', 'expr.syntax.unclosed_bracket', 0, 7],
    ['1 # 2', 'expr.syntax.invalid_character', 2, 3],
    ['1 2', 'expr.syntax.unexpected_token', 2, 3],
    ['SUM(,)', 'expr.syntax.unexpected_token', 4, 5],
  ])('%s → %s at %i..%i', (source, code, start, end) => {
    const result = parse(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code, range: { start, end } });
  });

  it('refuses absurd nesting and length with a precise error, not a stack overflow', () => {
    const deep = parse(`${'('.repeat(4000)}1${')'.repeat(4000)}`);
    expect(!deep.ok && deep.error.code).toBe('expr.too_deep');
    const chain = parse(Array.from({ length: MAX_DEPTH + 5 }, () => '1').join(' + '));
    expect(!chain.ok && chain.error.code).toBe('expr.too_deep');
    const long = parse('1'.repeat(20_000));
    expect(!long.ok && long.error).toMatchObject({ code: 'expr.too_long', range: { start: 10_000, end: 20_000 } });
  });
});
