import { createReadStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from './read-xlsx';
import type { SheetRow } from './sheet-row';

/** Rows of Chinese text long enough that the zip's inflated chunks end inside a character many times. */
const rows = Array.from({ length: 3_000 }, (_, i) => [`客户${i}有限公司`, `浙江省杭州市西湖区文三路 ${i} 号`, i, i % 2 === 0]);

async function workbook(useSharedStrings: boolean): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'tessera-xlsx-')), 'rows.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: true });
  const sheet = writer.addWorksheet('客户');
  for (const row of rows) {
    const added = sheet.addRow([...row, new Date(Date.UTC(2024, 0, 1 + (Number(row[2]) % 300)))]);
    added.getCell(5).numFmt = 'yyyy-mm-dd';
    added.commit();
  }
  sheet.commit();
  await writer.commit();
  return path;
}

describe('readXlsxRows', () => {
  it.each([
    ['inline strings', false],
    ['shared strings', true],
  ])('reads every cell whole with %s, also a character split between two chunks of the zip', async (_, shared) => {
    const path = await workbook(shared);
    const read: SheetRow[] = [];
    for await (const row of readXlsxRows(() => createReadStream(path), 1)) read.push(row);
    expect(read).toHaveLength(rows.length);
    read.forEach((row, i) => {
      // exceljs's own streaming reader decoded each chunk apart and put U+FFFD where one ended mid-character.
      expect(row).toEqual({ number: i + 1, cells: [...rows[i]!, new Date(Date.UTC(2024, 0, 1 + (i % 300)))] });
    });
  });
});
