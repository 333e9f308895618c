import type { Locale } from '@tessera/i18n';

/** One language's texts of some kind, each language a chunk of its own, loaded when asked for. */
export interface LanguageChunks<T> {
  isLoaded(locale: Locale): boolean;
  load(locale: Locale): Promise<void>;
  /** The loaded texts; undefined before `load` finished. */
  loaded(locale: Locale): T | undefined;
}

/** Each language's texts behind its own `import()` (docs/adr/0107); a failed load is retried on the next call. */
export function languageChunks<T>(chunks: Record<Locale, () => Promise<T>>): LanguageChunks<T> {
  const loaded: Partial<Record<Locale, T>> = {};
  return {
    isLoaded: (locale) => loaded[locale] !== undefined,
    async load(locale) {
      loaded[locale] ??= await chunks[locale]();
    },
    loaded: (locale) => loaded[locale],
  };
}
