import { useEffect } from 'react';
import { localized, pluralTitle } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useAuthStore } from '../stores/auth-store';
import { useCurrentAppStore, useObjectDefinition } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { requestUserNames, useUserNamesStore } from '../widgets/user-names';

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
 * Names for user ids (history actors, the owner), from the directory every signed-in user may
 * read, batched with the page's other lookups (widgets/user-names.ts). An id the directory does
 * not know (a deleted user) is shown by a short id.
 */
export function useUserNames(): (userId: string | null) => string {
  const t = useT();
  const me = useAuthStore((s) => s.me);
  const users = useUserNamesStore((s) => s.users);
  return (userId) => {
    if (userId === null) return t('recordPage.system');
    if (userId === me?.userId) return me.name;
    const user = users[userId];
    if (user === undefined) requestUserNames([userId]);
    return user ? user.name : t('recordPage.user', { id: userId.slice(0, 8) });
  };
}
