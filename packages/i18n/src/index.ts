export { DEFAULT_LOCALE, type Locale, pickLocale, SUPPORTED_LOCALES } from './locale';
export { hasMessage, type MessageParams, registerMessages, translate } from './translate';
