import { SourceRange } from './ast';
import { ExprFailure, exprError } from './errors';

export type TokenKind = 'number' | 'string' | 'ident' | 'bracket' | 'op' | '(' | ')' | ',' | '.' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** For strings and brackets the decoded content; otherwise the source text. */
  readonly text: string;
  readonly range: SourceRange;
}

const NUMBER = /\d+(?:\.\d+)?|\.\d+/y;
const IDENT = /[\p{L}_][\p{L}\p{N}_]*/uy;
const OPERATORS = ['<=', '>=', '<>', '+', '-', '*', '/', '^', '&', '=', '<', '>'];
const PUNCTUATION = new Set(['(', ')', ',', '.']);

/** `"..."` with `""` for a quote inside, as in Excel. */
function readString(source: string, start: number): Token {
  let text = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '"') {
      if (source[i + 1] !== '"') return { kind: 'string', text, range: SourceRange.create(start, i + 1) };
      text += '"';
      i += 2;
    } else {
      text += ch;
      i++;
    }
  }
  throw new ExprFailure(exprError('expr.syntax.unclosed_string', SourceRange.create(start, source.length)));
}

function readBracket(source: string, start: number): Token {
  const close = source.indexOf(']', start + 1);
  if (close < 0) throw new ExprFailure(exprError('expr.syntax.unclosed_bracket', SourceRange.create(start, source.length)));
  return { kind: 'bracket', text: source.slice(start + 1, close).trim(), range: SourceRange.create(start, close + 1) };
}

function readPattern(pattern: RegExp, kind: TokenKind, source: string, start: number): Token | null {
  pattern.lastIndex = start;
  const match = pattern.exec(source);
  return match ? { kind, text: match[0], range: SourceRange.create(start, start + match[0].length) } : null;
}

function readToken(source: string, i: number): Token {
  const ch = source[i] as string;
  if (ch === '"') return readString(source, i);
  if (ch === '[') return readBracket(source, i);
  const number = readPattern(NUMBER, 'number', source, i);
  if (number) return number;
  const ident = readPattern(IDENT, 'ident', source, i);
  if (ident) return ident;
  if (PUNCTUATION.has(ch)) return { kind: ch as TokenKind, text: ch, range: SourceRange.create(i, i + 1) };
  const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
  if (op) return { kind: 'op', text: op, range: SourceRange.create(i, i + op.length) };
  const bad = String.fromCodePoint(source.codePointAt(i) ?? 0);
  throw new ExprFailure(exprError('expr.syntax.invalid_character', SourceRange.create(i, i + bad.length), { token: bad }));
}

/** Splits a formula into tokens; whitespace (including full-width space) separates tokens. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    if (/\s/u.test(source[i] as string)) {
      i++;
      continue;
    }
    const token = readToken(source, i);
    tokens.push(token);
    i = token.range.end;
  }
  tokens.push({ kind: 'eof', text: '', range: SourceRange.create(source.length, source.length) });
  return tokens;
}
