import { useCallback } from 'react';
import { useSessionStore } from '../stores/session-store';
import { type Translate, translate } from './messages';

/** The translate function for the current UI language; components re-render when it changes. */
export function useT(): Translate {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
}
