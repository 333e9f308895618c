import { translate } from '@tessera/i18n';
import { useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import type { DashboardMessage } from './dashboard-messages';
import './dashboard-messages';

export type DashboardT = (key: DashboardMessage, params?: Record<string, string | number>) => string;

/** The dashboard designer's translate function in the admin's language. */
export function useDashboardT(): DashboardT {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<DashboardT>((key, params) => translate(locale, key, params), [locale]);
}
