import type { LocalizedText } from '@tessera/schemas';
import { localized, useSessionStore } from '@tessera/ui';
import { useCallback } from 'react';

/** Picks an admin-written text in the admin's language (the other language, then the id, when missing). */
export function useLabel(): (text: LocalizedText | undefined, fallback: string) => string {
  const locale = useSessionStore((s) => s.locale);
  return useCallback((text, fallback) => localized(text, locale, fallback), [locale]);
}
