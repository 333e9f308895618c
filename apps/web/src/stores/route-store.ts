import { create } from 'zustand';

/**
 * The three client routes. A hand-rolled history router: the shell has three pages and no
 * router package is installed; the server falls back to index.html for these paths.
 */
export type Route =
  | { name: 'apps' }
  | { name: 'app'; appId: string; objectId: string | null };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'apps' && parts[1]) {
    return { name: 'app', appId: parts[1], objectId: parts[2] === 'objects' && parts[3] ? parts[3] : null };
  }
  return { name: 'apps' };
}

export function routePath(route: Route): string {
  if (route.name === 'apps') return '/';
  const base = `/apps/${encodeURIComponent(route.appId)}`;
  return route.objectId ? `${base}/objects/${encodeURIComponent(route.objectId)}` : base;
}

interface RouteState {
  route: Route;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
}

export const useRouteStore = create<RouteState>((set) => {
  window.addEventListener('popstate', () => set({ route: parseRoute(window.location.pathname) }));
  return {
    route: parseRoute(window.location.pathname),
    navigate: (route, options) => {
      const path = routePath(route);
      if (path !== window.location.pathname) {
        if (options?.replace) window.history.replaceState(null, '', path);
        else window.history.pushState(null, '', path);
      }
      set({ route });
    },
  };
});
