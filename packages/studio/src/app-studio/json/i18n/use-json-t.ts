import { translate } from '@tessera/i18n';
import { useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import type { JsonMessage } from './json-messages';
import './json-messages';

export type JsonT = (key: JsonMessage, params?: Record<string, string | number>) => string;

/** The JSON view's translate function in the admin's language. */
export function useJsonT(): JsonT {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<JsonT>((key, params) => translate(locale, key, params), [locale]);
}
