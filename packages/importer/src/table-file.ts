import ExcelJS from 'exceljs';

export type TableCell = string | number | null;

/** One CSV cell: quoted when it holds a quote, a comma or a line break. */
export function csvCell(value: TableCell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ended as Excel expects. */
export const csvLine = (cells: readonly TableCell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * A small table (a dashboard widget's rows) as one file: CSV in UTF-8 with a BOM so Excel opens
 * Chinese text right, or a one-sheet workbook through exceljs, the same writer list exports use.
 * Numbers stay numbers in the workbook, so a manager can sum them.
 */
export async function tableFile(format: 'csv' | 'xlsx', sheetName: string, titles: readonly string[], rows: readonly TableCell[][]): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(`\uFEFF${csvLine(titles)}${rows.map(csvLine).join('')}`, 'utf8');
  const workbook = new ExcelJS.Workbook();
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1');
  sheet.addRow([...titles]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
