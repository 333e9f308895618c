import ExcelJS from 'exceljs';
import type { CellValue, SheetRow, TableSource } from './sheet-row';

/**
 * exceljs hands a cell as a plain value or as an object: a formula with its cached result, rich
 * text in runs, a hyperlink with its text, an error. The importer wants what the user sees.
 */
export function plainCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return detached(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const cell = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if ('formula' in cell || 'sharedFormula' in cell) return plainCell(cell.result);
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join('');
    if ('error' in cell) return null;
    if ('text' in cell) return plainCell(cell.text);
  }
  return String(value);
}

/**
 * A copy of `text` that holds nothing else: the XML parser's strings are slices of the chunk they
 * were read from, and keeping one (a dedup key, a refused row for the report) would keep the whole
 * chunk — over a 50,000-row import, most of the sheet's XML.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * The rows of one sheet of an .xlsx file, read as a stream (exceljs's streaming reader): memory
 * stays flat whatever the number of rows. Dates formatted as dates come as Date; other numbers
 * (phone numbers typed into Excel) as numbers. `sheet` is the 1-based position of the sheet.
 */
export async function* readXlsxRows(source: TableSource, sheet: number): AsyncGenerator<SheetRow> {
  const input = source();
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    let position = 0;
    for await (const worksheet of reader) {
      position += 1;
      // Every sheet's rows must be read for the reader to move on; the others are skipped unseen.
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (position !== sheet) continue;
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let column = 1; column < values.length; column += 1) cells.push(plainCell(values[column]));
        yield { number: row.number, cells };
      }
      if (position === sheet) return;
    }
  } finally {
    input.destroy();
  }
}
