import { translate } from '@tessera/i18n';
import { useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import type { RoleMessage } from './role-messages';
import './role-messages';

export type RoleT = (key: RoleMessage, params?: Record<string, string | number>) => string;

/** The roles section's translate function in the admin's language. */
export function useRoleT(): RoleT {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<RoleT>((key, params) => translate(locale, key, params), [locale]);
}
