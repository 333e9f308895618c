import { translate } from '@tessera/i18n';
import { useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import type { ViewMessage } from './view-messages';
import './view-messages';

export type ViewT = (key: ViewMessage, params?: Record<string, string | number>) => string;

/** The list views designer's translate function in the admin's language. */
export function useViewT(): ViewT {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<ViewT>((key, params) => translate(locale, key, params), [locale]);
}
