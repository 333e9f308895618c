import type { Locale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import dayjs from 'dayjs';
import { localized } from '../i18n/localized';

/** Figures are formatted in @tessera/i18n, the one formatter the server's exports share with the screens. */
export { displayAs, formatCurrency, formatFigure, formatNumber, formatPercent, isFigureField } from '@tessera/i18n';

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
