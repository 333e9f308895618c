import type { FieldDefinition, LocalizedText, ObjectDefinition } from '@tessera/schemas';
import type { RecordFilter, RecordSort, SavedView, SavedViewInput } from '../api/types';
import { presetLayout, type ViewChoice } from '../views/view-choice';
import type { FilterableField } from './filter-fields';

/** What a list view is: its conditions, its order, its columns and their widths, its quick search, its board's card order. Saved views store exactly this. */
export interface ListViewState {
  filters: RecordFilter[];
  sort: RecordSort[];
  columns: string[];
  /** The quick search on the object's search field, '' for none. */
  search: string;
  /** Widths the user dragged columns to (pixels); a column not named keeps the width of its kind. */
  columnWidths: Record<string, number>;
  /** The order the user chose for the Kanban board's cards; null: the board starts from the view's sort. */
  cardOrder: RecordSort | null;
}

/** What the user may use in this object's list; anything else in a stored view is dropped. */
export interface ListViewScope {
  filterable: readonly FilterableField[];
  /** Fields that can be columns, in the object's order. */
  cellFields: readonly FieldDefinition[];
  /** The columns when a view names none (the first list view's, else the first fields). */
  defaultColumns: readonly string[];
  /** Field ids the table may sort by (system columns included). */
  sortable: ReadonlySet<string>;
}

/** A view in the picker: one the app designer defined (shared, read-only), or one of the user's own. */
export type ListViewOption =
  | { key: string; kind: 'preset'; label: LocalizedText | null; state: ListViewState; layout: ViewChoice | null }
  | { key: string; kind: 'mine'; name: string; savedId: string; state: ListViewState };

const NEWEST_FIRST: RecordSort[] = [{ field: 'created_at', direction: 'desc' }];
export const ALL_RECORDS_KEY = 'preset:';

/**
 * A stored view as it can be used today: filters on fields since hidden or removed are
 * dropped (the server would refuse the whole query), as are columns and sort keys gone from
 * the published app. No columns left means the default ones.
 */
export function usableState(state: Partial<ListViewState>, scope: ListViewScope): ListViewState {
  const filterable = new Set(scope.filterable.map((f) => f.id));
  const cells = new Set(scope.cellFields.map((f) => f.id));
  const filters = (state.filters ?? []).filter((f) => filterable.has(f.field));
  const sort = (state.sort ?? []).filter((s) => scope.sortable.has(s.field)).map((s) => ({ field: s.field, direction: s.direction ?? 'asc' }));
  const columns = [...new Set(state.columns ?? [])].filter((id) => cells.has(id));
  const columnWidths = Object.fromEntries(Object.entries(state.columnWidths ?? {}).filter(([id]) => cells.has(id)));
  const cardOrder =
    state.cardOrder && scope.sortable.has(state.cardOrder.field) ? { field: state.cardOrder.field, direction: state.cardOrder.direction ?? 'asc' } : null;
  return {
    filters,
    sort: sort.length > 0 ? sort : NEWEST_FIRST,
    columns: columns.length > 0 ? columns : [...scope.defaultColumns],
    search: state.search ?? '',
    columnWidths,
    cardOrder,
  };
}

/** A view as the server takes it: a card order only when the user chose one. */
export function savedViewInput(name: string, { cardOrder, ...state }: ListViewState): SavedViewInput {
  return { name, ...state, ...(cardOrder ? { cardOrder } : {}) };
}

/** The app designer's list views, or one "All records" view when the object defines none. */
export function presetViews(object: ObjectDefinition, scope: ListViewScope): ListViewOption[] {
  const views = object.views ?? [];
  if (views.length === 0) return [{ key: ALL_RECORDS_KEY, kind: 'preset', label: null, state: usableState({}, scope), layout: null }];
  return views.map((view) => ({
    key: presetViewKey(view.id),
    kind: 'preset',
    label: view.label,
    layout: presetLayout(object, view),
    state: usableState(
      {
        filters: (view.filters ?? []).map((f) => ({ field: f.field, op: f.op, value: f.value })),
        sort: (view.sort ?? []).map((s) => ({ field: s.field, direction: s.direction ?? 'asc' })),
        columns: view.columns ?? [],
      },
      scope,
    ),
  }));
}

export function savedViewOptions(views: readonly SavedView[], scope: ListViewScope): ListViewOption[] {
  return views.map((view) => ({ key: `mine:${view.id}`, kind: 'mine', name: view.name, savedId: view.id, state: usableState(view, scope) }));
}

/** Whether two lists of conditions select the same way (same conditions, same order). */
export function sameFilters(a: readonly RecordFilter[], b: readonly RecordFilter[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether the list still shows the view as saved (so "Save" has nothing to do). */
export function sameState(a: ListViewState, b: ListViewState): boolean {
  return (
    sameFilters(a.filters, b.filters) &&
    JSON.stringify(a.sort) === JSON.stringify(b.sort) &&
    JSON.stringify(a.columns) === JSON.stringify(b.columns) &&
    a.search.trim() === b.search.trim() &&
    JSON.stringify(a.cardOrder) === JSON.stringify(b.cardOrder) &&
    sameWidths(a.columnWidths, b.columnWidths)
  );
}

function sameWidths(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Column order after moving one column by `step` places; the list is unchanged at either end. */
export function moveColumn(columns: readonly string[], id: string, step: -1 | 1): string[] {
  const from = columns.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= columns.length) return [...columns];
  const next = [...columns];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Shows or hides a column. A newly shown column goes last, where the user sees it arrive; the last one cannot go. */
export function toggleColumn(columns: readonly string[], id: string, show: boolean): string[] {
  if (!show) return columns.length > 1 ? columns.filter((c) => c !== id) : [...columns];
  return columns.includes(id) ? [...columns] : [...columns, id];
}

/** The key of a designer's list view among a list's views: what a menu entry opening that view remembers. */
export function presetViewKey(viewId: string): string {
  return `preset:${viewId}`;
}

function storageKey(appId: string, objectId: string): string {
  return `tessera.listView.${appId}.${objectId}`;
}

/** The view the user last chose for this object, remembered in this browser. */
export function readRememberedView(appId: string, objectId: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(appId, objectId));
  } catch {
    // Blocked storage: start from the default view.
    return null;
  }
}

export function rememberView(appId: string, objectId: string, key: string): void {
  try {
    window.localStorage.setItem(storageKey(appId, objectId), key);
  } catch {
    // Not remembered this time; the choice still applies until the page is left.
  }
}
