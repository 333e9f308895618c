import type { FieldDefinition, ObjectDefinition, ReportDefinition, ReportJoin } from '@tessera/schemas';
import { type ReportColumn, reportColumn } from './report-fields';

/** One step along a relation field: from a record to the record it points to. */
export interface ReportHop {
  field: FieldDefinition;
  target: ObjectDefinition;
}

/** A report field named from the source: the relations walked (none for the source's own field), and the column reached. */
export interface ReportPath {
  hops: ReportHop[];
  object: ObjectDefinition;
  column: ReportColumn;
}

/** Relations a path may walk: enough for deal → customer → its owner, and bounded so a statement stays small. */
export const MAX_REPORT_HOPS = 3;

/**
 * `customer.industry` from a deal: each part but the last a relation field (to one record, so
 * grouping by it never multiplies rows), the last a column a report may read on the object reached.
 */
export function reportPath(
  objects: ReadonlyMap<string, ObjectDefinition>,
  source: ObjectDefinition,
  path: string,
  rollupsOf: (object: ObjectDefinition) => ReadonlySet<string>,
): ReportPath | null {
  const parts = path.split('.');
  if (parts.length - 1 > MAX_REPORT_HOPS) return null;
  const hops: ReportHop[] = [];
  let object = source;
  for (const part of parts.slice(0, -1)) {
    const field = object.fields.find((f) => f.id === part);
    const target = field?.type === 'relation' && field.target && !field.encrypted ? objects.get(field.target) : undefined;
    if (!field || !target) return null;
    hops.push({ field, target });
    object = target;
  }
  const column = reportColumn(object, parts.at(-1) ?? '', rollupsOf(object));
  return column ? { hops, object, column } : null;
}

/** A join resolved: the child object, its relation field pointing at the parent, and the parent (the source or an earlier join). */
export interface ResolvedJoin {
  join: ReportJoin;
  object: ObjectDefinition;
  via: FieldDefinition;
  /** The join it hangs from; null: the report's source. */
  parent: ResolvedJoin | null;
}

export type JoinIssue = { index: number; at: 'object' | 'via' | 'from' | 'id'; code: string; params: Record<string, string> };

/**
 * The report's joins in order, each hanging from the source or an earlier join. An object appears
 * once among the source and its joins (its table is named by its id in the statement).
 */
export function resolveJoins(
  objects: ReadonlyMap<string, ObjectDefinition>,
  report: ReportDefinition,
): { joins: Map<string, ResolvedJoin>; issues: JoinIssue[] } {
  const joins = new Map<string, ResolvedJoin>();
  const issues: JoinIssue[] = [];
  const used = new Set([report.object]);
  (report.joins ?? []).forEach((join, index) => {
    if (joins.has(join.id)) return void issues.push({ index, at: 'id', code: 'meta.duplicate_id', params: { id: join.id, first: join.id } });
    const parent = join.from ? joins.get(join.from) : null;
    if (join.from && !parent) return void issues.push({ index, at: 'from', code: 'meta.report_unknown_ref', params: { id: join.from } });
    const object = objects.get(join.object);
    if (!object) return void issues.push({ index, at: 'object', code: 'meta.unknown_object', params: { id: join.object } });
    if (used.has(object.id)) return void issues.push({ index, at: 'object', code: 'meta.report_join_repeat', params: { id: object.id } });
    const parentObject = parent ? parent.object.id : report.object;
    const via = object.fields.find((f) => f.id === join.via);
    if (via?.type !== 'relation' || via.target !== parentObject)
      return void issues.push({ index, at: 'via', code: 'meta.report_join_via', params: { id: join.via, object: object.id, parent: parentObject } });
    used.add(object.id);
    joins.set(join.id, { join, object, via, parent: parent ?? null });
  });
  return { joins, issues };
}
