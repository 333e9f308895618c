import { checkReports, reportPath } from '@tessera/meta';
import {
  type AccessResolver,
  duplicateRecordIds,
  type RecordContext,
  RecordError,
  type RecordService,
  sanitizeRichText,
  settledDataVersions,
} from '@tessera/records';
import { appTimeZone, type DashboardDefinition, type DashboardWidget, REPORTLESS_WIDGETS, type ReportDateRange, type ReportDefinition } from '@tessera/schemas';
import type { CompiledQuery } from 'kysely';
import { reportServed, seesAudience, type Viewer, visibleWidgets } from './audience';
import { compileReport } from './compile-report';
import { previousRange, type ResolvedRange, resolveRange, sameRangeLastYear } from './date-range';
import { executeWithTimeout } from './execute-plan';
import { withDimensionNames } from './export-names';
import { type GlobalFilterValues, withGlobalFilters } from './global-filters';
import { type PivotTable, pivotTable } from './pivot-table';
import type { DuplicateSets } from './quality-measures';
import { ReportError } from './report-error';
import { type ReportResult, shapeResult } from './report-result';
import { ResultCache, type StatementRows } from './result-cache';
import { pivotMargins, shownReport } from './widget-reports';

/**
 * One call (a dashboard, a report): its statements under way by text and parameters, so identical
 * widgets share one run, and the data versions of the objects it reads, read once before any of
 * its statements runs (null: changes not yet counted, no caching).
 */
interface Call {
  inFlight: Map<string, Promise<{ rows: StatementRows; cached: boolean }>>;
  versions: Promise<Record<string, number> | null>;
}

export interface ReportServiceOptions {
  /** Longest a widget's statement may run (ms); default 10,000. */
  widgetTimeoutMs?: number | undefined;
  /** Results kept in memory; default 1,000. */
  cacheSize?: number | undefined;
}

/** A report's answer, and whether it came from the cache. */
export type ReportAnswer = ReportResult & { cached: boolean };

export type WidgetData =
  | { id: string; kind: DashboardWidget['kind']; status: 'ok'; result: ReportAnswer; previous?: ReportAnswer | undefined; pivot?: PivotTable | undefined }
  | { id: string; kind: DashboardWidget['kind']; status: 'error'; code: string; params: Record<string, string | number | boolean | null | undefined> }
  /** A note: its text per language, sanitized here whatever the document holds (docs/adr/0006). */
  | { id: string; kind: DashboardWidget['kind']; status: 'note'; text: { 'zh-CN'?: string; en?: string } };

export interface DashboardData {
  dashboard: string;
  range: ResolvedRange | null;
  widgets: WidgetData[];
}

export interface ReportRequest {
  /** Replaces the report's own period (a dashboard's date filter). */
  dateRange?: ReportDateRange | undefined;
  /** The measure a drill-down is for (its filter formula joins the report's). */
  measure?: string | undefined;
  /** Whose roles decide which reports shown only in hidden widgets are refused; absent: internal work, no audience. */
  viewer?: Viewer | undefined;
}

/** What a dashboard is asked with: the date filter, the global filters, and who asks (for the dashboard's and widgets' audiences). */
export interface DashboardRequest extends GlobalFilterValues {
  dateRange?: ReportDateRange | undefined;
  /** Absent: internal work (benchmarks, tests of the engine), every widget. */
  viewer?: Viewer | undefined;
  /** The data leaves the app as a file: the viewer's role must also hold `export` on the widget's object. */
  forExport?: boolean | undefined;
}

/**
 * Every object whose records a report's answer depends on — its source, the records its paths
 * walk to, its joins, its targets — so a change to any of them is a new cache key.
 */
function objectsRead(ctx: RecordContext, report: ReportDefinition): string[] {
  const source = ctx.app.objects.get(report.object);
  const rollups = () => new Set<string>();
  const walked = [...(report.dimensions ?? []).map((d) => d.field), ...(report.filters ?? []).map((f) => f.field)].flatMap((field) =>
    source && field.includes('.') ? (reportPath(ctx.app.objects, source, field, rollups)?.hops.map((h) => h.target.id) ?? []) : [],
  );
  const targets = report.measures.flatMap((m) => (m.targets ? [m.targets.object] : []));
  const measured = (m: ReportDefinition['measures'][number]) => (m.join ? report.joins?.find((j) => j.id === m.join)?.object : report.object);
  // A dormancy measure reads the related records its object's activity lists (a customer's visits).
  const activity = report.measures.flatMap((m) =>
    m.aggregate.startsWith('dormant_') ? (ctx.app.objects.get(measured(m) ?? '')?.quality?.activity ?? []).flatMap((a) => (a.object ? [a.object] : [])) : [],
  );
  return [...new Set([report.object, ...walked, ...(report.joins ?? []).map((j) => j.object), ...targets, ...activity])].sort();
}

/** The period a KPI is compared with: the one just before (环比) or the same one a year earlier (同比). */
function comparedRange(compare: NonNullable<DashboardWidget['compare']>, period: ResolvedRange): ResolvedRange {
  return compare === 'previous_year' ? sameRangeLastYear(period) : previousRange(period);
}

/** A note as served: each language's text through the rich-text allow-list. */
function noteData(widget: DashboardWidget): WidgetData {
  const text = Object.fromEntries(Object.entries(widget.text ?? {}).map(([locale, html]) => [locale, sanitizeRichText(html)]));
  return { id: widget.id, kind: widget.kind, status: 'note', text };
}

/** A dashboard of the live app the viewer may open. */
function openDashboard(ctx: RecordContext, dashboardId: string, viewer: Viewer | undefined): DashboardDefinition {
  const dashboard = (ctx.app.document.dashboards ?? []).find((d) => d.id === dashboardId);
  if (!dashboard) throw new ReportError('dashboard.not_found', { id: dashboardId });
  if (!seesAudience(dashboard.roles, viewer)) throw new ReportError('dashboard.forbidden', { id: dashboardId });
  return dashboard;
}

/** A report as asked for: one of the app's by id, or a spec checked like a published one. */
function reportOf(ctx: RecordContext, report: string | ReportDefinition): ReportDefinition {
  if (typeof report === 'string') {
    const found = (ctx.app.document.reports ?? []).find((r) => r.id === report);
    if (!found) throw new ReportError('report.not_found', { id: report });
    return found;
  }
  const issues = checkReports({ ...ctx.app.document, reports: [report], dashboards: [] }).map((i) => ({
    ...i,
    pointer: i.pointer.replace(/^\/reports\/0/, ''),
  }));
  if (issues.length) throw new ReportError('report.invalid', { count: issues.length }, issues);
  return report;
}

/**
 * Reports and dashboards for one viewer at a time: every statement compiled under their access,
 * results cached by what they depend on (result-cache.ts), a dashboard's widgets asked in one
 * call, identical statements run once, each with its own timeout.
 */
export function createReportService(records: RecordService, options: ReportServiceOptions = {}) {
  const timeoutMs = options.widgetTimeoutMs ?? 10_000;
  const cache = new ResultCache(options.cacheSize);
  const duplicateCache = new ResultCache<readonly string[]>(100);

  /** One statement's rows — from the cache, or run once however many widgets of a call need it — and whether they were cached. */
  function statementRows(
    ctx: RecordContext,
    objects: readonly string[],
    compiled: CompiledQuery,
    call: Call,
  ): Promise<{ rows: StatementRows; cached: boolean }> {
    const statement = JSON.stringify([compiled.sql, compiled.parameters]);
    const pending = call.inFlight.get(statement);
    if (pending !== undefined) return pending;
    const work = (async () => {
      const versions = await call.versions;
      const read = objects.map((o) => [o, versions?.[o] ?? null] as const);
      const key = versions === null ? null : JSON.stringify([ctx.app.appId, ctx.app.version, statement, ctx.access.cacheKey, read]);
      const hit = cache.get(key);
      if (hit) return { rows: hit, cached: true };
      const rows = await executeWithTimeout(ctx.db, compiled, timeoutMs);
      cache.set(key, rows);
      return { rows, cached: false };
    })();
    call.inFlight.set(statement, work);
    return work;
  }

  /**
   * The viewer's duplicates of each object a duplicate measure counts, read once per data version
   * and access fingerprint (they enter the statement as a parameter, so its cache key holds them).
   */
  async function duplicateSets(ctx: RecordContext, report: ReportDefinition, call: Call): Promise<DuplicateSets> {
    const objects = new Set(
      report.measures.flatMap((m) =>
        m.aggregate.startsWith('duplicate_') ? [m.join ? (report.joins?.find((j) => j.id === m.join)?.object ?? '') : report.object] : [],
      ),
    );
    const versions = objects.size ? await call.versions : null;
    const sets = await Promise.all(
      [...objects].map(async (object) => {
        const key = versions?.[object] === undefined ? null : JSON.stringify([ctx.app.appId, ctx.app.version, object, ctx.access.cacheKey, versions[object]]);
        const known = duplicateCache.get(key);
        const ids = known ?? (await duplicateRecordIds(ctx, object));
        if (!known) duplicateCache.set(key, ids);
        return [object, ids] as const;
      }),
    );
    return new Map(sets);
  }

  async function answer(
    ctx: RecordContext,
    report: ReportDefinition,
    range: ResolvedRange | null,
    measure: string | undefined,
    call: Call,
  ): Promise<ReportAnswer> {
    const plan = compileReport(ctx, report, range, await duplicateSets(ctx, report, call));
    const { rows, cached } = await statementRows(ctx, objectsRead(ctx, report), plan.query.compile(ctx.db), call);
    return { ...shapeResult(plan, rows, appTimeZone(ctx.app.document), measure), cached };
  }

  /** A viewer without an access fingerprint is never cached: no versions to read. */
  const startCall = (ctx: RecordContext, objects: readonly string[]): Call => ({
    inFlight: new Map(),
    // Versions that cannot be read mean no caching this time, not a failed dashboard.
    versions: ctx.access.cacheKey === undefined ? Promise.resolve(null) : settledDataVersions(ctx.db, ctx.app.appId, [...new Set(objects)]).catch(() => null),
  });

  const resolved = (ctx: RecordContext, range: ReportDateRange | undefined) => resolveRange(range, new Date(), appTimeZone(ctx.app.document));

  /** A widget's answer (and the compared period's, for a KPI); throws what keeps it from this viewer. */
  async function widgetAnswer(
    ctx: RecordContext,
    widget: DashboardWidget,
    report: string | ReportDefinition,
    request: DashboardRequest,
    call: Call,
  ): Promise<Extract<WidgetData, { status: 'ok' }>> {
    const shown = shownReport(widget.kind, withGlobalFilters(reportOf(ctx, report), request));
    const period = resolved(ctx, shown.dateField ? (request.dateRange ?? shown.dateRange) : undefined);
    const measure = widget.measure ?? shown.measures[0]?.id;
    if (widget.kind === 'pivot') {
      const margins = pivotMargins(shown);
      const ask = (r: ReportDefinition) => answer(ctx, r, period, measure, call);
      const [cells, rows, columns, total] = await Promise.all([ask(shown), ask(margins.rows), ask(margins.columns), ask(margins.total)]);
      return { id: widget.id, kind: widget.kind, status: 'ok', result: cells, pivot: pivotTable({ cells, rows, columns, total }, measure ?? '') };
    }
    const [result, previous] = await Promise.all([
      answer(ctx, shown, period, measure, call),
      widget.compare && period ? answer(ctx, shown, comparedRange(widget.compare, period), measure, call) : undefined,
    ]);
    return { id: widget.id, kind: widget.kind, status: 'ok', result, ...(previous ? { previous } : {}) };
  }

  async function widgetData(
    ctx: RecordContext,
    widget: DashboardWidget,
    report: string | ReportDefinition | undefined,
    request: DashboardRequest,
    call: Call,
  ): Promise<WidgetData> {
    if (REPORTLESS_WIDGETS.has(widget.kind)) return noteData(widget);
    try {
      if (report === undefined) throw new ReportError('report.not_found', { id: '' });
      return await widgetAnswer(ctx, widget, report, request, call);
    } catch (error) {
      // A widget this viewer cannot be shown (a hidden field, a timeout, a bad filter) says so; the others still answer.
      if (!(error instanceof ReportError) && !(error instanceof RecordError)) throw error;
      return { id: widget.id, kind: widget.kind, status: 'error', code: error.code, params: { ...error.params } };
    }
  }

  return {
    /** One report (of the app, or an ad-hoc spec) as the viewer may see it. */
    async run(appId: string, access: AccessResolver, report: string | ReportDefinition, request: ReportRequest = {}): Promise<ReportAnswer> {
      const ctx = await records.readContext(appId, access);
      if (typeof report === 'string' && !reportServed(ctx.app.document, report, request.viewer)) throw new ReportError('report.hidden', { id: report });
      const definition = reportOf(ctx, report);
      const period = resolved(ctx, definition.dateField ? (request.dateRange ?? definition.dateRange) : undefined);
      return answer(ctx, definition, period, request.measure, startCall(ctx, objectsRead(ctx, definition)));
    },

    /**
     * Every widget of a dashboard the viewer may see, in one call; a widget that fails (hidden
     * field, timeout) says so without failing the others. A widget outside the viewer's audience
     * is not run and not listed.
     */
    async dashboard(appId: string, access: AccessResolver, dashboardId: string, request: DashboardRequest = {}): Promise<DashboardData> {
      const ctx = await records.readContext(appId, access);
      const dashboard = openDashboard(ctx, dashboardId, request.viewer);
      const range = request.dateRange ?? dashboard.dateRange;
      const widgets = visibleWidgets(dashboard, request.viewer);
      const objects = widgets.flatMap((w) => {
        const report = (ctx.app.document.reports ?? []).find((r) => r.id === w.report);
        return report ? objectsRead(ctx, report) : [];
      });
      const call = startCall(ctx, objects);
      // A date filter that is no period is the request's mistake (422), not each widget's.
      const period = resolved(ctx, range);
      const data = await Promise.all(widgets.map((widget) => widgetData(ctx, widget, widget.report, { ...request, dateRange: range }, call)));
      return { dashboard: dashboard.id, range: period, widgets: data };
    },

    /** One widget of a dashboard (an export), with the dashboard's filters, if the viewer may see it; what keeps it from them is thrown. */
    async widget(
      appId: string,
      access: AccessResolver,
      dashboardId: string,
      widgetId: string,
      request: DashboardRequest = {},
    ): Promise<Extract<WidgetData, { status: 'ok' }>> {
      const ctx = await records.readContext(appId, access);
      const dashboard = openDashboard(ctx, dashboardId, request.viewer);
      const widget = visibleWidgets(dashboard, request.viewer).find((w) => w.id === widgetId);
      if (!widget) throw new ReportError('widget.not_found', { id: widgetId });
      if (widget.report === undefined) throw new ReportError('widget.not_found', { id: widgetId });
      const report = (ctx.app.document.reports ?? []).find((r) => r.id === widget.report);
      if (request.forExport && report && !ctx.access.can('export', report.object)) throw new ReportError('report.export_forbidden', { object: report.object });
      const answer = await widgetAnswer(
        ctx,
        widget,
        widget.report,
        { ...request, dateRange: request.dateRange ?? dashboard.dateRange },
        startCall(ctx, report ? [report.object] : []),
      );
      return request.forExport ? withDimensionNames(answer, ctx.app.document) : answer;
    },

    /**
     * A widget being designed, with its draft report, over the live app under the caller's access:
     * the studio's live preview. Nothing is written; the spec is checked like a published one.
     */
    async previewWidget(
      appId: string,
      access: AccessResolver,
      widget: DashboardWidget,
      report: ReportDefinition,
      request: DashboardRequest = {},
    ): Promise<WidgetData> {
      const ctx = await records.readContext(appId, access);
      return widgetData(ctx, widget, report, request, startCall(ctx, [report.object]));
    },

    /** Entries held, for tests and metrics. */
    get cachedResults(): number {
      return cache.size;
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
