import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { FIELDS, fileRows, type Row } from './customer-app';

/** The workbook the import reads: a header of zh-CN labels, then the rows (exceljs's streaming writer). */
export async function writeWorkbook(path: string, count: number, existing: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(FIELDS.map((f) => f.label['zh-CN'] ?? f.id)).commit();
  for (const row of fileRows(count, existing)) {
    const added = sheet.addRow(row);
    for (const column of [12, 13]) added.getCell(column).numFmt = 'yyyy-mm-dd';
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
}

const csvCell = (value: Row[number]): string => {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === '是' || value === '否') return value === '是' ? 't' : 'f';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The same rows as CSV for the baseline's COPY. */
export async function writeCsv(path: string, count: number, existing: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${FIELDS.map((f) => f.id).join(',')}\n`);
  for (const row of fileRows(count, existing)) {
    if (!out.write(`${row.map(csvCell).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
