import type { ReportDateRange, ReportDefinition, ReportDimension, ReportMeasure } from '@tessera/schemas';

/**
 * Changes to a widget's report as the property panel makes them: pure functions of the report,
 * handed to updateWidgetReport. The designer edits one group and one measure; what the JSON view
 * adds beyond that (a second group, formula measures) is kept untouched.
 */

/** Another source object: fields of the old one mean nothing there, so the report starts over as a count. */
export function withObject(report: ReportDefinition, object: string): ReportDefinition {
  if (report.object === object) return report;
  const measure = report.measures[0];
  return {
    id: report.id,
    label: report.label,
    object,
    measures: [{ id: measure?.id ?? 'value', aggregate: 'count', ...(measure?.label ? { label: measure.label } : {}) }],
  };
}

/** The sort keys that still name a dimension or measure of the report. */
function sortStillValid(report: ReportDefinition): ReportDefinition {
  if (!report.sort) return report;
  const ids = new Set([...(report.dimensions ?? []).map((d) => d.id), ...report.measures.map((m) => m.id)]);
  const sort = report.sort.filter((key) => ids.has(key.by));
  const { sort: _old, ...rest } = report;
  return sort.length ? { ...rest, sort } : rest;
}

/** The first group replaced (or removed with null); a second one, written elsewhere, stays. */
export function withDimension(report: ReportDefinition, dimension: ReportDimension | null): ReportDefinition {
  const rest = (report.dimensions ?? []).slice(1);
  const dimensions = dimension ? [dimension, ...rest] : rest;
  const { dimensions: _old, ...without } = report;
  return sortStillValid(dimensions.length ? { ...without, dimensions } : without);
}

/** The first measure's aggregate and field (count has none), and its `from` date (average days); its id, label and format stay, less a percent a share brought. */
export function withMeasure(
  report: ReportDefinition,
  aggregate: ReportMeasure['aggregate'],
  field: string | undefined,
  shape: { percent?: boolean; from?: string | undefined } = {},
): ReportDefinition {
  const [first, ...rest] = report.measures;
  const { field: _f, aggregate: _a, formula: _formula, from: _from, format, ...kept } = first ?? { id: 'value' };
  // A share is shown as one; a measure that is no longer a share drops the percent it brought.
  const shown = shape.percent ? 'percent' : format === 'percent' ? undefined : format;
  const measure: ReportMeasure = {
    ...kept,
    id: first?.id ?? 'value',
    aggregate,
    ...(field && aggregate !== 'count' ? { field } : {}),
    ...(shape.from ? { from: shape.from } : {}),
    ...(shown ? { format: shown } : {}),
  };
  return { ...report, measures: [measure, ...rest] };
}

/** A key set to undefined (or an empty text) leaves the report. */
export function withReportKeys(report: ReportDefinition, patch: Partial<Pick<ReportDefinition, 'where' | 'limit' | 'dateField'>>): ReportDefinition {
  const next: ReportDefinition = { ...report, ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined || value === '') delete (next as Record<string, unknown>)[key];
  // A period needs the date it is counted on.
  if (!next.dateField) delete next.dateRange;
  return next;
}

/** The default period, counted on the report's date field (none: all time). */
export function withPeriod(report: ReportDefinition, range: ReportDateRange | undefined): ReportDefinition {
  const { dateRange: _old, ...rest } = report;
  return range && report.dateField ? { ...rest, dateRange: range } : rest;
}

/** Sorted by one dimension or measure, or in the natural order (null). */
export function withSort(report: ReportDefinition, by: string | null, direction: 'asc' | 'desc'): ReportDefinition {
  const { sort: _old, ...rest } = report;
  return by ? { ...rest, sort: [{ by, direction }] } : rest;
}

/** A pivot's second group, across (replaced, or removed with null); the first, down, stays. Its id never clashes with the first's. */
export function withColumnDimension(report: ReportDefinition, dimension: ReportDimension | null): ReportDefinition {
  const [rows] = report.dimensions ?? [];
  const across = dimension ? { ...dimension, id: dimension.id === rows?.id ? `${dimension.id}_across` : dimension.id } : null;
  const dimensions = [...(rows ? [rows] : []), ...(across ? [across] : [])];
  const { dimensions: _old, ...without } = report;
  return sortStillValid(dimensions.length ? { ...without, dimensions } : without);
}
