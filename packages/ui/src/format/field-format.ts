import type { Locale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import dayjs from 'dayjs';
import { localized } from '../i18n/localized';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Decimals travel as strings so 0.1 + 0.2 never shows up as 0.30000000000000004. Intl formats
 * a numeric string exactly (ES2023), so we hand it the string, never a float.
 */
function asDecimal(value: unknown): `${number}` | null {
  if (typeof value === 'number' && Number.isFinite(value)) return `${value}`;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return value.trim() as `${number}`;
  return null;
}

function intlLocale(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-US';
}

export function formatNumber(value: unknown, locale: Locale, scale?: number): string {
  const decimal = asDecimal(value);
  if (decimal === null) return value === null || value === undefined ? '' : String(value);
  return new Intl.NumberFormat(intlLocale(locale), {
    ...(scale !== undefined ? { minimumFractionDigits: scale, maximumFractionDigits: scale } : { maximumFractionDigits: 10 }),
  }).format(decimal);
}

/** Chinese companies are the first audience: an amount without a currency code is in yuan. */
export function formatCurrency(value: unknown, locale: Locale, currency = 'CNY', scale = 2): string {
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

/**
 * A figure as its field says to show it, in the reader's locale: money with its currency code and
 * scale, numbers with separators and their precision, percentages with the sign; a formula as the
 * type it produces. The one formatter of the form, lists, record pages and Kanban cards; null for
 * a field that is not a figure.
 */
export function formatFigure(field: FieldDefinition, value: unknown, locale: Locale): string | null {
  const shown = displayAs(field);
  switch (shown.type) {
    case 'currency':
      return formatCurrency(value, locale, shown.currency, shown.scale ?? 2);
    case 'number':
      return formatNumber(value, locale, shown.scale);
    case 'percent':
      return formatPercent(value, locale, shown.scale);
    default:
      return null;
  }
}

/** Whether a column of this field holds figures (aligned right, digits of one width). */
export function isFigureField(field: FieldDefinition): boolean {
  const { type } = displayAs(field);
  return type === 'currency' || type === 'number' || type === 'percent';
}

export function formatDate(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD') : value;
}

/** Datetimes are stored in UTC (ISO 8601) and shown in the browser's time zone. */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD HH:mm') : value;
}

export interface OptionDisplay {
  value: string;
  label: string;
  color: string | undefined;
}

/** A select value as people know it; a value no longer among the options shows as itself. */
export function optionDisplay(field: FieldDefinition, value: string, locale: Locale): OptionDisplay {
  const option = field.options?.find((o) => o.value === value);
  return { value, label: option ? localized(option.label, locale, value) : value, color: option?.color };
}
