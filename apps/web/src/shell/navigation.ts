import type { Locale } from '@tessera/i18n';
import type { AppDocument } from '@tessera/schemas';
import { localized, pluralTitle } from '@tessera/ui/localized';

export interface NavEntry {
  key: string;
  label: string;
  /** The object page this entry opens; null for a group heading or a dashboard. */
  objectId: string | null;
  /** The dashboard this entry opens. */
  dashboardId: string | null;
  children: NavEntry[];
}

/**
 * The side navigation from the live document: its `navigation` tree when that leads anywhere
 * the runtime can show, else one entry per top-level object (child objects such as quote lines
 * live inside their parent's record, not in the menu). An entry pointing at an object or a
 * dashboard the live version no longer has is left out.
 */
export function buildNavigation(document: AppDocument, locale: Locale): NavEntry[] {
  const objectLabel = (id: string) => {
    const object = document.objects.find((o) => o.id === id);
    return object ? pluralTitle(object, locale) : null;
  };

  const items = document.navigation ?? [];
  const build = (parent: string | undefined): NavEntry[] =>
    items
      .filter((item) => item.parent === parent)
      .flatMap((item): NavEntry[] => {
        const children = build(item.id);
        if (item.object) {
          const fallback = objectLabel(item.object);
          if (fallback === null) return []; // points at an object the live version no longer has
          return [{ key: item.id, label: localized(item.label, locale, fallback), objectId: item.object, dashboardId: null, children }];
        }
        if (item.dashboard) {
          const dashboard = (document.dashboards ?? []).find((d) => d.id === item.dashboard);
          if (!dashboard) return [];
          return [{ key: item.id, label: localized(item.label ?? dashboard.label, locale, dashboard.id), objectId: null, dashboardId: dashboard.id, children }];
        }
        if (children.length === 0) return [];
        return [{ key: item.id, label: localized(item.label, locale, item.id), objectId: null, dashboardId: null, children }];
      });

  const tree = build(undefined);
  if (tree.length > 0) return tree;
  return document.objects
    .filter((object) => !object.parent)
    .map((object) => ({
      key: `object:${object.id}`,
      label: pluralTitle(object, locale),
      objectId: object.id,
      dashboardId: null,
      children: [],
    }));
}

/** The first object page of the menu: where opening an app lands. */
export function firstObjectId(entries: NavEntry[]): string | null {
  for (const entry of entries) {
    if (entry.objectId) return entry.objectId;
    const nested = firstObjectId(entry.children);
    if (nested) return nested;
  }
  return null;
}

/** Menu key of the entry showing `objectId` (or, with `dashboard`, that dashboard), so the menu highlights the open page. */
export function entryKeyFor(entries: NavEntry[], objectId: string, kind: 'object' | 'dashboard' = 'object'): string | null {
  for (const entry of entries) {
    if ((kind === 'object' ? entry.objectId : entry.dashboardId) === objectId) return entry.key;
    const nested = entryKeyFor(entry.children, objectId, kind);
    if (nested) return nested;
  }
  return null;
}
