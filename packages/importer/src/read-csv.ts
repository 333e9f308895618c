import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { CellValue, SheetRow, TableSource } from './sheet-row';

export type CsvEncoding = 'utf8' | 'gb18030';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const HEAD_BYTES = 64 * 1024;

/**
 * What a CSV file is written in: UTF-8 (with or without a BOM) when its first 64 KB decode as
 * UTF-8, else GB18030 — what Excel in Chinese saves ("CSV" there is GBK, which GB18030 contains).
 * A multi-byte character cut at the 64 KB edge is not held against UTF-8.
 */
export async function detectCsvEncoding(source: TableSource): Promise<CsvEncoding> {
  const input = source();
  const parts: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      parts.push(chunk);
      length += chunk.length;
      if (length >= HEAD_BYTES) break;
    }
  } finally {
    input.destroy();
  }
  const bytes = Buffer.concat(parts).subarray(0, HEAD_BYTES);
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return 'utf8';
  return isUtf8Prefix(bytes) ? 'utf8' : 'gb18030';
}

function isUtf8Prefix(bytes: Buffer): boolean {
  // Drop up to three trailing bytes of a character the read may have cut in half.
  for (let cut = 0; cut <= 3 && cut <= bytes.length; cut += 1) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}

/**
 * The rows of a CSV file as a stream: bytes decoded by iconv-lite (a BOM stripped), parsed by
 * csv-parse (quotes, commas and line breaks inside quotes, CRLF), every cell as text. Row numbers
 * count the file's records, empty lines included, as a spreadsheet would number them.
 */
export async function* readCsvRows(source: TableSource, encoding?: CsvEncoding): AsyncGenerator<SheetRow> {
  const decoding = encoding ?? (await detectCsvEncoding(source));
  const input = source();
  const parser = input
    .pipe(iconv.decodeStream(decoding, { stripBOM: true }))
    .pipe(parse({ relax_column_count: true, skip_empty_lines: false, bom: true, info: true }));
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells: CellValue[] = record.record.map((text) => (text === '' ? null : text));
      yield { number: record.info.lines, cells };
    }
  } finally {
    input.destroy();
  }
}
