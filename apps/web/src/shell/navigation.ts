import type { Locale } from '@tessera/i18n';
import { type AppDocument, type NavigationIcon, type NavigationItem, navigationOf, seesAudience } from '@tessera/schemas';
import { localized, pluralTitle } from '@tessera/ui/localized';

export interface NavEntry {
  key: string;
  label: string;
  /** The object page this entry opens; null for a group heading, a dashboard or the inbox. */
  objectId: string | null;
  /** With `objectId`: the list view it opens on. */
  viewId: string | null;
  /** The dashboard this entry opens. */
  dashboardId: string | null;
  /** A page of the app that is neither: the approval inbox. */
  page: 'approvals' | null;
  icon: NavigationIcon | null;
  children: NavEntry[];
}

/**
 * The side navigation from the live document: its `navigation` tree (`navigationOf`: one entry per
 * top-level object when it has none, or when its tree leads nowhere the runtime can show). An entry
 * pointing at an object, view or dashboard the live version no longer has is left out, and so is
 * an entry for roles the person does not hold (`roles`: theirs in this app; null — administrators —
 * sees every entry), and a dashboard whose audience leaves them out (the report service's
 * `seesAudience`, so the menu never offers a page that would answer "forbidden"). The menu only
 * offers; the access layer still decides what each page shows.
 */
export function buildNavigation(document: AppDocument, locale: Locale, roles: readonly string[] | null = null): NavEntry[] {
  const all = build(document, navigationOf(document), locale, null);
  const items = all.length > 0 ? navigationOf(document) : navigationOf({ ...document, navigation: [] });
  return build(document, items, locale, roles);
}

function build(document: AppDocument, items: readonly NavigationItem[], locale: Locale, roles: readonly string[] | null): NavEntry[] {
  const viewer = roles === null ? null : { roles, isAdmin: false };
  const shown = (item: NavigationItem) => seesAudience(item.roles, viewer);
  const level = (parent: string | undefined): NavEntry[] =>
    items
      .filter((item) => item.parent === parent && shown(item))
      .flatMap((item): NavEntry[] => {
        const entry = { key: item.id, objectId: null, viewId: null, dashboardId: null, page: null, icon: item.icon ?? null, children: level(item.id) };
        if (item.object) {
          const object = document.objects.find((o) => o.id === item.object);
          if (!object) return []; // points at an object the live version no longer has
          const view = item.view ? object.views?.find((v) => v.id === item.view) : undefined;
          if (item.view && !view) return [];
          const fallback = view ? localized(view.label, locale, view.id) : pluralTitle(object, locale);
          return [{ ...entry, label: localized(item.label, locale, fallback), objectId: object.id, viewId: view?.id ?? null }];
        }
        if (item.dashboard) {
          const dashboard = (document.dashboards ?? []).find((d) => d.id === item.dashboard);
          if (!dashboard || !seesAudience(dashboard.roles, viewer)) return [];
          return [{ ...entry, label: localized(item.label ?? dashboard.label, locale, dashboard.id), dashboardId: dashboard.id }];
        }
        if (item.page === 'approvals') return [{ ...entry, label: localized(item.label, locale, ''), page: 'approvals' }];
        if (entry.children.length === 0) return [];
        return [{ ...entry, label: localized(item.label, locale, item.id) }];
      });
  return level(undefined);
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
