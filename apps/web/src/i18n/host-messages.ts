import type { Locale } from '@tessera/i18n';
import { fillPlaceholders, languageChunks, type MessageKey, type MessageParams, translate } from '@tessera/ui/messages';
import type { hostEn } from './host-en';

/**
 * The host's own strings (sign-in, app picker, account, administration, formula playground) live
 * here, not in @tessera/ui's catalogs: the runtime package carries only what it renders. The host
 * translates its keys and, for what it shares with the runtime (common buttons, errors), ui's.
 * Like the runtime's, each language is a chunk of its own, loaded before the UI shows that language.
 */
export type HostMessageKey = keyof typeof hostEn;
export type HostTranslate = (key: HostMessageKey | MessageKey, params?: MessageParams) => string;
type HostCatalog = Record<HostMessageKey, string>;

export const hostMessages = languageChunks<HostCatalog>({
  en: () => import('./host-en').then((m) => m.hostEn),
  'zh-CN': () => import('./host-zh-cn').then((m) => m.hostZhCN),
});

export function hostCatalogOf(locale: Locale): HostCatalog {
  const catalog = hostMessages.loaded(locale);
  if (!catalog) throw new Error(`The host's ${locale} messages are used before they were loaded`);
  return catalog;
}

export function hostTranslate(locale: Locale, key: HostMessageKey | MessageKey, params?: MessageParams): string {
  // Both languages have the same keys (host-messages.test.ts): the loaded one tells whose key it is.
  const catalog = hostCatalogOf(locale);
  return Object.hasOwn(catalog, key) ? fillPlaceholders(catalog[key as HostMessageKey], params) : translate(locale, key as MessageKey, params);
}
