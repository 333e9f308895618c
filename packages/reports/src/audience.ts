import type { AppDocument, DashboardDefinition, DashboardWidget } from '@tessera/schemas';

/** Who is looking, as far as a dashboard's audience goes: the roles they hold in the app. */
export interface Viewer {
  roles: readonly string[];
  isAdmin: boolean;
}

/** An audience is a list of roles; none listed means everyone, and administrators see everything. */
export function seesAudience(roles: readonly string[] | undefined, viewer: Viewer | undefined): boolean {
  if (!viewer || viewer.isAdmin || !roles || roles.length === 0) return true;
  return roles.some((role) => viewer.roles.includes(role));
}

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
