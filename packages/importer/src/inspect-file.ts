import type { AccessPolicy } from '@tessera/access';
import type { FieldDefinition, MatchRule, ObjectDefinition } from '@tessera/schemas';
import { importableRules } from './check-plan';
import { detectHeaderRow, HEADER_SEARCH_ROWS, headerTitles } from './header-row';
import { firstRows, listSheets } from './read-table';
import type { CellValue, SheetInfo, TableKind, TableSource } from './sheet-row';
import { importableFields, suggestMapping } from './suggest-mapping';

/** What the wizard shows after an upload: sheets, the header row it found, columns with samples and a suggested field. */
export interface FilePreview {
  sheets: SheetInfo[];
  sheet: number;
  headerRow: number;
  columns: { column: number; title: string; samples: CellValue[]; suggestion: string | null }[];
  /** The fields an import may fill for this user. */
  fields: FieldDefinition[];
  /** The object's match rules the rows can be matched by (none reads a field hidden from this user). */
  matchRules: MatchRule[];
}

const SAMPLE_ROWS = 5;

/**
 * Reads the top of one sheet (never the whole file): finds the header row unless the user named
 * one, and suggests a field per column from what earlier imports mapped its title to, else from the
 * fields' labels in zh-CN and en.
 */
export async function inspectFile(
  file: { source: TableSource; kind: TableKind },
  object: ObjectDefinition,
  policy: AccessPolicy,
  choice: { sheet?: number | undefined; headerRow?: number | undefined } = {},
  remembered: ReadonlyMap<string, string> = new Map(),
): Promise<FilePreview> {
  const sheets = await listSheets(file.source, file.kind);
  const sheet = choice.sheet && choice.sheet <= sheets.length ? choice.sheet : 1;
  const top = await firstRows(file.source, file.kind, sheet, HEADER_SEARCH_ROWS + SAMPLE_ROWS);
  const headerRow = choice.headerRow ?? detectHeaderRow(top, object);
  const header = top.find((r) => r.number === headerRow)?.cells ?? [];
  const data = top.filter((r) => r.number > headerRow && r.cells.some((c) => c !== null)).slice(0, SAMPLE_ROWS);
  const width = Math.max(header.length, ...data.map((r) => r.cells.length));
  const titles = headerTitles([...header, ...Array<CellValue>(Math.max(0, width - header.length)).fill(null)]);
  const fields = importableFields(object, policy.hiddenFields(object.id), policy.readOnlyFields(object.id));
  const suggestions = suggestMapping(titles, fields, remembered);
  return {
    sheets,
    sheet,
    headerRow,
    columns: titles.map((title, column) => ({ column, title, samples: data.map((r) => r.cells[column] ?? null), suggestion: suggestions[column] ?? null })),
    fields,
    matchRules: importableRules(object, policy.hiddenFields(object.id)),
  };
}
