import { useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';
import { type HostTranslate, hostTranslate } from './host-messages';

/** The host's translate function for the current UI language: its own keys and the runtime's. */
export function useT(): HostTranslate {
  const locale = useSessionStore((s) => s.locale);
  return useCallback<HostTranslate>((key, params) => hostTranslate(locale, key, params), [locale]);
}
