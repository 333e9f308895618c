import { DEFAULT_CURRENCY, displayAs, figureScale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';

/** As the list shows dates and times (field-format's formatDate and formatDateTime). */
export const EXCEL_DATE_FORMAT = 'yyyy-mm-dd';
export const EXCEL_DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * The Excel number format that shows a figure cell as the list shows it (`formatFigure`): grouped
 * digits at the field's precision, money with its currency code in front ("CNY 1,234.50"), a
 * percent field's number followed by a literal % sign (the field stores 12.5 for 12.5 %, so the
 * cell holds 12.5 too: a bare % in the format would multiply by 100). Without a scale the value's
 * own decimals are kept, as the list keeps them.
 */
export function excelNumberFormat(field: FieldDefinition, value: number): string {
  const shown = displayAs(field);
  const scale = figureScale(shown) ?? ownDecimals(value);
  const digits = scale > 0 ? `#,##0.${'0'.repeat(scale)}` : '#,##0';
  if (shown.type === 'currency') return `"${shown.currency ?? DEFAULT_CURRENCY} "${digits}`;
  if (shown.type === 'percent') return `${digits}"%"`;
  return digits;
}

function ownDecimals(value: number): number {
  const fraction = /\.(\d+)$/.exec(String(value))?.[1];
  return Math.min(fraction?.length ?? 0, 10);
}
