import { localized, useAuthStore, useCurrentAppStore, useRouteStore, useSessionStore } from '@tessera/ui';
import { presetViewKey, rememberView } from '@tessera/ui/list-view-memory';
import { Grid } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildNavigation, entryKeyFor, firstObjectId, type NavEntry } from './navigation';

function findEntry(entries: NavEntry[], key: string): NavEntry | null {
  for (const entry of entries) {
    if (entry.key === key) return entry;
    const nested = findEntry(entry.children, key);
    if (nested) return nested;
  }
  return null;
}

/** Everything the app layout shows: the live document's menu, where we are, and how to move. */
export function useAppShell(appId: string, objectId: string | null, dashboardId: string | null = null) {
  const locale = useSessionStore((s) => s.locale);
  const navigate = useRouteStore((s) => s.navigate);
  const { status, document, error, open, reload } = useCurrentAppStore();
  // Below md (768 px) the side menu turns into a drawer behind a menu button.
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => open(appId), [appId, open]);

  // Administrators see every entry; everyone else the entries for the roles they hold in this app.
  const me = useAuthStore((s) => s.me);
  const roles = useMemo(() => (me && !me.isAdmin ? (me.roles[appId] ?? []) : null), [me, appId]);
  const navigation = useMemo(() => (document ? buildNavigation(document, locale, roles) : []), [document, locale, roles]);
  /** Bumped by each menu choice, so choosing another view of the open object opens it afresh. */
  const [opened, setOpened] = useState(0);

  // Opening an app lands on its first page, so the user never sees an empty frame.
  useEffect(() => {
    if (status !== 'ready' || objectId || dashboardId) return;
    const first = firstObjectId(navigation);
    if (first) navigate({ name: 'app', appId, objectId: first }, { replace: true });
  }, [status, objectId, dashboardId, navigation, appId, navigate]);

  const selectMenuItem = useCallback(
    (key: string) => {
      const entry = findEntry(navigation, key);
      if (entry?.objectId && entry.viewId) rememberView(appId, entry.objectId, presetViewKey(entry.viewId));
      if (entry?.objectId) navigate({ name: 'app', appId, objectId: entry.objectId });
      if (entry?.page === 'approvals') navigate({ name: 'approvals', box: 'todo' });
      setOpened((n) => n + 1);
      if (entry?.dashboardId) navigate({ name: 'dashboard', appId, dashboardId: entry.dashboardId });
      setMenuOpen(false);
    },
    [navigation, appId, navigate],
  );

  const objectExists = !objectId || !!document?.objects.some((o) => o.id === objectId);

  return {
    status,
    error,
    reload,
    appLabel: document ? localized(document.label, locale, appId) : appId,
    navigation,
    opened,
    selectedKey: objectId ? entryKeyFor(navigation, objectId) : dashboardId ? entryKeyFor(navigation, dashboardId, 'dashboard') : null,
    hasPages: navigation.length > 0,
    objectExists,
    isMobile,
    menuOpen,
    setMenuOpen,
    selectMenuItem,
    goToApps: useCallback(() => navigate({ name: 'apps' }), [navigate]),
    /** Administrators design the app they are in; the studio loads only when they open it. */
    isAdmin: useAuthStore((s) => s.me?.isAdmin ?? false),
    openStudio: useCallback(() => navigate({ name: 'studio-app', appId }), [navigate, appId]),
  };
}
