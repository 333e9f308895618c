import type { DashboardDefinition, DashboardWidget, ObjectDefinition, ReportDefinition } from '@tessera/schemas';
import { useStudio } from '../../hooks/studio-context';

/** The dashboard open in the designer, its selected widget, that widget's report and the report's object, as the draft has them. */
export function useOpenDashboard() {
  const document = useStudio((s) => s.document);
  const dashboardId = useStudio((s) => s.selection.dashboardId ?? null);
  const widgetId = useStudio((s) => s.selection.widgetId ?? null);
  const dashboard: DashboardDefinition | null = document?.dashboards?.find((d) => d.id === dashboardId) ?? null;
  const widget: DashboardWidget | null = dashboard?.widgets.find((w) => w.id === widgetId) ?? null;
  const report: ReportDefinition | null = document?.reports?.find((r) => r.id === widget?.report) ?? null;
  const object: ObjectDefinition | null = document?.objects.find((o) => o.id === report?.object) ?? null;
  return { document, dashboard, widget, report, object };
}
