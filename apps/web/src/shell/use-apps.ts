import { api, localized, useAuthStore, useRemote, useRouteStore, useSessionStore } from '@tessera/ui';
import { useCallback, useMemo, useState } from 'react';

/** The app list and how to open one; administrators also design apps and create new ones. */
export function useApps() {
  const apps = useRemote('apps', (signal) => api.listApps(signal));
  const navigate = useRouteStore((s) => s.navigate);
  const locale = useSessionStore((s) => s.locale);
  const isAdmin = useAuthStore((s) => s.me?.isAdmin ?? false);
  const [creating, setCreating] = useState(false);
  const openApp = useCallback((appId: string) => navigate({ name: 'app', appId, objectId: null }), [navigate]);
  const designApp = useCallback((appId: string) => navigate({ name: 'studio-app', appId }), [navigate]);
  const copyable = useMemo(() => (apps.data ?? []).map((app) => ({ id: app.id, label: localized(app.label, locale, app.id) })), [apps.data, locale]);
  return { apps, openApp, designApp, isAdmin, creating, setCreating, copyable };
}
