import {
  type AppDocument,
  type FilterCondition,
  type ListView,
  type LocalizedText,
  type NavigationItem,
  navigationOf,
  type ObjectDefinition,
  type SortKey,
} from '@tessera/schemas';
import { patched } from '../../model/document-edits';
import { removeEntry } from '../../navigation/model/navigation-edits';

/**
 * Edits of an object's list views (`objects[].views`) as pure functions from one document to the
 * next: the studio store keeps each result as one undo step. An edit naming a view or object the
 * document does not have returns the document unchanged (no undo step).
 */

export const MAX_SORT_KEYS = 5;

type Layout = NonNullable<ListView['layout']>;

function viewsOf(document: AppDocument, objectId: string): readonly ListView[] {
  return document.objects.find((o) => o.id === objectId)?.views ?? [];
}

function withViews(document: AppDocument, objectId: string, change: (views: readonly ListView[]) => ListView[] | null): AppDocument {
  const object = document.objects.find((o) => o.id === objectId);
  const next = object ? change(object.views ?? []) : null;
  if (!object || !next) return document;
  const updated: ObjectDefinition = { ...object, views: next };
  return { ...document, objects: document.objects.map((o) => (o === object ? updated : o)) };
}

function mapView(document: AppDocument, objectId: string, viewId: string, change: (view: ListView) => ListView): AppDocument {
  return withViews(document, objectId, (views) => (views.some((v) => v.id === viewId) ? views.map((v) => (v.id === viewId ? change(v) : v)) : null));
}

function freeId(taken: readonly ListView[], base: string): string {
  const ids = new Set(taken.map((v) => v.id));
  let n = 1;
  while (ids.has(`${base}_${n}`)) n += 1;
  return `${base}_${n}`;
}

/** A new table view at the end, showing the object's first fields. */
export function addView(document: AppDocument, objectId: string, label: LocalizedText): { document: AppDocument; id: string } {
  const object = document.objects.find((o) => o.id === objectId);
  const id = freeId(viewsOf(document, objectId), 'view');
  const columns = (object?.fields ?? []).slice(0, 4).map((f) => f.id);
  return { document: withViews(document, objectId, (views) => [...views, { id, label, columns }]), id };
}

/** A copy placed right after the original, its label marked as a copy in each language. */
export function duplicateView(document: AppDocument, objectId: string, viewId: string, suffix: LocalizedText): { document: AppDocument; id: string } {
  const views = viewsOf(document, objectId);
  const original = views.find((v) => v.id === viewId);
  if (!original) return { document, id: viewId };
  const id = freeId(views, original.id.slice(0, 36));
  const label = Object.fromEntries(
    Object.entries(original.label).map(([locale, text]) => [locale, `${text}${(suffix as Record<string, string>)[locale] ?? ''}`]),
  );
  const copy: ListView = { ...structuredClone(original), id, label };
  return { document: withViews(document, objectId, (all) => all.flatMap((v) => (v.id === viewId ? [v, copy] : [v]))), id };
}

/** The app menu's entries that open the view: deleting the view takes them with it. */
export function menuEntriesOpening(document: AppDocument, objectId: string, viewId: string): NavigationItem[] {
  return navigationOf(document).filter((item) => item.object === objectId && item.view === viewId);
}

/**
 * Deletes the view and, in the same edit (so one undo brings both back), the menu entries that
 * open it: an entry left pointing at a missing view would only block publishing.
 */
export function deleteView(document: AppDocument, objectId: string, viewId: string): AppDocument {
  const withoutView = withViews(document, objectId, (views) => (views.some((v) => v.id === viewId) ? views.filter((v) => v.id !== viewId) : null));
  if (withoutView === document) return document;
  return menuEntriesOpening(document, objectId, viewId).reduce((d, item) => removeEntry(d, item.id), withoutView);
}

/** Puts the view at `index` among the object's views (clamped): where a drag in the view list drops it. The picker shows them in this order. */
export function placeView(document: AppDocument, objectId: string, viewId: string, index: number): AppDocument {
  return withViews(document, objectId, (views) => {
    const view = views.find((v) => v.id === viewId);
    const rest = views.filter((v) => v !== view);
    const at = Math.max(0, Math.min(index, rest.length));
    if (!view || views[at] === view) return null;
    return [...rest.slice(0, at), view, ...rest.slice(at)];
  });
}

/** Moves a view one place up (-1) or down (1): the keyboard's way of dragging it. */
export function moveView(document: AppDocument, objectId: string, viewId: string, step: -1 | 1): AppDocument {
  const from = viewsOf(document, objectId).findIndex((v) => v.id === viewId);
  return from < 0 || from + step < 0 ? document : placeView(document, objectId, viewId, from + step);
}

/** Sets the label in one language; an emptied language is removed (the check then says a label is needed). */
export function renameView(document: AppDocument, objectId: string, viewId: string, locale: keyof LocalizedText & string, text: string): AppDocument {
  return mapView(document, objectId, viewId, (view) => ({ ...view, label: patched(view.label as Record<string, string>, { [locale]: text || undefined }) }));
}

/** Puts `column` at `index` of the view's columns: a new column is added there, a shown one moves there. */
export function placeColumn(document: AppDocument, objectId: string, viewId: string, column: string, index: number): AppDocument {
  return mapView(document, objectId, viewId, (view) => {
    const rest = (view.columns ?? []).filter((c) => c !== column);
    const at = Math.max(0, Math.min(index, rest.length));
    return { ...view, columns: [...rest.slice(0, at), column, ...rest.slice(at)] };
  });
}

export function removeColumn(document: AppDocument, objectId: string, viewId: string, column: string): AppDocument {
  return mapView(document, objectId, viewId, (view) => ({ ...view, columns: (view.columns ?? []).filter((c) => c !== column) }));
}

/** Moves a shown column one place left/up (-1) or right/down (1): the keyboard's way of dragging it. */
export function stepColumn(document: AppDocument, objectId: string, viewId: string, column: string, step: -1 | 1): AppDocument {
  const index = (viewsOf(document, objectId).find((v) => v.id === viewId)?.columns ?? []).indexOf(column);
  return index < 0 || index + step < 0 ? document : placeColumn(document, objectId, viewId, column, index + step);
}

/** The view's default filters, all of which a record must meet; none leaves the key out. */
export function setFilters(document: AppDocument, objectId: string, viewId: string, filters: readonly FilterCondition[]): AppDocument {
  return mapView(document, objectId, viewId, (view) => patched(view, { filters: nonEmpty([...filters]) }));
}

/** Adds a sort key, up to five (the schema's limit); a field already sorted by is not added twice. */
export function addSortKey(document: AppDocument, objectId: string, viewId: string, key: SortKey): AppDocument {
  return mapView(document, objectId, viewId, (view) => {
    const sort = view.sort ?? [];
    if (sort.length >= MAX_SORT_KEYS || sort.some((s) => s.field === key.field)) return view;
    return { ...view, sort: [...sort, key] };
  });
}

export function setSortKey(document: AppDocument, objectId: string, viewId: string, index: number, key: SortKey): AppDocument {
  return mapView(document, objectId, viewId, (view) => ({ ...view, sort: (view.sort ?? []).map((s, i) => (i === index ? key : s)) }));
}

export function removeSortKey(document: AppDocument, objectId: string, viewId: string, index: number): AppDocument {
  return mapView(document, objectId, viewId, (view) => patched(view, { sort: nonEmpty((view.sort ?? []).filter((_, i) => i !== index)) }));
}

/**
 * The layout the view opens in. A board needs its select field, a calendar its date: the first
 * suitable field is chosen when none is set, so the view is valid as soon as it is switched.
 */
export function setLayout(document: AppDocument, objectId: string, viewId: string, layout: Layout): AppDocument {
  const object = document.objects.find((o) => o.id === objectId);
  const first = (types: readonly string[]) => object?.fields.find((f) => types.includes(f.type))?.id;
  return mapView(document, objectId, viewId, (view) =>
    patched(view, {
      layout: layout === 'table' ? undefined : layout,
      groupField: layout === 'kanban' ? (view.groupField ?? first(['select'])) : undefined,
      dateField: layout === 'calendar' ? (view.dateField ?? first(['date', 'datetime'])) : undefined,
    }),
  );
}

export function setLayoutField(document: AppDocument, objectId: string, viewId: string, key: 'groupField' | 'dateField', field: string): AppDocument {
  return mapView(document, objectId, viewId, (view) => ({ ...view, [key]: field }));
}

/** The roles that see the view; none: everyone. */
export function setViewRoles(document: AppDocument, objectId: string, viewId: string, roles: readonly string[]): AppDocument {
  return mapView(document, objectId, viewId, (view) => patched(view, { roles: nonEmpty([...roles]) }));
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
