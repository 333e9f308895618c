import type { Locale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import dayjs from 'dayjs';
import { localized } from '../i18n/localized';
import type { FormValue } from '../records/form-values';

/**
 * How a field looks before its antd input is mounted (see deferred-widget.tsx): a native
 * element with the same id, look and value. Types without a preview mount their input at once.
 */
export type PreviewKind = 'textarea' | 'number' | 'date' | 'select' | 'tags' | 'switch';

/**
 * One-line text types keep the browser's own input for good (text-input.tsx): antd's Input
 * would add nothing these fields use (no counter, no clear button, no affixes) but its
 * wrappers and style hooks on every keystroke, which B6 times.
 */
const PLAIN_TEXT: ReadonlySet<FieldDefinition['type']> = new Set(['text', 'phone', 'email', 'url']);

export function isPlainText(field: FieldDefinition): boolean {
  return PLAIN_TEXT.has(field.type);
}

const KINDS: Partial<Record<FieldDefinition['type'], PreviewKind>> = {
  long_text: 'textarea',
  number: 'number',
  currency: 'number',
  percent: 'number',
  date: 'date',
  datetime: 'date',
  select: 'select',
  multi_select: 'tags',
  checkbox: 'switch',
};

export function previewKind(field: FieldDefinition): PreviewKind | null {
  return KINDS[field.type] ?? null;
}

/** The keyboard a phone shows for the field, as its antd input asks for it. */
export function inputModeOf(field: FieldDefinition): 'email' | 'tel' | 'url' | 'decimal' | undefined {
  switch (field.type) {
    case 'email':
      return 'email';
    case 'phone':
      return 'tel';
    case 'url':
      return 'url';
    case 'number':
    case 'currency':
    case 'percent':
      return 'decimal';
    default:
      return undefined;
  }
}

/** What sits before and after a number, as in field-widget.tsx (currency code, percent sign). */
export function numberAffixes(field: FieldDefinition): { prefix?: string; suffix?: string } {
  if (field.type === 'currency') return { prefix: field.currency ?? 'CNY' };
  if (field.type === 'percent') return { suffix: '%' };
  return {};
}

/** A date as antd's DatePicker shows it by default (with `showTime` for date-time fields). */
export function dateText(field: FieldDefinition, value: FormValue): string {
  if (!dayjs.isDayjs(value) || !value.isValid()) return '';
  return value.format(field.type === 'datetime' ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD');
}

/** The labels of the chosen options, in the value's order; an unknown value shows as itself, as antd's Select does. */
export function optionLabels(field: FieldDefinition, value: FormValue, locale: Locale): string[] {
  const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
  return chosen.map((v) => {
    const option = field.options?.find((o) => o.value === v);
    return option ? localized(option.label, locale, v) : v;
  });
}

/**
 * A decimal as antd's InputNumber shows it (`1234.50` → `1234.5`, `007` → `7`), so nothing
 * shifts when the real input takes over; text that is not a plain decimal shows as it is.
 */
export function decimalText(value: FormValue): string {
  const text = textOf(value);
  const match = /^\s*(-?)(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return text;
  const whole = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && (/[1-9]/.test(whole) || fraction !== '') ? '-' : '';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Plain text for an input's value (a decimal or text string); anything else shows empty. */
export function textOf(value: FormValue): string {
  return typeof value === 'string' ? value : '';
}
