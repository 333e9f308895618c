export { pickLocale, SUPPORTED_LOCALES, DEFAULT_LOCALE, type Locale } from './locale';
export { registerMessages, translate, hasMessage, type MessageParams } from './translate';
