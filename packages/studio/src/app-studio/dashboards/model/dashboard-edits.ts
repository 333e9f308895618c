import {
  type AppDocument,
  type DashboardDefinition,
  type DashboardWidget,
  type LocalizedText,
  REPORTLESS_WIDGETS,
  type ReportDefinition,
  type WidgetKind,
} from '@tessera/schemas';
import { type Cell, nextFreeRow, onGrid, type Rect, withoutOverlap } from './grid';

/**
 * The dashboard designer's changes, each a pure function of the draft (ADR 0032): the studio
 * store keeps them as undo steps and autosaves them. A widget owns a report of its own in
 * `reports` (the runtime's one place for query specs); removing the widget removes that report
 * when nothing else shows it.
 */

/** How big a new widget of each kind is: a KPI is a small card, charts and tables are half the width. */
export const DEFAULT_SIZE: Record<WidgetKind, { w: number; h: number }> = {
  kpi: { w: 6, h: 4 },
  line: { w: 12, h: 8 },
  bar: { w: 12, h: 8 },
  stacked_bar: { w: 12, h: 8 },
  pie: { w: 8, h: 8 },
  funnel: { w: 8, h: 8 },
  table: { w: 12, h: 8 },
  leaderboard: { w: 8, h: 8 },
  gauge: { w: 8, h: 7 },
  pivot: { w: 12, h: 8 },
  note: { w: 8, h: 5 },
};

/** The ids of the reports `widgets` show (a note shows none). */
const reportsOf = (widgets: readonly DashboardWidget[]): string[] => widgets.flatMap((w) => (w.report === undefined ? [] : [w.report]));

/** An identifier not yet taken: `base`, else `base_2`, `base_3`… (kept within the 40 characters ids may have). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, 36);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n += 1) if (!taken.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

const dashboardOf = (document: AppDocument, id: string) => document.dashboards?.find((d) => d.id === id);

function withDashboard(document: AppDocument, id: string, change: (dashboard: DashboardDefinition) => DashboardDefinition): AppDocument {
  const dashboard = dashboardOf(document, id);
  if (!dashboard) return document;
  const next = change(dashboard);
  return next === dashboard ? document : { ...document, dashboards: (document.dashboards ?? []).map((d) => (d.id === id ? next : d)) };
}

function withWidget(document: AppDocument, dashboardId: string, widgetId: string, change: (widget: DashboardWidget) => DashboardWidget): AppDocument {
  return withDashboard(document, dashboardId, (dashboard) => {
    const widget = dashboard.widgets.find((w) => w.id === widgetId);
    if (!widget) return dashboard;
    const next = change(widget);
    return next === widget ? dashboard : { ...dashboard, widgets: dashboard.widgets.map((w) => (w.id === widgetId ? next : w)) };
  });
}

/** Reports no widget of any dashboard shows any more, among `candidates`, leave the document. */
function withoutOrphans(document: AppDocument, candidates: readonly string[]): AppDocument {
  const shown = new Set((document.dashboards ?? []).flatMap((d) => reportsOf(d.widgets)));
  const orphans = new Set(candidates.filter((id) => !shown.has(id)));
  return orphans.size ? { ...document, reports: (document.reports ?? []).filter((r) => !orphans.has(r.id)) } : document;
}

/** A new empty dashboard, with an entry in the app's menu so people can open it once published. */
export function addDashboard(document: AppDocument, id: string, label: LocalizedText): AppDocument {
  const navigation = document.navigation ?? [];
  const navId = uniqueId(`dashboard_${id}`, new Set(navigation.map((n) => n.id)));
  return {
    ...document,
    dashboards: [...(document.dashboards ?? []), { id, label, dateRange: { range: 'this_year' }, widgets: [] }],
    navigation: [...navigation, { id: navId, dashboard: id }],
  };
}

/** A dashboard, its menu entries and the reports only its widgets showed. */
export function removeDashboard(document: AppDocument, id: string): AppDocument {
  const dashboard = dashboardOf(document, id);
  if (!dashboard) return document;
  const next = {
    ...document,
    dashboards: (document.dashboards ?? []).filter((d) => d.id !== id),
    navigation: (document.navigation ?? []).filter((n) => n.dashboard !== id),
  };
  return withoutOrphans(next, reportsOf(dashboard.widgets));
}

/** Dashboard settings; a key set to undefined leaves the dashboard. */
export function updateDashboard(document: AppDocument, id: string, patch: Partial<Omit<DashboardDefinition, 'id' | 'widgets'>>): AppDocument {
  return withDashboard(document, id, (dashboard) => withPatch(dashboard, patch));
}

function withPatch<T extends object>(value: T, patch: object): T {
  const next = { ...value, ...patch };
  for (const [key, v] of Object.entries(patch)) if (v === undefined) delete (next as Record<string, unknown>)[key];
  return next;
}

/** The first object people keep records in (not a child table's rows): what a new widget counts. */
const firstObject = (document: AppDocument) => document.objects.find((o) => !o.parent) ?? document.objects[0];

/** The groups a new widget starts with: none for one number, the first select field for a chart, and by owner across for a pivot. */
function starterDimensions(kind: WidgetKind, group: string | undefined): ReportDefinition['dimensions'] {
  if (kind === 'kpi' || kind === 'gauge' || !group) return undefined;
  const rows = { id: 'group', field: group };
  return kind === 'pivot' ? [rows, { id: 'across', field: 'owner_id' }] : [rows];
}

/** A new widget's report: a count of the first object's records, grouped by its first select field where a chart needs a group. */
function starterReport(document: AppDocument, id: string, kind: WidgetKind, title: LocalizedText): ReportDefinition {
  const object = firstObject(document);
  const dimensions = starterDimensions(kind, object?.fields.find((f) => f.type === 'select')?.id);
  return {
    id,
    label: title,
    object: object?.id ?? '',
    ...(dimensions ? { dimensions } : {}),
    measures: [{ id: 'value', aggregate: 'count', label: { en: 'Count', 'zh-CN': '数量' } }],
  };
}

/** What a new note says until the admin writes it. */
const STARTER_NOTE = { 'zh-CN': '<p>在此写说明</p>', en: '<p>Write the note here</p>' };

/** The id the next widget of `kind` on this dashboard gets. */
export function newWidgetId(document: AppDocument, dashboardId: string, kind: WidgetKind): string {
  return uniqueId(kind, new Set(dashboardOf(document, dashboardId)?.widgets.map((w) => w.id) ?? []));
}

/**
 * A widget dropped from the palette at `at` (a pointer drop) or below the others (the keyboard),
 * with its own starter report; it never covers another widget.
 */
export function addWidget(document: AppDocument, dashboardId: string, kind: WidgetKind, widgetId: string, title: LocalizedText, at: Cell | null): AppDocument {
  const dashboard = dashboardOf(document, dashboardId);
  if (!dashboard || dashboard.widgets.some((w) => w.id === widgetId)) return document;
  const others = dashboard.widgets.map(layoutOf);
  const size = DEFAULT_SIZE[kind];
  const layout = withoutOverlap({ ...size, ...(at ?? { x: 0, y: nextFreeRow(others) }) }, others);
  if (REPORTLESS_WIDGETS.has(kind)) {
    const note: DashboardWidget = { id: widgetId, kind, title, text: STARTER_NOTE, layout };
    return withDashboard(document, dashboardId, (d) => ({ ...d, widgets: [...d.widgets, note] }));
  }
  const reportId = uniqueId(`${dashboardId}_${widgetId}`, new Set((document.reports ?? []).map((r) => r.id)));
  const widget: DashboardWidget = { id: widgetId, kind, title, report: reportId, layout, ...(kind === 'gauge' ? { max: 100 } : {}) };
  return {
    ...withDashboard(document, dashboardId, (d) => ({ ...d, widgets: [...d.widgets, widget] })),
    reports: [...(document.reports ?? []), starterReport(document, reportId, kind, title)],
  };
}

/** Where a widget is; one without a layout is where the runtime would put it (two per row). */
export function layoutOf(widget: DashboardWidget, index = 0): Rect {
  return widget.layout ?? { x: (index % 2) * 12, y: Math.floor(index / 2) * 8, w: 12, h: 8 };
}

/** A widget moved or resized (pointer or keyboard): kept on the grid, pushed below any widget it would cover. */
export function placeWidget(document: AppDocument, dashboardId: string, widgetId: string, rect: Rect): AppDocument {
  const dashboard = dashboardOf(document, dashboardId);
  if (!dashboard) return document;
  const others = dashboard.widgets.flatMap((w, i) => (w.id === widgetId ? [] : [layoutOf(w, i)]));
  const layout = withoutOverlap(onGrid(rect), others);
  return withWidget(document, dashboardId, widgetId, (widget) => {
    const now = widget.layout;
    if (now && now.x === layout.x && now.y === layout.y && now.w === layout.w && now.h === layout.h) return widget;
    return { ...widget, layout };
  });
}

/** Widget settings (kind, title, measure shown, comparison, target, audience); a key set to undefined leaves it. */
export function updateWidget(
  document: AppDocument,
  dashboardId: string,
  widgetId: string,
  patch: Partial<Omit<DashboardWidget, 'id' | 'report'>>,
): AppDocument {
  return withWidget(document, dashboardId, widgetId, (widget) => withPatch(widget, patch));
}

/** The widget's own report, changed by `change` (the property panel's object, group, measure, filters, period, sort, top N). */
export function updateWidgetReport(
  document: AppDocument,
  dashboardId: string,
  widgetId: string,
  change: (report: ReportDefinition) => ReportDefinition,
): AppDocument {
  const reportId = dashboardOf(document, dashboardId)?.widgets.find((w) => w.id === widgetId)?.report;
  const report = document.reports?.find((r) => r.id === reportId);
  if (!report) return document;
  const next = change(report);
  return next === report ? document : { ...document, reports: (document.reports ?? []).map((r) => (r.id === report.id ? next : r)) };
}

/** A widget, and its report when no other widget shows it. */
export function removeWidget(document: AppDocument, dashboardId: string, widgetId: string): AppDocument {
  const widget = dashboardOf(document, dashboardId)?.widgets.find((w) => w.id === widgetId);
  if (!widget) return document;
  const next = withDashboard(document, dashboardId, (d) => ({ ...d, widgets: d.widgets.filter((w) => w.id !== widgetId) }));
  return withoutOrphans(next, reportsOf([widget]));
}
