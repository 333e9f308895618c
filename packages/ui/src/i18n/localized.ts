import type { Locale } from '@tessera/i18n';
import type { LocalizedText, ObjectDefinition } from '@tessera/schemas';

/**
 * Admin-written text in the reader's language, else the other one: the schema requires at
 * least one language, not both, so a half-translated app still shows something.
 */
export function localized(text: LocalizedText | undefined, locale: Locale, fallback = ''): string {
  if (!text) return fallback;
  return text[locale] ?? text.en ?? text['zh-CN'] ?? fallback;
}

/** An object's menu title: its plural in this language, else its singular in this language, else any. */
export function pluralTitle(object: Pick<ObjectDefinition, 'id' | 'label' | 'pluralLabel'>, locale: Locale): string {
  return object.pluralLabel?.[locale] ?? object.label[locale] ?? localized(object.pluralLabel ?? object.label, locale, object.id);
}
