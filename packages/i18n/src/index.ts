export {
  asDecimal,
  DEFAULT_CURRENCY,
  displayAs,
  figureScale,
  formatCurrency,
  formatFigure,
  formatNumber,
  formatPercent,
  isFigureField,
  plainFigure,
} from './figure-format';
export { DEFAULT_LOCALE, type Locale, pickLocale, SUPPORTED_LOCALES } from './locale';
export { hasMessage, type MessageParams, registerMessages, translate } from './translate';
