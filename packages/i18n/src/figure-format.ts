import type { FieldDefinition } from '@tessera/schemas';
import type { Locale } from './locale';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Decimals travel as strings so 0.1 + 0.2 never shows up as 0.30000000000000004. Intl formats
 * a numeric string exactly (ES2023), so we hand it the string, never a float.
 */
export function asDecimal(value: unknown): `${number}` | null {
  if (typeof value === 'number' && Number.isFinite(value)) return `${value}`;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim() as `${number}`;
  return null;
}

function intlLocale(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-US';
}

/** Digits after the point: exactly the field's scale, else as many as the value has (up to 10). */
function fractionDigits(scale: number | undefined): Intl.NumberFormatOptions {
  return scale !== undefined ? { minimumFractionDigits: scale, maximumFractionDigits: scale } : { maximumFractionDigits: 10 };
}

export function formatNumber(value: unknown, locale: Locale, scale?: number): string {
  const decimal = asDecimal(value);
  if (decimal === null) return value === null || value === undefined ? '' : String(value);
  return new Intl.NumberFormat(intlLocale(locale), fractionDigits(scale)).format(decimal);
}

/** Chinese companies are the first audience: an amount without a currency code is in yuan. */
export const DEFAULT_CURRENCY = 'CNY';

export function formatCurrency(value: unknown, locale: Locale, currency = DEFAULT_CURRENCY, scale = 2): string {
  const decimal = asDecimal(value);
  if (decimal === null) return value === null || value === undefined ? '' : String(value);
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
    minimumFractionDigits: scale,
    maximumFractionDigits: scale,
  }).format(decimal);
}

/** A percent field stores the number people typed (12.5 means 12.5 %), not a ratio. */
export function formatPercent(value: unknown, locale: Locale, scale?: number): string {
  const text = formatNumber(value, locale, scale);
  return text === '' ? '' : `${text}%`;
}

/**
 * A formula's value rendered as the type it produces (a currency total as money, a count as a
 * number), so one cell renderer serves computed and stored fields alike.
 */
export function displayAs(field: FieldDefinition): FieldDefinition {
  if (field.type !== 'formula' || !field.resultType) return field;
  const type = field.resultType === 'boolean' ? 'checkbox' : field.resultType;
  // Counts carry no decimals; amounts keep the scale the admin set (or two, for money).
  const scale = field.scale ?? (type === 'number' ? 0 : undefined);
  return { ...field, type, ...(scale !== undefined ? { scale } : {}) };
}

/** Digits a figure field shows after the point: its scale; two for money; undefined: as many as the value has. */
export function figureScale(field: FieldDefinition): number | undefined {
  const shown = displayAs(field);
  return shown.scale ?? (shown.type === 'currency' ? 2 : undefined);
}

/**
 * A figure as its field says to show it, in the reader's locale: money with its currency code and
 * scale, numbers with separators and their precision, percentages with the sign; a formula as the
 * type it produces. The one formatter of the form, lists, record pages, Kanban cards and
 * exports; null for a field that is not a figure.
 */
export function formatFigure(field: FieldDefinition, value: unknown, locale: Locale): string | null {
  const shown = displayAs(field);
  switch (shown.type) {
    case 'currency':
      return formatCurrency(value, locale, shown.currency, figureScale(shown));
    case 'number':
      return formatNumber(value, locale, shown.scale);
    case 'percent':
      return formatPercent(value, locale, shown.scale);
    default:
      return null;
  }
}

/** Whether a column of this field holds figures (aligned right, digits of one width). */
/**
 * A figure for a file other programs read (CSV): the field's precision, but no grouping
 * separators, currency code or percent sign, which would make Excel read the cell as text.
 * Null for a field that is not a figure.
 */
export function plainFigure(field: FieldDefinition, value: unknown): string | null {
  const shown = displayAs(field);
  if (!isFigureField(shown)) return null;
  const decimal = asDecimal(value);
  if (decimal === null) return value === null || value === undefined ? '' : String(value);
  return new Intl.NumberFormat('en-US', { useGrouping: false, ...fractionDigits(figureScale(shown)) }).format(decimal);
}

export function isFigureField(field: FieldDefinition): boolean {
  const { type } = displayAs(field);
  return type === 'currency' || type === 'number' || type === 'percent';
}
