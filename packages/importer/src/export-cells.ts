import { DEFAULT_CURRENCY, displayAs, type Locale, plainFigure, translate } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import { EXCEL_DATE_FORMAT, EXCEL_DATETIME_FORMAT, excelNumberFormat } from './excel-number-format';
import { wallClock } from './wall-clock';

/** Names of people and departments, by id, for the cells of an export. */
export interface ExportNames {
  users: ReadonlyMap<string, string>;
  departments: ReadonlyMap<string, string>;
}

/** What a cell of an export needs besides the value: names, the reader's language, the app's time zone. */
export interface ExportContext {
  names: ExportNames;
  locale: Locale;
  timeZone: string;
}

/** A workbook cell: the value with its type (number, Date or text) and the Excel format that shows it as the list does. */
export interface SheetCell {
  value: string | number | Date | null;
  numFmt?: string;
}

const label = (text: Record<string, string | undefined> | undefined, locale: Locale, fallback: string) =>
  text?.[locale] ?? text?.en ?? text?.['zh-CN'] ?? fallback;

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * A record's value as a workbook cell, typed as the field is: figures (number, currency, percent
 * and formulas that produce one) as numeric cells with the field's format, dates and times as
 * date cells (times as the app's time zone shows them), everything else as the list's text.
 */
export function sheetCell(field: FieldDefinition, value: unknown, display: Record<string, unknown> | undefined, context: ExportContext): SheetCell {
  if (value === null || value === undefined || value === '') return { value: null };
  const shown = displayAs(field);
  const text = plainFigure(shown, value);
  if (text !== null) {
    const n = Number(text);
    // Beyond 15 significant digits a spreadsheet number loses digits: keep the exact text.
    if (!Number.isFinite(n) || text.replace(/[-.]/g, '').replace(/^0+/, '').length > 15) return { value: text };
    return { value: n, numFmt: excelNumberFormat(shown, n) };
  }
  if (shown.type === 'date') {
    const day = DAY.exec(String(value));
    return day ? { value: new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))), numFmt: EXCEL_DATE_FORMAT } : { value: String(value) };
  }
  if (shown.type === 'datetime') {
    const instant = new Date(String(value));
    return Number.isNaN(instant.getTime()) ? { value: String(value) } : { value: wallClock(instant, context.timeZone), numFmt: EXCEL_DATETIME_FORMAT };
  }
  return { value: listText(shown, value, display, context) };
}

/**
 * A record's value as a CSV cell, for Excel and other programs to read as values: figures as
 * plain decimals at the field's precision (the unit is in the column title), dates as
 * YYYY-MM-DD and times as YYYY-MM-DD HH:mm in the app's time zone, everything else as the list's
 * text. docs/adr/0109 says why not the list's "CNY 1,234.50".
 */
export function csvValue(field: FieldDefinition, value: unknown, display: Record<string, unknown> | undefined, context: ExportContext): string | null {
  const cell = sheetCell(field, value, display, context);
  if (cell.value === null) return null;
  if (typeof cell.value === 'number') return plainFigure(displayAs(field), value);
  if (cell.value instanceof Date) {
    const iso = cell.value.toISOString();
    return cell.numFmt === EXCEL_DATE_FORMAT ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  }
  return cell.value;
}

/** A CSV column title: the field's label, with the unit its plain figures leave out ("Amount (CNY)", "Margin (%)"). */
export function csvColumnTitle(field: FieldDefinition, title: string): string {
  const shown = displayAs(field);
  if (shown.type === 'currency') return `${title} (${shown.currency ?? DEFAULT_CURRENCY})`;
  if (shown.type === 'percent') return `${title} (%)`;
  return title;
}

/**
 * A value as the list shows it in text: option labels rather than option values, the related
 * record's display text, people and departments by name, 是/否 for yes/no, file names for
 * attachments. Encrypted fields arrive masked from the list.
 */
function listText(field: FieldDefinition, value: unknown, display: Record<string, unknown> | undefined, { names, locale }: ExportContext): string {
  switch (field.type) {
    case 'checkbox':
      return translate(locale, value === true ? 'export.yes' : 'export.no');
    case 'select':
      return label(field.options?.find((o) => o.value === value)?.label, locale, String(value));
    case 'multi_select':
      return (Array.isArray(value) ? value : [value]).map((v) => label(field.options?.find((o) => o.value === v)?.label, locale, String(v))).join(', ');
    case 'relation':
      return String(display?.[field.id] ?? value);
    case 'user':
      return names.users.get(String(value)) ?? String(value);
    case 'department':
      return names.departments.get(String(value)) ?? String(value);
    case 'attachment':
    case 'image':
      return Array.isArray(value) ? value.map((file: { name?: string }) => file?.name ?? '').join(', ') : '';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
