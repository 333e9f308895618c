import { createRequire } from 'node:module';
import type { Duplex, Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import type { CellValue, TableSource } from './sheet-row';

/**
 * The parts of an .xlsx zip that give a sheet's cells their meaning — shared strings, styles
 * (which number is a date), the 1904 date system — read the way exceljs's streaming reader read
 * them, so a cell means what it meant before the importer read sheets itself (ADR 0111).
 */

const require = createRequire(import.meta.url);

/** The part of unzipper (exceljs's own unzip library, which ships no types) used here. */
export interface ZipEntry extends Readable {
  path: string;
  buffer(): Promise<Buffer>;
  autodrain(): { promise(): Promise<void> };
}
const { Parse } = require('unzipper') as { Parse: (options: { forceStream: true }) => Duplex & AsyncIterable<ZipEntry> };

/** exceljs's own date rules and styles parser (its package has no exports map; 4.4.0 is pinned). */
const excelUtils = require('exceljs/lib/utils/utils.js') as {
  isDateFmt(format: string | undefined): boolean;
  excelToDate(serial: number, date1904: boolean): Date;
  xmlDecode(text: string): string;
};
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new () => {
  parseStream(chunks: Iterable<Buffer>): Promise<unknown>;
  getStyleModel(id: number): { numFmt?: string } | null;
};

/** The entries of a zip, in the order they are stored; `close` stops reading the file. */
export function openZip(source: TableSource): { entries: AsyncIterable<ZipEntry>; close(): void } {
  const input = source();
  return { entries: input.pipe(Parse({ forceStream: true })), close: () => input.destroy() };
}

/** A sheet's XML part, as exceljs recognised one. */
export const sheetEntry = (path: string): boolean => /xl\/worksheets\/sheet\d+[.]xml/.test(path);

export interface WorkbookParts {
  relations: boolean;
  sharedStrings: CellValue[] | null;
  /** The number format of each style id (null: no such style); null until the styles part is read. */
  styles: { numFmt(style: number): string | undefined | null; isDateFormat(format: string | undefined): boolean } | null;
  date1904: boolean;
  /** Sheets met after the shared strings and relations (exceljs read them where they stood). */
  readySheets: number;
  /** Sheets met before them (exceljs read them after the whole zip, in this order). */
  waitingSheets: string[];
}

/** Reads `entry` into `parts` when it is one of the parts a sheet needs; false when it is not. */
export async function workbookPart(entry: ZipEntry, parts: WorkbookParts): Promise<boolean> {
  switch (entry.path) {
    case 'xl/_rels/workbook.xml.rels':
      parts.relations = true;
      await entry.autodrain().promise();
      return true;
    case 'xl/workbook.xml':
      parts.date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="1"/.test((await entry.buffer()).toString('utf8'));
      return true;
    case 'xl/sharedStrings.xml':
      parts.sharedStrings = await sharedStrings(entry);
      return true;
    case 'xl/styles.xml': {
      // Read whole first (it is small): the parser stops at the root's end, and an entry left
      // unread would stall the zip.
      const styles = new StylesXform();
      await styles.parseStream([await entry.buffer()]);
      const dates = new Map<string | undefined, boolean>();
      parts.styles = {
        numFmt: (style) => {
          const model = styles.getStyleModel(style);
          return model ? model.numFmt : null;
        },
        isDateFormat(format) {
          let date = dates.get(format);
          if (date === undefined) dates.set(format, (date = excelUtils.isDateFmt(format)));
          return date;
        },
      };
      return true;
    }
    default:
      return false;
  }
}

/**
 * The shared strings, rich text joined into its text. As in exceljs, the text of an entry is the
 * last `<t>` outside a run (a phonetic guide's included) unless it has runs.
 */
async function sharedStrings(entry: ZipEntry): Promise<CellValue[]> {
  const strings: CellValue[] = [];
  const parser = new SaxesParser();
  let text: string | null = null;
  let runs: (string | null)[] = [];
  parser.on('opentag', (node) => {
    if (node.name === 'si') {
      runs = [];
      text = null;
    } else if (node.name === 't') text = null;
  });
  parser.on('text', (value) => {
    text = text ? text + value : value;
  });
  parser.on('closetag', (node) => {
    if (node.name === 'r') {
      runs.push(text);
      text = null;
    } else if (node.name === 'si') {
      strings.push(runs.length ? runs.map((run) => run ?? '').join('') : text);
      runs = [];
      text = null;
    }
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entry as AsyncIterable<Buffer>) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
  return strings;
}

/** A cell as read from `<c>`: its style, type, formula and value texts. */
export interface Cell {
  s: number;
  t: string | undefined;
  f: { text: string } | null;
  v: { text: string } | null;
}

/**
 * What a cell holds, by exceljs's streaming reader's rules: a formula's cached result (text or a
 * number), a shared or inline string, a boolean, an error as nothing, a number — a date when its
 * style (else its row's) formats it as one. Undefined: the cell holds nothing (it does not count
 * towards the row's length).
 */
export function cellValue(cell: Cell, rowStyle: number, parts: WorkbookParts): CellValue | undefined {
  if (cell.f) {
    if (!cell.v) return null;
    return cell.t === 'str' ? excelUtils.xmlDecode(cell.v.text) : Number.parseFloat(cell.v.text);
  }
  if (!cell.v) return undefined;
  switch (cell.t) {
    case 's':
      return parts.sharedStrings?.[Number.parseInt(cell.v.text, 10)] ?? undefined;
    case 'inlineStr':
    case 'str':
      return excelUtils.xmlDecode(cell.v.text);
    case 'e':
      return null;
    case 'b':
      return Number.parseInt(cell.v.text, 10) !== 0;
    default: {
      const serial = Number.parseFloat(cell.v.text);
      return isDate(cell.s, rowStyle, parts) ? excelUtils.excelToDate(serial, parts.date1904) : serial;
    }
  }
}

/**
 * A cell takes its row's style (`<row s>`), replaced by its own when the styles part knows that
 * one (exceljs's rule); the number format of the style it ends with says whether it is a date.
 */
function isDate(style: number, rowStyle: number, parts: WorkbookParts): boolean {
  const styles = parts.styles;
  if (!styles) return false;
  const own = style ? styles.numFmt(style) : null;
  return own !== null ? styles.isDateFormat(own) : rowStyle ? styles.isDateFormat(styles.numFmt(rowStyle) ?? undefined) : false;
}

/** The 1-based column of a cell reference ("C7" → 3). */
export function excelColumn(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}
