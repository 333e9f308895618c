import type { FilterCondition, ReportDefinition } from '@tessera/schemas';

/** The values of a dashboard's global filters, as the viewer chose them: a person, a department. */
export interface GlobalFilterValues {
  /** Only records this user owns. */
  owner?: string | undefined;
  /** Only records of this department (the record's own department column). */
  department?: string | undefined;
}

/**
 * A widget's report narrowed by the dashboard's global filters: they join the report's own
 * conditions on the system columns every record has, so they compile through the same filter
 * path (under the viewer's row scope) and a drill-down lists the same records.
 */
export function withGlobalFilters(report: ReportDefinition, values: GlobalFilterValues): ReportDefinition {
  const added: FilterCondition[] = [
    ...(values.owner ? [{ field: 'owner_id', op: 'eq' as const, value: values.owner }] : []),
    ...(values.department ? [{ field: 'department_id', op: 'eq' as const, value: values.department }] : []),
  ];
  return added.length ? { ...report, filters: [...(report.filters ?? []), ...added] } : report;
}
