import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellValue, SheetRow, TableSource } from './sheet-row';
import { type Cell, cellValue, excelColumn, openZip, sheetEntry, type WorkbookParts, workbookPart } from './xlsx-parts';

/**
 * The rows of one sheet of an .xlsx file, read as a stream with a SAX parser over the zip entry
 * (ADR 0111): memory stays flat whatever the number of rows. A cell means what exceljs's streaming
 * reader made of it (xlsx-parts.ts keeps its rules): dates formatted as dates come as Date, other
 * numbers (phone numbers typed into Excel) as numbers. `sheet` is the 1-based position of the
 * sheet, as exceljs counts them.
 */
export async function* readXlsxRows(source: TableSource, sheet: number): AsyncGenerator<SheetRow> {
  const parts: WorkbookParts = { relations: false, sharedStrings: null, styles: null, date1904: false, readySheets: 0, waitingSheets: [] };
  // One pass reads the small parts and, when they came before it, the sheet; a sheet that came
  // before its shared strings is read in a second pass, with everything the first one found.
  const first = openZip(source);
  try {
    for await (const entry of first.entries) {
      if (await workbookPart(entry, parts)) continue;
      if (!sheetEntry(entry.path)) {
        await entry.autodrain().promise();
        continue;
      }
      if (parts.relations && parts.sharedStrings) {
        parts.readySheets += 1;
        if (parts.readySheets === sheet) {
          yield* sheetRows(entry, parts);
          return;
        }
      } else parts.waitingSheets.push(entry.path);
      await entry.autodrain().promise();
    }
  } finally {
    first.close();
  }
  const path = parts.waitingSheets[sheet - parts.readySheets - 1];
  if (path === undefined) return;
  const second = openZip(source);
  try {
    for await (const entry of second.entries) {
      if (entry.path === path) {
        yield* sheetRows(entry, parts);
        return;
      }
      await entry.autodrain().promise();
    }
  } finally {
    second.close();
  }
}

/** The rows of a sheet's XML part, each as its row closes. */
async function* sheetRows(input: AsyncIterable<Buffer>, parts: WorkbookParts): AsyncGenerator<SheetRow> {
  const parser = new SaxesParser();
  const done: SheetRow[] = [];
  let inRows = false;
  let rowNumber = 0;
  let rowStyle = 0;
  let values: CellValue[] | null = null;
  let cell: Cell | null = null;
  let column = 0;
  // Text goes to the value or formula opened last, also after it closed (as in exceljs).
  let current: { text: string } | null = null;
  parser.on('opentag', (node: SaxesTagPlain) => {
    switch (node.name) {
      case 'sheetData':
        inRows = true;
        break;
      case 'row':
        if (inRows) {
          const r = Number.parseInt(node.attributes.r ?? '', 10);
          rowNumber = Number.isNaN(r) ? rowNumber + 1 : r;
          rowStyle = Number.parseInt(node.attributes.s ?? '', 10);
          values = [];
          column = 0;
        }
        break;
      case 'c':
        if (values) {
          const ref = node.attributes.r;
          column = ref ? excelColumn(ref) : column + 1;
          cell = { s: Number.parseInt(node.attributes.s ?? '', 10), t: node.attributes.t, f: null, v: null };
        }
        break;
      case 'f':
        if (cell) current = cell.f = { text: '' };
        break;
      case 'v':
      case 'is':
      case 't':
        if (cell) current = cell.v = { text: '' };
        break;
    }
  });
  parser.on('text', (text) => {
    if (current) current.text += text;
  });
  parser.on('closetag', (node) => {
    switch (node.name) {
      case 'sheetData':
        inRows = false;
        break;
      case 'row':
        if (values) {
          const cells: CellValue[] = [];
          for (let i = 1; i < values.length; i += 1) cells.push(values[i] ?? null);
          done.push({ number: rowNumber, cells });
          values = null;
        }
        break;
      case 'c':
        if (values && cell) {
          const value = cellValue(cell, rowStyle, parts);
          if (value !== undefined) values[column] = value;
          cell = null;
        }
        break;
    }
  });
  // Bytes are decoded as a stream, so a character split between two chunks stays whole.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    parser.write(decoder.decode(chunk, { stream: true }));
    yield* done.splice(0);
  }
  parser.write(decoder.decode());
  parser.close();
  yield* done.splice(0);
}
