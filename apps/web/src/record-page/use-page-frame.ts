import { useEffect } from 'react';
import { adminApi } from '../api/admin-client';
import { useRemote } from '../api/use-remote';
import { localized, pluralTitle } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useAuthStore } from '../stores/auth-store';
import { useCurrentAppStore, useObjectDefinition } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';

/**
 * The record page is reached by a shared link or a reload as often as from the table, so it
 * loads the app's live document itself (the app layout does this for the other pages).
 */
export function usePageFrame(appId: string, objectId: string) {
  const locale = useSessionStore((s) => s.locale);
  const { status, document, error, open, reload } = useCurrentAppStore();
  const object = useObjectDefinition(objectId);
  useEffect(() => open(appId), [appId, open]);
  return {
    status,
    error,
    reload,
    object,
    appLabel: document ? localized(document.label, locale, appId) : appId,
    listTitle: object ? pluralTitle(object, locale) : objectId,
  };
}

/**
 * Names for user ids (history actors, the owner). There is no user directory for everyone yet:
 * the signed-in user knows their own name, administrators can read the user list, and anyone
 * else is shown by a short id.
 */
export function useUserNames(): (userId: string | null) => string {
  const t = useT();
  const me = useAuthStore((s) => s.me);
  const users = useRemote(me?.isAdmin ? 'admin-users' : null, (signal) => adminApi.listUsers(signal));
  return (userId) => {
    if (userId === null) return t('recordPage.system');
    if (userId === me?.userId) return me.name;
    const user = users.data?.find((u) => u.id === userId);
    return user ? user.name : t('recordPage.user', { id: userId.slice(0, 8) });
  };
}
