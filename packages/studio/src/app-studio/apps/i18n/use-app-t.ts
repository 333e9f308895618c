import { translate } from '@tessera/i18n';
import { useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import type { AppMessage } from './app-messages';
import './app-messages';

export type AppT = (key: AppMessage, params?: Record<string, string | number>) => string;

/** The app management words in the admin's language. */
export function useAppT(): AppT {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<AppT>((key, params) => translate(locale, key, params), [locale]);
}
