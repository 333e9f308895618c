import type { Locale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import { analyze } from './analyze';
import { childrenOf, type ExprNode, SourceRange } from './ast';
import { type ExprErrorCode, formatExprError } from './errors';
import { FieldIndex } from './field-index';
import { FUNCTION_DOCS, type FunctionDoc, findFunction, signatureOf } from './function-docs';
import { type Token, tokenize } from './lexer';
import { parse } from './parser';
import { type CheckOptions, check } from './typecheck';
import { type ExprType, fieldKind } from './types';

/** Plain data for an editor (Monaco markers, completion items, signature help, hover). */
export interface Diagnostic {
  readonly range: SourceRange;
  readonly code: ExprErrorCode;
  readonly message: string;
  readonly severity: 'error';
}

export interface CompletionItem {
  readonly label: string;
  readonly kind: 'field' | 'function' | 'keyword';
  readonly insertText: string;
  readonly detail: string;
  readonly documentation?: string;
  /** The text the item replaces. */
  readonly range: SourceRange;
}

export interface SignatureHelp {
  readonly name: string;
  readonly signature: string;
  readonly parameters: readonly string[];
  readonly activeParameter: number;
  readonly documentation: string;
  readonly example: string;
}

export interface HoverInfo {
  readonly range: SourceRange;
  readonly type: ExprType | null;
  readonly contents: string;
}

export function diagnostics(source: string, options: CheckOptions, locale: Locale): Diagnostic[] {
  const result = analyze(source, options);
  if (result.ok) return [];
  return result.errors.map((error) => ({ range: error.range, code: error.code, message: formatExprError(error, locale), severity: 'error' }));
}

const labelOf = (field: FieldDefinition, locale: Locale): string => field.label[locale] ?? field.label.en ?? field.label['zh-CN'] ?? field.id;
const IDENT = /^[\p{L}_][\p{L}\p{N}_]*$/u;

function fieldItems(fields: readonly FieldDefinition[], locale: Locale, range: SourceRange, bracketed: boolean): CompletionItem[] {
  return fields.flatMap((field) => {
    const kind = fieldKind(field);
    if (kind.kind === 'unsupported') return [];
    const label = labelOf(field, locale);
    const bare = IDENT.test(label) && !findFunction(label) ? label : `[${label}]`;
    return [
      {
        label,
        kind: 'field' as const,
        range,
        insertText: bracketed ? `${label}]` : bare,
        detail: `${field.id}: ${kind.kind === 'scalar' ? kind.type : field.type}`,
      },
    ];
  });
}

function functionItems(locale: Locale, range: SourceRange): CompletionItem[] {
  return FUNCTION_DOCS.map((doc) => ({
    label: doc.name,
    kind: 'function' as const,
    range,
    insertText: `${doc.name}(`,
    detail: signatureOf(doc),
    documentation: `${doc.description[locale]}\n${doc.example}`,
  }));
}

/** Completions at `offset`: fields inside `[…`, a relation's fields after `lines.`, else functions and fields. */
export function completions(source: string, offset: number, options: CheckOptions, locale: Locale): CompletionItem[] {
  const before = source.slice(0, offset);
  const open = before.lastIndexOf('[');
  if (open > before.lastIndexOf(']') && before.split('"').length % 2 === 1) {
    const prefix = before.slice(open + 1).toLowerCase();
    return fieldItems(options.fields, locale, SourceRange.create(open + 1, offset), true).filter((item) => item.label.toLowerCase().startsWith(prefix));
  }
  const match = /([\p{L}_][\p{L}\p{N}_]*|\[[^\]]*\])\.([\p{L}\p{N}_]*)$/u.exec(before);
  if (match) {
    const relation = new FieldIndex(options.fields).lookup((match[1] as string).replace(/^\[|\]$/g, ''));
    const kind = relation.ok ? fieldKind(relation.field) : null;
    if (kind?.kind === 'relation') {
      const related = options.relatedFields && Object.hasOwn(options.relatedFields, kind.target) ? (options.relatedFields[kind.target] ?? []) : [];
      const prefix = (match[2] as string).toLowerCase();
      return fieldItems(related, locale, SourceRange.create(offset - prefix.length, offset), false).filter((item) =>
        item.label.toLowerCase().startsWith(prefix),
      );
    }
  }
  const word = /[\p{L}_][\p{L}\p{N}_]*$/u.exec(before)?.[0] ?? '';
  const range = SourceRange.create(offset - word.length, offset);
  const prefix = word.toLowerCase();
  return [...functionItems(locale, range), ...fieldItems(options.fields, locale, range, false)].filter(
    (item) => item.label.toLowerCase().startsWith(prefix) || item.detail.toLowerCase().startsWith(prefix),
  );
}

/** Tokens before the cursor, tolerating an unfinished string or bracket at the end. */
function tokensBefore(source: string, offset: number): Token[] | null {
  try {
    return tokenize(source.slice(0, offset));
  } catch {
    return null;
  }
}

/** Which call the cursor is inside and which argument it is at. */
export function signatureHelp(source: string, offset: number, locale: Locale): SignatureHelp | null {
  const tokens = tokensBefore(source, offset);
  if (!tokens) return null;
  const stack: { doc: FunctionDoc | undefined; commas: number }[] = [];
  tokens.forEach((token, i) => {
    if (token.kind === '(') {
      const previous = tokens[i - 1];
      stack.push({ doc: previous?.kind === 'ident' ? findFunction(previous.text) : undefined, commas: 0 });
    } else if (token.kind === ')') {
      stack.pop();
    } else if (token.kind === ',' && stack.length > 0) {
      (stack[stack.length - 1] as { commas: number }).commas++;
    }
  });
  const call = stack[stack.length - 1];
  if (!call?.doc) return null;
  const { doc } = call;
  const last = doc.params.length - 1;
  const active = doc.params[last]?.variadic ? Math.min(call.commas, last) : call.commas;
  return {
    name: doc.name,
    signature: signatureOf(doc),
    parameters: doc.params.map((param) => param.name),
    activeParameter: active,
    documentation: doc.description[locale],
    example: doc.example,
  };
}

function innermost(node: ExprNode, offset: number): ExprNode | null {
  if (offset < node.range.start || offset > node.range.end) return null;
  for (const child of childrenOf(node)) {
    const found = innermost(child, offset);
    if (found) return found;
  }
  return node;
}

/** The type (and, for calls and fields, the documentation) of the innermost node at `offset`. */
export function hover(source: string, offset: number, options: CheckOptions, locale: Locale): HoverInfo | null {
  const parsed = parse(source);
  if (!parsed.ok) return null;
  const checked = check(parsed.ast, options);
  const ast = checked.ok ? checked.formula.ast : parsed.ast;
  const node = innermost(ast, offset);
  if (!node) return null;
  const type = checked.ok ? (checked.formula.types.get(node) ?? null) : null;
  let contents = type ?? '';
  if (node.kind === 'call' || node.kind === 'aggregate') {
    const doc = findFunction(node.kind === 'call' ? node.name : node.fn);
    if (doc) contents = `${signatureOf(doc)}${type ? `: ${type}` : ''}\n${doc.description[locale]}`;
  } else if (node.kind === 'field') {
    const found = new FieldIndex(options.fields).lookup(node.name);
    if (found.ok) contents = `${labelOf(found.field, locale)} (${found.field.id})${type ? `: ${type}` : ''}`;
  }
  return { range: node.range, type, contents };
}
