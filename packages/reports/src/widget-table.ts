import type { Locale } from '@tessera/i18n';
import type { LocalizedText } from '@tessera/schemas';
import type { PivotTable } from './pivot-table';
import type { ReportKey, ReportResult } from './report-result';

/** A name in the reader's language, else English, else Chinese, else the id. */
function named(label: LocalizedText | string | null | undefined, locale: Locale, fallback: string): string {
  if (typeof label === 'string') return label;
  return label?.[locale] ?? label?.en ?? label?.['zh-CN'] ?? fallback;
}

const keyCell = (key: ReportKey | undefined, locale: Locale): string | number | null => {
  if (!key) return null;
  if (key.label !== null) return named(key.label, locale, String(key.value ?? ''));
  return typeof key.value === 'boolean' ? String(key.value) : key.value;
};

/**
 * A widget's answer as a table, for CSV and XLSX: one column per dimension (names, not ids: a
 * person's name, an option's label, a month's first day) and one per measure, the rows as shown.
 */
export function widgetTable(result: ReportResult, locale: Locale): { titles: string[]; rows: (string | number | null)[][] } {
  const titles = [...result.dimensions.map((d) => named(d.label, locale, d.field)), ...result.measures.map((m) => named(m.label, locale, m.id))];
  const rows = result.rows.map((row) => [
    ...result.dimensions.map((d) => keyCell(row.keys[d.id], locale)),
    ...result.measures.map((m) => row.values[m.id] ?? null),
  ]);
  return { titles, rows };
}

const TOTAL: LocalizedText = { 'zh-CN': '合计', en: 'Total' };

/**
 * A pivot as its reader sees it, for CSV and XLSX: the first dimension down, the second across,
 * a total column and a total row as the server computed them (an average's total is not the sum
 * of its cells), and the corner naming both dimensions.
 */
export function pivotGridTable(pivot: PivotTable, locale: Locale): { titles: string[]; rows: (string | number | null)[][] } {
  const name = (dimension: PivotTable['rowDimension']) => (dimension ? named(dimension.label, locale, dimension.field) : '');
  const total = named(TOTAL, locale, 'Total');
  const titles = [
    `${name(pivot.rowDimension)} \\ ${name(pivot.columnDimension)}`,
    ...pivot.columns.map((column) => String(keyCell(column.key, locale) ?? '')),
    total,
  ];
  const rows = [
    ...pivot.rows.map((row) => [keyCell(row.key, locale), ...row.cells.map((cell) => cell.value), row.total.value]),
    [total, ...pivot.columns.map((column) => column.total.value), pivot.total.value],
  ];
  return { titles, rows };
}
