import { api, localized, useAuthStore, useRemote, useRouteStore, useSessionStore } from '@tessera/ui';
import { message } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { hostTranslate } from '../i18n/host-messages';

/** The app list and how to open one; administrators also design apps and create new ones. */
export function useApps() {
  const apps = useRemote('apps', (signal) => api.listApps(signal));
  const navigate = useRouteStore((s) => s.navigate);
  const locale = useSessionStore((s) => s.locale);
  const isAdmin = useAuthStore((s) => s.me?.isAdmin ?? false);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const openApp = useCallback((appId: string) => navigate({ name: 'app', appId, objectId: null }), [navigate]);
  const designApp = useCallback((appId: string) => navigate({ name: 'studio-app', appId }), [navigate]);
  const copyable = useMemo(() => (apps.data ?? []).map((app) => ({ id: app.id, label: localized(app.label, locale, app.id) })), [apps.data, locale]);
  const { reload } = apps;
  const deleted = useCallback(
    (appId: string) => {
      const app = apps.data?.find((a) => a.id === appId);
      void message.success(hostTranslate(locale, 'apps.deleted', { name: app ? localized(app.label, locale, appId) : appId }));
      setDeleting(null);
      reload();
    },
    [apps.data, locale, reload],
  );
  return { apps, openApp, designApp, isAdmin, creating, setCreating, copyable, deleting, setDeleting, deleted };
}
