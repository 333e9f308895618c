import type { Locale } from './locale';

export type MessageParams = Record<string, string | number | boolean | null | undefined>;
export type Catalog = Record<string, string>;

const catalogs: Record<Locale, Catalog> = { 'zh-CN': {}, en: {} };

/**
 * Engines register their messages next to the code that raises them, so a new error code and
 * its two translations land in one change. A code registered twice with different text is a bug.
 */
export function registerMessages(messages: Record<string, { 'zh-CN': string; en: string }>): void {
  for (const [code, byLocale] of Object.entries(messages)) {
    for (const locale of ['zh-CN', 'en'] as const) {
      const existing = catalogs[locale][code];
      if (existing !== undefined && existing !== byLocale[locale]) {
        throw new Error(`message ${code} registered twice with different ${locale} text`);
      }
      catalogs[locale][code] = byLocale[locale];
    }
  }
}

/** `{name}` placeholders are filled from params; an unknown code falls back to the code itself. */
export function translate(locale: Locale, code: string, params: MessageParams = {}): string {
  const template = catalogs[locale][code] ?? catalogs.en[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined || value === null ? whole : String(value);
  });
}

export function hasMessage(code: string): boolean {
  return code in catalogs.en && code in catalogs['zh-CN'];
}
