import { translate } from '@tessera/i18n';
import { useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import type { NavigationMessage } from './navigation-messages';
import './navigation-messages';

export type NavT = (key: NavigationMessage, params?: Record<string, string | number>) => string;

/** The navigation section's translate function in the admin's language. */
export function useNavT(): NavT {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<NavT>((key, params) => translate(locale, key, params), [locale]);
}
