import { analyze } from '@tessera/expr';
import {
  type AppDocument,
  type DashboardDefinition,
  type DashboardWidget,
  type FieldDefinition,
  type ObjectDefinition,
  REPORTLESS_WIDGETS,
  type ReportDateRange,
  type ReportDefinition,
  type ReportDimension,
  type ReportMeasure,
} from '@tessera/schemas';
import type { MetaIssue } from './issue';
import { aggregateFits, measureFields, reportColumn } from './report-fields';
import { reportPath, resolveJoins } from './report-paths';
import { rollupFieldIds } from './rollup-formulas';

/** A formula over `fields` must parse, typecheck, and give one of `expected`. */
function checkFormula(issues: MetaIssue[], fields: readonly FieldDefinition[], formula: string, pointer: string, expected: readonly string[]): void {
  const checked = analyze(formula, { fields });
  if (!checked.ok) {
    for (const error of checked.errors) issues.push({ pointer, code: error.code, params: { ...error.params, start: error.range.start, end: error.range.end } });
    return;
  }
  if (!expected.includes(checked.formula.type))
    issues.push({ pointer, code: 'meta.flow_formula_type', params: { actual: checked.formula.type, expected: expected.join(', ') } });
}

/** A range is relative (last N days needs its N) or two fixed dates, from before to. */
function checkDateRange(range: ReportDateRange | undefined, pointer: string, issues: MetaIssue[]): void {
  if (!range) return;
  if (range.range === 'last_n_days' && !range.days) issues.push({ pointer, code: 'schema.required', params: { missing: 'days' } });
  if (!range.range && !(range.from && range.to)) issues.push({ pointer, code: 'schema.required', params: { missing: range.from ? 'to' : 'from' } });
  for (const end of ['from', 'to'] as const) {
    const date = range[end];
    // The pattern holds four, two and two digits; the calendar decides the rest ('2026-02-30' is no date).
    const parsed = date ? new Date(`${date}T00:00:00Z`) : null;
    if (date && (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date))
      issues.push({ pointer: `${pointer}/${end}`, code: 'meta.report_date_invalid', params: { date } });
  }
  if (range.from && range.to && range.from >= range.to) issues.push({ pointer: `${pointer}/to`, code: 'meta.report_range_order', params: {} });
}

/** What report checks look up: the app's objects, and each one's rollup fields (no column to read). */
interface ReportScope {
  objects: ReadonlyMap<string, ObjectDefinition>;
  rollupsOf: (object: ObjectDefinition) => ReadonlySet<string>;
}

/** A dimension's grain fits a date, its buckets a number: a width, or edges in ascending order. */
function checkDimensionShape(dimension: ReportDimension, kind: string, at: string, issues: MetaIssue[]): void {
  if (kind === 'date' && !dimension.grain) issues.push({ pointer: `${at}/grain`, code: 'meta.report_grain_missing', params: { id: dimension.field } });
  if (kind !== 'date' && dimension.grain) issues.push({ pointer: `${at}/grain`, code: 'meta.report_grain_not_date', params: { id: dimension.field } });
  const bucket = dimension.bucket;
  if (!bucket) return;
  const edges = bucket.edges ?? [];
  const ascending = edges.every((edge, i) => i === 0 || edge > (edges[i - 1] ?? edge));
  if (kind !== 'number' || (bucket.width === undefined) === (bucket.edges === undefined) || !ascending)
    issues.push({ pointer: `${at}/bucket`, code: 'meta.report_bucket', params: { id: dimension.field } });
}

/** A target is a fixed value, or a targets object's number field by a date field (the month) and a user field (the person). */
function checkTarget(measure: ReportMeasure, at: string, scope: ReportScope, issues: MetaIssue[]): void {
  const targets = measure.targets;
  if ((measure.value === undefined) === (targets === undefined)) return void issues.push({ pointer: at, code: 'meta.report_target', params: {} });
  if (!targets) return;
  const object = scope.objects.get(targets.object);
  if (!object) return void issues.push({ pointer: `${at}/targets/object`, code: 'meta.unknown_object', params: { id: targets.object } });
  const column = (id: string) => reportColumn(object, id, scope.rollupsOf(object));
  if (column(targets.field)?.kind !== 'number') issues.push({ pointer: `${at}/targets/field`, code: 'meta.report_target', params: {} });
  if (column(targets.month)?.sqlType !== 'date') issues.push({ pointer: `${at}/targets/month`, code: 'meta.report_target', params: {} });
  if (column(targets.person ?? 'owner_id')?.kind !== 'user') issues.push({ pointer: `${at}/targets/person`, code: 'meta.report_target', params: {} });
}

function checkMeasures(
  report: ReportDefinition,
  pointer: string,
  objectOf: (join: string | undefined) => ObjectDefinition | null,
  scope: ReportScope,
  issues: MetaIssue[],
): void {
  report.measures.forEach((measure, m) => {
    const at = `${pointer}/measures/${m}`;
    if (measure.aggregate === 'formula') {
      if (!measure.formula) return void issues.push({ pointer: at, code: 'schema.required', params: { missing: 'formula' } });
      return checkFormula(issues, measureFields(report.measures), measure.formula, `${at}/formula`, ['number', 'currency']);
    }
    if (measure.aggregate === 'target') return checkTarget(measure, at, scope, issues);
    const object = objectOf(measure.join);
    if (!object) return void issues.push({ pointer: `${at}/join`, code: 'meta.report_unknown_ref', params: { id: measure.join ?? '' } });
    if (measure.filter) checkFormula(issues, object.fields, measure.filter, `${at}/filter`, ['boolean']);
    if (measure.aggregate === 'completeness') {
      const fields = measure.fields ?? object.quality?.keyFields ?? [];
      if (!fields.length) issues.push({ pointer: `${at}/fields`, code: 'meta.report_completeness', params: { object: object.id } });
      fields.forEach((id, f) => {
        if (!reportColumn(object, id, scope.rollupsOf(object)))
          issues.push({ pointer: `${at}/fields/${f}`, code: 'meta.report_field', params: { object: object.id, id } });
      });
      return;
    }
    if (measure.aggregate.startsWith('dormant_')) {
      if (!object.quality?.dormantAfterDays) issues.push({ pointer: `${at}/aggregate`, code: 'meta.report_dormant', params: { object: object.id } });
      return;
    }
    if (measure.aggregate.startsWith('duplicate_')) {
      if (!object.matchRules?.length) issues.push({ pointer: `${at}/aggregate`, code: 'meta.report_duplicates', params: { object: object.id } });
      return;
    }
    if (measure.aggregate === 'avg_days' && measure.from) {
      const from = reportColumn(object, measure.from, scope.rollupsOf(object));
      if (from?.kind !== 'date')
        issues.push({ pointer: `${at}/from`, code: 'meta.report_aggregate_type', params: { aggregate: measure.aggregate, id: measure.from } });
    }
    if (!measure.field) {
      if (measure.aggregate !== 'count') issues.push({ pointer: at, code: 'schema.required', params: { missing: 'field' } });
      return;
    }
    const found = reportColumn(object, measure.field, scope.rollupsOf(object));
    if (!found) return void issues.push({ pointer: `${at}/field`, code: 'meta.report_field', params: { object: object.id, id: measure.field } });
    if (!aggregateFits(measure.aggregate, found))
      issues.push({ pointer: `${at}/aggregate`, code: 'meta.report_aggregate_type', params: { aggregate: measure.aggregate, id: measure.field } });
  });
}

function checkReport(report: ReportDefinition, pointer: string, object: ObjectDefinition, scope: ReportScope, issues: MetaIssue[]): void {
  const column = (id: string) => reportPath(scope.objects, object, id, scope.rollupsOf)?.column ?? null;
  const unknown = (at: string, id: string) => issues.push({ pointer: at, code: 'meta.report_field', params: { object: object.id, id } });
  const ids = new Map<string, string>();
  const claim = (id: string, at: string) => {
    const first = ids.get(id);
    if (first) issues.push({ pointer: at, code: 'meta.duplicate_id', params: { id, first } });
    else ids.set(id, at);
  };
  const { joins, issues: joinIssues } = resolveJoins(scope.objects, report);
  for (const issue of joinIssues) issues.push({ pointer: `${pointer}/joins/${issue.index}/${issue.at}`, code: issue.code, params: issue.params });
  (report.dimensions ?? []).forEach((dimension, d) => {
    const at = `${pointer}/dimensions/${d}`;
    claim(dimension.id, `${at}/id`);
    const found = column(dimension.field);
    if (!found) return void unknown(`${at}/field`, dimension.field);
    checkDimensionShape(dimension, found.kind, at, issues);
  });
  report.measures.forEach((measure, m) => claim(measure.id, `${pointer}/measures/${m}/id`));
  checkMeasures(report, pointer, (join) => (join === undefined ? object : (joins.get(join)?.object ?? null)), scope, issues);
  (report.filters ?? []).forEach((condition, f) => {
    if (!column(condition.field)) unknown(`${pointer}/filters/${f}/field`, condition.field);
  });
  if (report.where) checkFormula(issues, object.fields, report.where, `${pointer}/where`, ['boolean']);
  if (report.dateField && reportColumn(object, report.dateField, scope.rollupsOf(object))?.kind !== 'date')
    issues.push({ pointer: `${pointer}/dateField`, code: 'meta.report_date_field', params: { id: report.dateField } });
  const funnelField = report.funnel ? object.fields.find((f) => f.id === report.funnel?.field) : undefined;
  if (report.funnel && funnelField?.type !== 'select')
    issues.push({ pointer: `${pointer}/funnel/field`, code: 'meta.report_funnel_field', params: { id: report.funnel.field } });
  checkDateRange(report.dateRange, `${pointer}/dateRange`, issues);
  if (report.dateRange && !report.dateField) issues.push({ pointer: `${pointer}/dateRange`, code: 'schema.required', params: { missing: 'dateField' } });
  (report.sort ?? []).forEach((key, s) => {
    if (!ids.has(key.by)) issues.push({ pointer: `${pointer}/sort/${s}/by`, code: 'meta.report_unknown_ref', params: { id: key.by } });
  });
}

/** An audience names roles the app has: a misspelt role would hide a dashboard from everyone it was meant for. */
function checkAudience(roles: readonly string[] | undefined, pointer: string, known: ReadonlySet<string>, issues: MetaIssue[]): void {
  (roles ?? []).forEach((role, i) => {
    if (!known.has(role)) issues.push({ pointer: `${pointer}/${i}`, code: 'meta.report_unknown_ref', params: { id: role } });
  });
}

function checkDashboard(
  dashboard: DashboardDefinition,
  pointer: string,
  reports: ReadonlyMap<string, ReportDefinition>,
  roles: ReadonlySet<string>,
  issues: MetaIssue[],
): void {
  checkDateRange(dashboard.dateRange, `${pointer}/dateRange`, issues);
  checkAudience(dashboard.roles, `${pointer}/roles`, roles, issues);
  const seen = new Map<string, string>();
  dashboard.widgets.forEach((widget, w) => {
    const at = `${pointer}/widgets/${w}`;
    const first = seen.get(widget.id);
    if (first) issues.push({ pointer: `${at}/id`, code: 'meta.duplicate_id', params: { id: widget.id, first } });
    else seen.set(widget.id, `${at}/id`);
    checkAudience(widget.roles, `${at}/roles`, roles, issues);
    checkWidget(widget, at, reports, issues);
  });
}

/** What each kind needs: a note its text, the others a report (a pivot's with two dimensions), a gauge where its dial ends. */
function checkWidget(widget: DashboardWidget, at: string, reports: ReadonlyMap<string, ReportDefinition>, issues: MetaIssue[]): void {
  if (REPORTLESS_WIDGETS.has(widget.kind)) {
    if (!Object.values(widget.text ?? {}).some((t) => t.trim() !== '')) issues.push({ pointer: `${at}/text`, code: 'meta.widget_note_text', params: {} });
    return;
  }
  if (widget.report === undefined) return void issues.push({ pointer: `${at}/report`, code: 'schema.required', params: { missing: 'report' } });
  const report = reports.get(widget.report);
  if (!report) return void issues.push({ pointer: `${at}/report`, code: 'meta.report_unknown_ref', params: { id: widget.report } });
  if (widget.measure && !report.measures.some((m) => m.id === widget.measure))
    issues.push({ pointer: `${at}/measure`, code: 'meta.report_unknown_ref', params: { id: widget.measure } });
  if (widget.compare && !report.dateField) issues.push({ pointer: `${at}/compare`, code: 'meta.report_compare_needs_date', params: { id: report.id } });
  if (widget.kind === 'pivot' && ((report.dimensions ?? []).length !== 2 || report.funnel))
    issues.push({ pointer: `${at}/report`, code: 'meta.widget_pivot_dimensions', params: { id: report.id } });
  if (widget.kind === 'gauge' && widget.max === undefined && (widget.target ?? 0) <= 0)
    issues.push({ pointer: `${at}/max`, code: 'meta.widget_gauge_max', params: {} });
}

/** Reports name fields that exist and fit what is done with them; dashboards show reports that exist. */
export function checkReports(app: AppDocument): MetaIssue[] {
  const issues: MetaIssue[] = [];
  const objects = new Map(app.objects.map((o) => [o.id, o] as const));
  const rollups = new Map<string, ReadonlySet<string>>();
  const rollupsOf = (object: ObjectDefinition) => {
    const known = rollups.get(object.id);
    if (known) return known;
    const found = rollupFieldIds(object, app);
    rollups.set(object.id, found);
    return found;
  };
  (app.reports ?? []).forEach((report, r) => {
    const object = objects.get(report.object);
    if (!object) return; // reported once, with the other slots' unknown objects
    checkReport(report, `/reports/${r}`, object, { objects, rollupsOf }, issues);
  });
  const reports = new Map((app.reports ?? []).map((r) => [r.id, r] as const));
  const roles = new Set((app.roles ?? []).map((r) => r.id));
  (app.dashboards ?? []).forEach((dashboard, d) => checkDashboard(dashboard, `/dashboards/${d}`, reports, roles, issues));
  return issues;
}
