import { type AppDocument, type DashboardDefinition, type DashboardWidget, seesAudience, type Viewer } from '@tessera/schemas';

export { seesAudience, type Viewer };

/** The widgets of a dashboard the viewer is served, in their order. */
export function visibleWidgets(dashboard: DashboardDefinition, viewer: Viewer | undefined): DashboardWidget[] {
  return dashboard.widgets.filter((widget) => seesAudience(widget.roles, viewer));
}

/**
 * A report asked for by id is served when no dashboard shows it (a report of its own), or when
 * one widget showing it is visible to the viewer: hiding a widget must not leave its numbers one
 * request away under another route.
 */
export function reportServed(document: AppDocument, reportId: string, viewer: Viewer | undefined): boolean {
  const showing = (document.dashboards ?? []).flatMap((d) => d.widgets.filter((w) => w.report === reportId).map((w) => ({ d, w })));
  return showing.length === 0 || showing.some(({ d, w }) => seesAudience(d.roles, viewer) && seesAudience(w.roles, viewer));
}
