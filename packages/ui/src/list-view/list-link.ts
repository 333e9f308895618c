import { decodeListFilters, encodeListFilters, LIST_FILTER_PARAM } from '@tessera/schemas';
import { ApiError } from '../api/problem';
import type { RecordFilter } from '../api/types';

/**
 * Why a list link's filters are not shown: unreadable, from another version of the link format,
 * naming fields this list no longer offers (removed, hidden from the reader), or refused by the
 * server (a value that no longer fits). The list then shows all its records and says so.
 */
export type LinkProblem = { kind: 'malformed' } | { kind: 'version' } | { kind: 'stale'; fields: string[] } | { kind: 'refused' };

export interface LinkedFilters {
  /** The conditions to show (none: the link clears the view's); null when the address has no filters or they cannot be used. */
  filters: RecordFilter[] | null;
  problem: LinkProblem | null;
}

/** The filters a list page's address carries (`?f=`), checked against the fields the list may filter on. */
export function readLinkedFilters(search: string, filterable: ReadonlySet<string>): LinkedFilters {
  const param = new URLSearchParams(search).get(LIST_FILTER_PARAM);
  if (param === null) return { filters: null, problem: null };
  const decoded = decodeListFilters(param);
  if (!decoded.ok) return { filters: null, problem: { kind: decoded.reason } };
  const unknown = [...new Set(decoded.filters.map((f) => f.field).filter((field) => !filterable.has(field)))];
  // All or nothing: a link that shows fewer conditions than it says would show the wrong records.
  if (unknown.length > 0) return { filters: null, problem: { kind: 'stale', fields: unknown } };
  return { filters: decoded.filters, problem: null };
}

/**
 * The address's query string with these filters in it, other parameters kept. No filters is no
 * parameter — unless `clears` (the view has filters the user took off: a reload must not bring them back).
 */
export function searchWithFilters(search: string, filters: readonly RecordFilter[], clears = false): string {
  const params = new URLSearchParams(search);
  if (filters.length > 0 || clears) params.set(LIST_FILTER_PARAM, encodeListFilters(filters));
  else params.delete(LIST_FILTER_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Keeps the address in step with what the list shows, so a reload or a copied link opens the same records. */
export function showFiltersInAddress(filters: readonly RecordFilter[], viewFilters: readonly RecordFilter[]): void {
  const search = searchWithFilters(window.location.search, filters, viewFilters.length > 0);
  if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
}

/** Whether the server refused the query itself (a condition that no longer fits), not the connection or the reader's access. */
export function isRefusedQuery(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400 && error.code === 'query.invalid';
}
