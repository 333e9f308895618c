import type { SheetInfo, TableSource } from './sheet-row';
import { openZip } from './xlsx-parts';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (entity, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (XML_ENTITIES[name] ?? entity),
  );

/** The attributes of each `<tag …>` in `xml`, by name (workbook.xml and its relations are flat lists of them). */
function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const element of xml.matchAll(new RegExp(`<(?:\\w+:)?${tag}\\b([^>]*)>`, 'g'))) {
    const attributes: Record<string, string> = {};
    for (const [, name, value] of element[1]!.matchAll(/([\w:]+)="([^"]*)"/g)) attributes[name!] = unescapeXml(value!);
    found.push(attributes);
  }
  return found;
}

/**
 * The sheets of a workbook by position and name, from the zip's directory files alone: the
 * workbook's sheet list and its relations name each sheet's part, and the parts' order in the zip
 * is the position the sheet reader gives them (read-xlsx.ts). The sheets' rows are
 * skipped unparsed — before, listing the sheets parsed every row of the file.
 */
export async function listXlsxSheets(source: TableSource): Promise<SheetInfo[]> {
  const zip = openZip(source);
  const parts: string[] = [];
  let workbook = '';
  let relations = '';
  try {
    for await (const entry of zip.entries) {
      if (entry.path === 'xl/workbook.xml') workbook = (await entry.buffer()).toString('utf8');
      else if (entry.path === 'xl/_rels/workbook.xml.rels') relations = (await entry.buffer()).toString('utf8');
      else {
        if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.path)) parts.push(entry.path);
        await entry.autodrain().promise();
      }
    }
  } finally {
    zip.close();
  }
  const targetOf = new Map(elements(relations, 'Relationship').map((r) => [r.Id, `xl/${(r.Target ?? '').replace(/^\/?xl\//, '')}`]));
  const nameOf = new Map(elements(workbook, 'sheet').map((s) => [targetOf.get(s['r:id'] ?? ''), s.name ?? '']));
  return parts.map((part, i) => ({ index: i + 1, name: nameOf.get(part) || `Sheet${i + 1}` }));
}
