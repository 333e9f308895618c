import type { Locale } from '@tessera/i18n';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { formatCurrency, formatNumber, formatPercent } from '../format/field-format';

/**
 * The field a column's total adds up: the first amount (currency) the reader may see, else the
 * first plain number. A pipeline board shows what each stage is worth.
 */
export function summedField(object: ObjectDefinition, hidden: ReadonlySet<string>): FieldDefinition | null {
  const visible = object.fields.filter((f) => !hidden.has(f.id) && !f.encrypted);
  return visible.find((f) => f.type === 'currency') ?? visible.find((f) => f.type === 'number') ?? null;
}

/** A column's total in the field's own format, as its cards and the form show the field. */
export function totalText(field: FieldDefinition, sum: string, locale: Locale): string {
  if (field.type === 'currency') return formatCurrency(sum, locale, field.currency, field.scale ?? 2);
  if (field.type === 'percent') return formatPercent(sum, locale, field.scale);
  return formatNumber(sum, locale, field.scale);
}
