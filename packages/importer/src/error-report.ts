import { PassThrough, type Readable } from 'node:stream';
import { type Locale, translate } from '@tessera/i18n';
import { localizeFieldIssues } from '@tessera/records';
import ExcelJS from 'exceljs';
import type { StoredErrors } from './import-batches';
import type { RowIssue } from './import-plan';
import './messages';

/** An issue's message in the user's language, its field's label included. */
export function issueMessage(issue: RowIssue, locale: Locale): string {
  return localizeFieldIssues([{ field: issue.field, pointer: '', code: issue.code, params: issue.params, label: issue.label }], locale)[0]!.message;
}

/**
 * The error report as an .xlsx stream (exceljs's streaming writer: rows are written out as they
 * are added): a sheet of errors — row number, column title, field, reason in the user's language —
 * and a sheet with each refused row as it was in the file, under its original titles, to fix and
 * import again.
 */
export function errorReport(errors: StoredErrors, locale: Locale, fieldLabel: (fieldId: string) => string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const write = async () => {
    const sheet = workbook.addWorksheet(translate(locale, 'import.report.errors'));
    sheet
      .addRow([
        translate(locale, 'import.report.row'),
        translate(locale, 'import.report.column'),
        translate(locale, 'import.report.field'),
        translate(locale, 'import.report.reason'),
      ])
      .commit();
    for (const issue of errors.issues) {
      sheet.addRow([issue.row, issue.column ?? '', issue.field ? fieldLabel(issue.field) : '', issueMessage(issue, locale)]).commit();
    }
    sheet.commit();
    const original = workbook.addWorksheet(translate(locale, 'import.report.rows'));
    original.addRow([translate(locale, 'import.report.row'), ...errors.titles]).commit();
    for (const row of errors.rows) original.addRow([row.row, ...row.cells.map((cell) => (cell === null ? '' : cell))]).commit();
    original.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
