import { create } from 'zustand';

/** The inbox's boxes (the server's `GET /api/flows/inbox?box=`). */
export type InboxBox = 'todo' | 'done' | 'submitted' | 'cc';

export const ADMIN_SECTIONS = ['users', 'departments', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

function isAdminSection(value: string | undefined): value is AdminSection {
  return ADMIN_SECTIONS.some((section) => section === value);
}

/**
 * The client routes. A hand-rolled history router: the shell has a handful of pages and no
 * router package is installed; the server falls back to index.html for these paths.
 */
export type Route =
  | { name: 'apps' }
  | { name: 'app'; appId: string; objectId: string | null }
  /** One record's full page ("customer 360"): `/apps/:appId/objects/:objectId/records/:recordId`. */
  | { name: 'record'; appId: string; objectId: string; recordId: string }
  /** A dashboard of the app: `/apps/:appId/dashboards/:dashboardId`. */
  | { name: 'dashboard'; appId: string; dashboardId: string }
  | { name: 'admin'; section: AdminSection }
  /** The approval inbox, one box at a time: `/approvals/todo`, `/approvals/done`, … */
  | { name: 'approvals'; box: InboxBox }
  /** One approval: its record as the person's step shows it, its steps, actions and history. */
  | { name: 'approval'; instanceId: string }
  | { name: 'studio'; tool: 'formula' }
  /** The studio of one app (objects, fields, form designer, publish): `/studio/apps/:appId`, apart from the studio's tools. */
  | { name: 'studio-app'; appId: string };

const INBOX_BOXES: readonly InboxBox[] = ['todo', 'done', 'submitted', 'cc'];

function isInboxBox(value: string | undefined): value is InboxBox {
  return INBOX_BOXES.some((box) => box === value);
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'approvals' && parts[1] === 'instances' && parts[2]) return { name: 'approval', instanceId: parts[2] };
  if (parts[0] === 'approvals') return { name: 'approvals', box: isInboxBox(parts[1]) ? parts[1] : 'todo' };
  if (parts[0] === 'studio' && parts[1] === 'formula') return { name: 'studio', tool: 'formula' };
  if (parts[0] === 'studio' && parts[1] === 'apps' && parts[2]) return { name: 'studio-app', appId: parts[2] };
  if (parts[0] === 'admin') return { name: 'admin', section: isAdminSection(parts[1]) ? parts[1] : 'users' };
  // `records/` keeps record ids apart from whatever else may follow an object later (a view name).
  if (parts[0] === 'apps' && parts[1] && parts[2] === 'objects' && parts[3] && parts[4] === 'records' && parts[5]) {
    return { name: 'record', appId: parts[1], objectId: parts[3], recordId: parts[5] };
  }
  if (parts[0] === 'apps' && parts[1] && parts[2] === 'dashboards' && parts[3]) return { name: 'dashboard', appId: parts[1], dashboardId: parts[3] };
  if (parts[0] === 'apps' && parts[1]) {
    return { name: 'app', appId: parts[1], objectId: parts[2] === 'objects' && parts[3] ? parts[3] : null };
  }
  return { name: 'apps' };
}

export function routePath(route: Route): string {
  if (route.name === 'apps') return '/';
  if (route.name === 'admin') return `/admin/${route.section}`;
  if (route.name === 'studio') return `/studio/${route.tool}`;
  if (route.name === 'studio-app') return `/studio/apps/${encodeURIComponent(route.appId)}`;
  if (route.name === 'approvals') return `/approvals/${route.box}`;
  if (route.name === 'approval') return `/approvals/instances/${encodeURIComponent(route.instanceId)}`;
  const base = `/apps/${encodeURIComponent(route.appId)}`;
  if (route.name === 'dashboard') return `${base}/dashboards/${encodeURIComponent(route.dashboardId)}`;
  if (route.name === 'record') {
    return `${base}/objects/${encodeURIComponent(route.objectId)}/records/${encodeURIComponent(route.recordId)}`;
  }
  return route.objectId ? `${base}/objects/${encodeURIComponent(route.objectId)}` : base;
}

interface RouteState {
  route: Route;
  /** `search`: the page's query string (`?f=…`, a list's filters), read by the page itself; none by default. */
  navigate: (route: Route, options?: { replace?: boolean; search?: string }) => void;
}

export const useRouteStore = create<RouteState>((set) => {
  window.addEventListener('popstate', () => set({ route: parseRoute(window.location.pathname) }));
  return {
    route: parseRoute(window.location.pathname),
    navigate: (route, options) => {
      const target = routePath(route);
      // The same page again (its menu entry clicked) keeps its query string: the list on it still shows those filters.
      const path = `${target}${options?.search ?? (target === window.location.pathname ? window.location.search : '')}`;
      if (path !== `${window.location.pathname}${window.location.search}`) {
        if (options?.replace) window.history.replaceState(null, '', path);
        else window.history.pushState(null, '', path);
      }
      set({ route });
    },
  };
});
