import { type AppDocument, type NavigationIcon, type NavigationItem, navigationOf } from '@tessera/schemas';

/**
 * Pure edits of the app's menu (`navigation`). Each starts from the menu the runtime shows —
 * the derived one when the document has none — and writes it back whole, so the first edit of an
 * app without a menu keeps every entry it had. Order matters only among the entries of one parent.
 */

/** What the "add" menu offers: an object's list, one of its list views, a dashboard, the approval inbox. */
export type NewEntry =
  | { kind: 'object'; object: string }
  | { kind: 'view'; object: string; view: string }
  | { kind: 'dashboard'; dashboard: string }
  | { kind: 'approvals' };

function withNavigation(document: AppDocument, items: NavigationItem[]): AppDocument {
  return { ...document, navigation: items };
}

/** The entries under `parent` (top level: undefined), in menu order. */
export function siblingsOf(items: readonly NavigationItem[], parent: string | undefined): NavigationItem[] {
  return items.filter((item) => item.parent === parent);
}

function nextEntryId(items: readonly NavigationItem[]): string {
  const taken = new Set(items.map((i) => i.id));
  let n = 1;
  while (taken.has(`nav_${n}`)) n += 1;
  return `nav_${n}`;
}

export function addEntry(document: AppDocument, entry: NewEntry): { document: AppDocument; id: string } {
  const items = navigationOf(document);
  const id = nextEntryId(items);
  const item: NavigationItem =
    entry.kind === 'object'
      ? { id, object: entry.object }
      : entry.kind === 'view'
        ? { id, object: entry.object, view: entry.view }
        : entry.kind === 'dashboard'
          ? { id, dashboard: entry.dashboard }
          : { id, page: 'approvals', icon: 'audit' };
  return { document: withNavigation(document, [...items, item]), id };
}

/** Removes an entry; what was under it moves up to its place's parent rather than vanishing. */
export function removeEntry(document: AppDocument, id: string): AppDocument {
  const items = navigationOf(document);
  const gone = items.find((i) => i.id === id);
  if (!gone) return document;
  return withNavigation(
    document,
    items
      .filter((i) => i !== gone)
      .map((i) => {
        if (i.parent !== id) return i;
        const { parent: _old, ...rest } = i;
        return gone.parent === undefined ? rest : { ...rest, parent: gone.parent };
      }),
  );
}

/** Moves an entry to `index` among its siblings (clamped): what a drag between two entries, or Alt+↑/↓, does. */
export function moveEntry(document: AppDocument, id: string, index: number): AppDocument {
  const items = navigationOf(document);
  const item = items.find((i) => i.id === id);
  if (!item) return document;
  const siblings = siblingsOf(items, item.parent);
  const from = siblings.indexOf(item);
  const rest = siblings.filter((i) => i !== item);
  const to = Math.max(0, Math.min(index, rest.length));
  if (to === from) return document;
  const reordered = [...rest.slice(0, to), item, ...rest.slice(to)];
  return withNavigation(document, [...items.filter((i) => i.parent !== item.parent), ...reordered]);
}

function updateEntry(document: AppDocument, id: string, change: (item: NavigationItem) => NavigationItem): AppDocument {
  const items = navigationOf(document);
  const item = items.find((i) => i.id === id);
  if (!item) return document;
  const next = change(item);
  return next === item
    ? document
    : withNavigation(
        document,
        items.map((i) => (i === item ? next : i)),
      );
}

export function setEntryIcon(document: AppDocument, id: string, icon: NavigationIcon | null): AppDocument {
  return updateEntry(document, id, (item) => {
    if ((item.icon ?? null) === icon) return item;
    const { icon: _old, ...rest } = item;
    return icon === null ? rest : { ...rest, icon };
  });
}

export function setEntryLabel(document: AppDocument, id: string, label: NavigationItem['label'] | undefined): AppDocument {
  return updateEntry(document, id, (item) => {
    const { label: _old, ...rest } = item;
    return label === undefined ? rest : { ...rest, label };
  });
}

/** Who sees the entry: these roles only, or (an empty list) everyone. */
export function setEntryRoles(document: AppDocument, id: string, roles: readonly string[]): AppDocument {
  return updateEntry(document, id, (item) => {
    if (JSON.stringify(item.roles ?? []) === JSON.stringify(roles)) return item;
    const { roles: _old, ...rest } = item;
    return roles.length ? { ...rest, roles: [...roles] } : rest;
  });
}
