import type { Locale } from '@tessera/i18n';
import { loadMessages, messagesLoaded } from './messages';

/** Something a language needs before the UI shows it: a message catalogue, a library's texts. */
export interface LocaleLoader {
  isLoaded(locale: Locale): boolean;
  load(locale: Locale): Promise<void>;
}

// The runtime's own catalogue; the host adds its catalogue and antd's texts (addLocaleLoader).
const loaders: LocaleLoader[] = [{ isLoaded: (locale) => messagesLoaded(locale), load: (locale) => loadMessages(locale) }];

export function addLocaleLoader(loader: LocaleLoader): void {
  loaders.push(loader);
}

export function localeLoaded(locale: Locale): boolean {
  return loaders.every((loader) => loader.isLoaded(locale));
}

/** Loads everything a language needs; the page shows it only after this (nothing half-translated). */
export async function loadLocale(locale: Locale): Promise<void> {
  await Promise.all(loaders.map((loader) => loader.load(locale)));
}
