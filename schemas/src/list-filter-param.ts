import type { FilterCondition } from './app.schema';
import { FILTER_OPERATORS } from './object.schema';

/** The query parameter of a list page that holds its filters: `/apps/crm/objects/customer?f=1.…`. */
export const LIST_FILTER_PARAM = 'f';

/** Bumped when the encoding changes; a link of another version is refused, never misread. */
const VERSION = '1';
/** A link longer than this is not one we made (the records API takes at most 50 conditions). */
const MAX_PARAM_LENGTH = 8000;
const MAX_CONDITIONS = 50;

export type ListFilterParam =
  | { readonly ok: true; readonly filters: FilterCondition[] }
  /** `version`: made by another release of the link format; `malformed`: not a list of conditions at all. */
  | { readonly ok: false; readonly reason: 'version' | 'malformed' };

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return null;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

const OPERATORS: ReadonlySet<string> = new Set(FILTER_OPERATORS);

/** One condition as the records API takes it, or null: any other key, an unknown operator, a field id that cannot be one. */
function asCondition(item: unknown): FilterCondition | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  const { field, op, value, ...rest } = item as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof field !== 'string' || !/^[a-z][a-z0-9_]{0,63}$/.test(field)) return null;
  if (typeof op !== 'string' || !OPERATORS.has(op)) return null;
  return value === undefined ? { field, op: op as FilterCondition['op'] } : { field, op: op as FilterCondition['op'], value };
}

/**
 * A list's filters as one URL-safe parameter: a version, a dot, then the conditions' JSON in
 * base64url. Opaque rather than readable, since values are arbitrary text and lists; compact
 * enough for a link in a chat message. An empty list is no parameter at all.
 */
export function encodeListFilters(filters: readonly FilterCondition[]): string {
  const plain = filters.map((f) => (f.value === undefined ? { field: f.field, op: f.op } : { field: f.field, op: f.op, value: f.value }));
  return `${VERSION}.${toBase64Url(JSON.stringify(plain))}`;
}

/**
 * The filters a list link carries, checked for shape only: whether each field still exists and
 * each value fits is the list's and the server's to say, as for a saved view.
 */
export function decodeListFilters(param: string): ListFilterParam {
  const dot = param.indexOf('.');
  if (dot < 0 || param.length > MAX_PARAM_LENGTH) return { ok: false, reason: 'malformed' };
  if (param.slice(0, dot) !== VERSION) return { ok: false, reason: 'version' };
  const json = fromBase64Url(param.slice(dot + 1));
  let parsed: unknown;
  try {
    parsed = json === null ? null : JSON.parse(json);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(parsed) || parsed.length > MAX_CONDITIONS) return { ok: false, reason: 'malformed' };
  const filters = parsed.map(asCondition);
  return filters.every((f): f is FilterCondition => f !== null) ? { ok: true, filters } : { ok: false, reason: 'malformed' };
}
