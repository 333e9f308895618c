import type { Locale } from '@tessera/i18n';
import { languageChunks } from './language-chunks';
import type { en } from './messages-en';

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;
type Catalog = Record<MessageKey, string>;

/**
 * Each language's catalogue is a chunk of its own: a page downloads the language it shows, and the
 * other only when the user switches to it (docs/adr/0107). The session store loads the chosen
 * language before it switches to it (locale-loaders.ts), and main.tsx the first before it renders.
 */
const catalogs = languageChunks<Catalog>({
  en: () => import('./messages-en').then((m) => m.en),
  'zh-CN': () => import('./messages-zh-cn').then((m) => m.zhCN),
});

export function messagesLoaded(locale: Locale): boolean {
  return catalogs.isLoaded(locale);
}

export function loadMessages(locale: Locale): Promise<void> {
  return catalogs.load(locale);
}

/** One language's catalogue, once loaded; asking before is a bug in the caller's order, said plainly. */
export function catalogOf(locale: Locale): Catalog {
  const catalog = catalogs.loaded(locale);
  if (!catalog) throw new Error(`The ${locale} messages are used before loadMessages('${locale}') finished`);
  return catalog;
}

/** `{name}` placeholders are filled from params; an unfilled placeholder stays visible so it gets noticed. */
export function fillPlaceholders(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(catalogOf(locale)[key], params);
}

export { type LanguageChunks, languageChunks } from './language-chunks';
export { addLocaleLoader, type LocaleLoader, loadLocale, localeLoaded } from './locale-loaders';
