import { api, useRemote, useRouteStore } from '@tessera/ui';
import { useCallback } from 'react';

/** The app list and how to open one. */
export function useApps() {
  const apps = useRemote('apps', (signal) => api.listApps(signal));
  const navigate = useRouteStore((s) => s.navigate);
  const openApp = useCallback((appId: string) => navigate({ name: 'app', appId, objectId: null }), [navigate]);
  return { apps, openApp };
}
