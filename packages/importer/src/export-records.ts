import { PassThrough, type Readable } from 'node:stream';
import type { SystemTables } from '@tessera/db';
import type { Locale } from '@tessera/i18n';
import { type AccessResolver, type LiveAppCache, RecordError, type RecordService } from '@tessera/records';
import { appTimeZone, FIELD_TYPES, type FieldDefinition, type FieldType, type FilterCondition, type SortKey } from '@tessera/schemas';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { csvColumnTitle, csvValue, type ExportContext, type ExportNames, sheetCell } from './export-cells';
import './messages';
import { csvLine } from './table-file';

export type ExportFormat = 'xlsx' | 'csv';

/** A list view as the user sees it: its filters, its sort, its columns (absent: every visible field). */
export interface ExportQuery {
  filters?: FilterCondition[] | undefined;
  sort?: SortKey[] | undefined;
  columns?: string[] | undefined;
}

/** Types a list shows in a column: all but child tables, related lists, rich text and signatures, which have no cell. */
const NO_CELL: ReadonlySet<FieldType> = new Set(['child_table', 'related_list', 'rich_text', 'signature']);
const CELL_TYPES: ReadonlySet<string> = new Set(FIELD_TYPES.filter((type) => !NO_CELL.has(type)));

const PAGE = 500;

/**
 * A list view as .xlsx or .csv, streamed: pages of 500 records are read through the records
 * service — under the viewer's policy, so hidden fields are never read and encrypted ones come
 * masked as in the list — and written out as they arrive (exceljs's streaming writer; CSV in
 * UTF-8 with a BOM so Excel opens Chinese text right). Memory stays flat for a million rows.
 * Refused before anything is written unless the role may `export` the object.
 */
export async function exportRecords(
  deps: { db: Kysely<SystemTables>; records: RecordService; liveApps: LiveAppCache },
  target: { appId: string; objectId: string; access: AccessResolver; locale: Locale },
  query: ExportQuery,
  format: ExportFormat,
): Promise<{ stream: Readable; columns: FieldDefinition[]; rows: Promise<number> }> {
  const live = await deps.liveApps.get(target.appId, deps.db);
  const object = live.objects.get(target.objectId);
  if (!object || object.parent) throw new RecordError('record.object_not_found', [], { object: target.objectId });
  const policy = typeof target.access === 'function' ? target.access(live.document) : target.access;
  if (!policy.can('export', object.id) || !policy.can('read', object.id))
    throw new RecordError('record.forbidden', [], { action: 'export', object: object.id });
  const hidden = policy.hiddenFields(object.id);
  const visible = object.fields.filter((f) => CELL_TYPES.has(f.type) && !hidden.has(f.id));
  const columns = query.columns?.length ? query.columns.flatMap((id) => visible.filter((f) => f.id === id)) : visible;
  // The first page is read now, so a bad filter is a 400 before the download starts.
  const first = await deps.records.list(target.appId, object.id, policy, { filters: query.filters, sort: query.sort, limit: PAGE, count: false });
  const context: ExportContext = { names: await directoryNames(deps.db, columns), locale: target.locale, timeZone: appTimeZone(live.document) };
  const titles = columns.map((f) => f.label[target.locale] ?? f.label.en ?? f.label['zh-CN'] ?? f.id);
  const out = new PassThrough();
  const displayOf = (record: Record<string, unknown>) => record._display as Record<string, unknown> | undefined;
  const csvRow = (record: Record<string, unknown>) => csvLine(columns.map((f) => csvValue(f, record[f.id], displayOf(record), context)));
  const sheetRow = (record: Record<string, unknown>) => columns.map((f) => sheetCell(f, record[f.id], displayOf(record), context));
  // Each page is its own short read (keyset paging): no connection is held while the client reads,
  // however slowly, and reading stops once the client has gone (the stream is destroyed).
  const pages = async function* () {
    let page = first;
    yield page.items;
    while (page.nextCursor && !out.destroyed) {
      page = await deps.records.list(target.appId, object.id, policy, {
        filters: query.filters,
        sort: query.sort,
        limit: PAGE,
        cursor: page.nextCursor,
        count: false,
      });
      yield page.items;
    }
  };
  const write = async (): Promise<number> => {
    let count = 0;
    if (format === 'csv') {
      if (!out.write(`\uFEFF${csvLine(columns.map((f, i) => csvColumnTitle(f, titles[i] ?? f.id)))}`)) await drained(out);
      for await (const items of pages()) {
        if (out.destroyed) return count;
        const ok = out.write(items.map(csvRow).join(''));
        count += items.length;
        if (!ok) await drained(out);
      }
      out.end();
      return count;
    }
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(object.label[target.locale] ?? object.label.en ?? object.id);
    sheet.addRow(titles).commit();
    for await (const items of pages()) {
      if (out.destroyed) return count;
      for (const record of items) {
        const cells = sheetRow(record);
        const row = sheet.addRow(cells.map((c) => c.value));
        cells.forEach((c, i) => {
          if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
        });
        row.commit();
      }
      count += items.length;
    }
    sheet.commit();
    await workbook.commit();
    return count;
  };
  const rows = write().catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    return 0;
  });
  return { stream: out, columns, rows };
}

/** Until `out` takes writes again — or is closed, when the client went away mid-download (else this would wait forever). */
function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

async function directoryNames(db: Kysely<SystemTables>, columns: readonly FieldDefinition[]): Promise<ExportNames> {
  const users = columns.some((f) => f.type === 'user') ? await db.selectFrom('users').select(['id', 'name']).execute() : [];
  const departments = columns.some((f) => f.type === 'department') ? await db.selectFrom('departments').select(['id', 'name']).execute() : [];
  return { users: new Map(users.map((u) => [u.id, u.name])), departments: new Map(departments.map((d) => [d.id, d.name])) };
}
