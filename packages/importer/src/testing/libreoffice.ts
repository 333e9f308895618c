import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A cell of a fixture sheet, as LibreOffice's flat ODS format types it. */
export type FixtureCell = string | number | null | { date: string } | { formula: string; value: number } | { merged: string; span: number };

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellXml(cell: FixtureCell): string {
  if (cell === null) return '<table:table-cell/>';
  if (typeof cell === 'number') return `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  if (typeof cell === 'string') return `<table:table-cell office:value-type="string"><text:p>${xmlText(cell)}</text:p></table:table-cell>`;
  if ('date' in cell)
    return `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${cell.date}"><text:p>${cell.date}</text:p></table:table-cell>`;
  if ('formula' in cell)
    return `<table:table-cell table:formula="${xmlText(cell.formula)}" office:value-type="float" office:value="${cell.value}"><text:p>${cell.value}</text:p></table:table-cell>`;
  return `<table:table-cell table:number-columns-spanned="${cell.span}" office:value-type="string"><text:p>${xmlText(cell.merged)}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="${cell.span - 1}"/>`;
}

/** A flat ODS document (LibreOffice's own XML format) with the given sheets. */
export function flatOds(sheets: { name: string; rows: FixtureCell[][] }[]): string {
  const tables = sheets
    .map(
      (sheet) =>
        `<table:table table:name="${xmlText(sheet.name)}">${sheet.rows.map((row) => `<table:table-row>${row.map(cellXml).join('')}</table:table-row>`).join('')}</table:table>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
</office:automatic-styles>
<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document>`;
}

/**
 * Test-only: a spreadsheet written by LibreOffice, not by us — the fixture is written as a flat
 * ODS (or CSV) and converted headless to .xlsx, so the importer reads what another program made.
 * Each call uses a profile folder of its own, so parallel test files do not share one.
 */
export async function libreOfficeXlsx(name: string, content: string, options: { csv?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-lo-'));
  const input = join(dir, `${name}.${options.csv ? 'csv' : 'fods'}`);
  await writeFile(input, content);
  const args = ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`];
  // CSV: comma-separated, double quotes, UTF-8 (76), from line 1.
  if (options.csv) args.push('--infilter=CSV:44,34,76,1');
  await run('soffice', [...args, '--convert-to', 'xlsx', '--outdir', dir, input], { timeout: 120_000 });
  return join(dir, `${basename(input).replace(/\.\w+$/, '')}.xlsx`);
}

/** Test-only: text re-encoded by the system's iconv (a CSV as Excel in Chinese saves it). */
export async function iconvFile(path: string, to: 'GBK' | 'GB18030'): Promise<string> {
  const target = `${path}.${to.toLowerCase()}.csv`;
  await run('sh', ['-c', 'iconv -f UTF-8 -t "$1" "$2" > "$3"', 'iconv', to, path, target]);
  return target;
}
