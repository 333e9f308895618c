import {
  BinaryNode,
  type BinaryOperator,
  BooleanNode,
  CallNode,
  childrenOf,
  type ExprNode,
  FieldNode,
  NumberNode,
  SourceRange,
  TextNode,
  UnaryNode,
} from './ast';
import { type ExprError, ExprFailure, exprError } from './errors';
import { type Token, tokenize } from './lexer';

export const MAX_SOURCE_LENGTH = 10_000;
export const MAX_DEPTH = 100;

export type ParseResult = { ok: true; ast: ExprNode } | { ok: false; error: ExprError };

// Binding powers, loosest first. As in Excel, unary minus binds tighter than ^ (-2^2 = 4)
// and ^ is left-associative (2^3^2 = 64).
const INFIX_POWER: Record<string, number> = {
  OR: 1,
  AND: 2,
  '=': 4,
  '<>': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '&': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '^': 8,
};
const NOT_POWER = 3;
const UNARY_POWER = 9;

class Parser {
  private index = 0;
  private recursion = 0;
  private readonly depths = new WeakMap<ExprNode, number>();

  constructor(private readonly tokens: readonly Token[]) {}

  parseFormula(): ExprNode {
    const node = this.parseExpression(0);
    const next = this.peek();
    if (next.kind === ')') throw new ExprFailure(exprError('expr.syntax.unexpected_token', next.range, { token: ')' }));
    if (next.kind !== 'eof') this.unexpected(next);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private unexpected(token: Token): never {
    if (token.kind === 'eof') throw new ExprFailure(exprError('expr.syntax.unexpected_end', token.range));
    throw new ExprFailure(exprError('expr.syntax.unexpected_token', token.range, { token: token.text }));
  }

  /** Every composite node goes through here, so neither nesting nor long chains exceed MAX_DEPTH. */
  private track<T extends ExprNode>(node: T): T {
    let depth = 1;
    for (const child of childrenOf(node)) depth = Math.max(depth, (this.depths.get(child) ?? 1) + 1);
    if (depth > MAX_DEPTH) throw new ExprFailure(exprError('expr.too_deep', node.range, { max: MAX_DEPTH }));
    this.depths.set(node, depth);
    return node;
  }

  private infixOperator(token: Token): string | null {
    if (token.kind === 'op') return token.text;
    if (token.kind === 'ident') {
      const upper = token.text.toUpperCase();
      if (upper === 'AND' || upper === 'OR') return upper;
    }
    return null;
  }

  private parseExpression(minPower: number): ExprNode {
    if (++this.recursion > MAX_DEPTH) {
      throw new ExprFailure(exprError('expr.too_deep', this.peek().range, { max: MAX_DEPTH }));
    }
    let left = this.parsePrefix();
    for (;;) {
      const token = this.peek();
      const op = this.infixOperator(token);
      const power = op === null ? undefined : INFIX_POWER[op];
      if (op === null || power === undefined || power <= minPower) break;
      this.next();
      const right = this.parseExpression(power);
      const range = SourceRange.span(left.range, right.range);
      left = this.track(
        op === 'AND' || op === 'OR' ? CallNode.create(op, [left, right], token.range, range) : BinaryNode.create(op as BinaryOperator, left, right, range),
      );
    }
    this.recursion--;
    return left;
  }

  private parsePrefix(): ExprNode {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return NumberNode.create(token.text, token.range);
      case 'string':
        return TextNode.create(token.text, token.range);
      case 'bracket':
        return this.parseFieldTail(token);
      case 'ident':
        return this.parseIdentifier(token);
      case '(':
        return this.parseParenthesised(token);
      case 'op':
        if (token.text === '-' || token.text === '+') {
          const operand = this.parseExpression(UNARY_POWER);
          return this.track(UnaryNode.create(token.text, operand, SourceRange.span(token.range, operand.range)));
        }
        return this.unexpected(token);
      default:
        return this.unexpected(token);
    }
  }

  private parseParenthesised(open: Token): ExprNode {
    const inner = this.parseExpression(0);
    const close = this.peek();
    if (close.kind !== ')') {
      if (close.kind === 'eof') throw new ExprFailure(exprError('expr.syntax.missing_paren', SourceRange.span(open.range, close.range)));
      this.unexpected(close);
    }
    this.next();
    return inner;
  }

  private parseIdentifier(token: Token): ExprNode {
    const upper = token.text.toUpperCase();
    if (this.peek().kind === '(') return this.parseCall(token, upper);
    if (upper === 'TRUE' || upper === 'FALSE') return BooleanNode.create(upper === 'TRUE', token.range);
    if (upper === 'NOT') {
      const operand = this.parseExpression(NOT_POWER);
      return this.track(CallNode.create('NOT', [operand], token.range, SourceRange.span(token.range, operand.range)));
    }
    return this.parseFieldTail(token);
  }

  private parseFieldTail(head: Token): FieldNode {
    if (this.peek().kind !== '.') return FieldNode.create(head.text, null, head.range);
    this.next();
    const member = this.next();
    if (member.kind !== 'ident' && member.kind !== 'bracket') this.unexpected(member);
    return FieldNode.create(head.text, member.text, SourceRange.span(head.range, member.range));
  }

  private parseCall(nameToken: Token, name: string): ExprNode {
    const open = this.next();
    const args: ExprNode[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.parseExpression(0));
        if (this.peek().kind !== ',') break;
        this.next();
      }
    }
    const close = this.peek();
    if (close.kind !== ')') {
      if (close.kind === 'eof') throw new ExprFailure(exprError('expr.syntax.missing_paren', SourceRange.span(open.range, close.range)));
      this.unexpected(close);
    }
    this.next();
    return this.track(CallNode.create(name, args, nameToken.range, SourceRange.span(nameToken.range, close.range)));
  }
}

/** Parses a formula into its AST, or returns the first syntax error with its range. Never throws. */
export function parse(source: string): ParseResult {
  if (source.length > MAX_SOURCE_LENGTH) {
    return { ok: false, error: exprError('expr.too_long', SourceRange.create(MAX_SOURCE_LENGTH, source.length), { max: MAX_SOURCE_LENGTH }) };
  }
  try {
    return { ok: true, ast: new Parser(tokenize(source)).parseFormula() };
  } catch (caught) {
    if (caught instanceof ExprFailure) return { ok: false, error: caught.error };
    if (caught instanceof RangeError) {
      return { ok: false, error: exprError('expr.too_deep', SourceRange.create(0, source.length), { max: MAX_DEPTH }) };
    }
    throw caught;
  }
}
