import { type ReportColumn, type ReportPath, reportPath } from '@tessera/meta';
import type { RecordContext } from '@tessera/records';
import type { ObjectDefinition } from '@tessera/schemas';
import { ReportError } from './report-error';

/** A report the compiler cannot answer as written: one issue, at its pointer. */
export const invalid = (pointer: string, code: string, params: Record<string, string>) =>
  new ReportError('report.invalid', { count: 1 }, [{ pointer, code, params }]);

const rollupsOf = (ctx: RecordContext) => (object: ObjectDefinition) => new Set((ctx.app.rollups.get(object.id) ?? []).map((r) => r.fieldId));

/** A column of `object` itself (no relation walked) a report may read. */
export function columnOf(ctx: RecordContext, object: ObjectDefinition, id: string, pointer: string): ReportColumn {
  const column = reportPath(ctx.app.objects, object, id, rollupsOf(ctx));
  if (!column || column.hops.length) throw invalid(pointer, 'meta.report_field', { object: object.id, id });
  return column.column;
}

/** A column of `object` or of a record it points to (`customer.industry`). */
export function pathOf(ctx: RecordContext, object: ObjectDefinition, id: string, pointer: string): ReportPath {
  const path = reportPath(ctx.app.objects, object, id, rollupsOf(ctx));
  if (!path) throw invalid(pointer, 'meta.report_field', { object: object.id, id });
  return path;
}
