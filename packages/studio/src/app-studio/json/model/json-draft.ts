import { type MetaIssue, validateDocument } from '@tessera/meta/validate';
import type { AppDocument } from '@tessera/schemas';
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

/**
 * The JSON view's reading of its text (ADR 0036): strict JSON (no comments, no trailing commas),
 * then the studio's own document checks — the same browser-safe validation every section uses.
 */

/** A span of the text: where a syntax error is, or the element an issue's pointer names. */
export interface TextSpan {
  offset: number;
  length: number;
}

export interface SyntaxProblem extends TextSpan {
  /** jsonc-parser's error code name: InvalidSymbol, CommaExpected, … */
  code: string;
}

export type DraftText =
  /** Not JSON: nothing can be applied; the text stays as typed. */
  | { kind: 'syntax'; errors: SyntaxProblem[] }
  /** JSON, but not an object for this app (another id, an array): cannot become the draft. */
  | { kind: 'not-this-app'; found: unknown }
  /** An app document: it may still have problems (a draft may), each placed in the text. */
  | { kind: 'document'; document: AppDocument; issues: (MetaIssue & TextSpan)[] };

/** The draft as the JSON view shows it: two-space indented, as people read it. */
export function draftText(document: AppDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** RFC 6901 pointer → path: `/objects/0/fields/~1x` → ['objects', 0, 'fields', '/x']. */
export function pointerPath(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

/**
 * Where a pointer's element is in the text: the element itself, or — when it is missing (a
 * required property) — the nearest parent that exists, so every issue can be marked.
 */
export function pointerSpan(root: Node | undefined, pointer: string): TextSpan {
  if (!root) return { offset: 0, length: 0 };
  const path = pointerPath(pointer);
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (!node) continue;
    // A property's value is found; mark its key too, which is what people look for.
    const property = node.parent?.type === 'property' ? node.parent : null;
    // An existing object or array is long: its first line is enough to show where it is.
    const length = node.type === 'object' || node.type === 'array' ? 1 : node.length;
    return property ? { offset: property.offset, length: node.offset + length - property.offset } : { offset: node.offset, length };
  }
  return { offset: 0, length: 1 };
}

/** Reads the text as the app's draft: syntax first, then that it is this app's document, then its problems. */
export function readDraftText(text: string, appId: string): DraftText {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  if (errors.length > 0 || !root) {
    if (errors.length === 0) return { kind: 'syntax', errors: [{ offset: 0, length: 0, code: 'ValueExpected' }] };
    return { kind: 'syntax', errors: errors.map((e) => ({ offset: e.offset, length: e.length, code: printParseErrorCode(e.error) })) };
  }
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || (value as { id?: unknown }).id !== appId)
    return { kind: 'not-this-app', found: value };
  const verdict = validateDocument(value);
  const issues = verdict.ok ? [] : verdict.issues.map((issue) => ({ ...issue, ...pointerSpan(root, issue.pointer) }));
  return { kind: 'document', document: value as AppDocument, issues };
}
