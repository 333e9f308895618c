import type { DashboardWidget, ReportDefinition, ReportDimension } from '@tessera/schemas';

/** The report with only these dimensions, its sort keeping what still names one of them or a measure. */
function withDimensions(report: ReportDefinition, dimensions: ReportDimension[]): ReportDefinition {
  const kept = new Set([...dimensions.map((d) => d.id), ...report.measures.map((m) => m.id)]);
  const sort = (report.sort ?? []).filter((key) => kept.has(key.by));
  return { ...report, dimensions, sort: sort.length > 0 ? sort : undefined, ...(dimensions.length === 0 ? { limit: undefined } : {}) };
}

/** A KPI and a gauge are one number: the measure over the whole period, whatever the report groups by elsewhere. */
export function shownReport(kind: DashboardWidget['kind'], report: ReportDefinition): ReportDefinition {
  return kind === 'kpi' || kind === 'gauge' ? withDimensions(report, []) : report;
}

/** The three further reports a pivot's totals come from: by rows alone, by columns alone, and over everything. */
export function pivotMargins(report: ReportDefinition): { rows: ReportDefinition; columns: ReportDefinition; total: ReportDefinition } {
  const [rows, columns] = report.dimensions ?? [];
  return {
    rows: withDimensions(report, rows ? [rows] : []),
    columns: withDimensions(report, columns ? [columns] : []),
    total: withDimensions(report, []),
  };
}
