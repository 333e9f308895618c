import type { DashboardWidget, ReportDefinition } from '@tessera/schemas';
import { request } from '@tessera/ui';
import type { WidgetPayload } from '@tessera/ui/dashboard-widget';

const enc = encodeURIComponent;

/** The routes the dashboard designer uses beyond the studio's own. */
export const dashboardApi = {
  /** A draft widget and its draft report answered over the live app under the admin's access (docs/api-contract.md, POST …/dashboards/preview). */
  preview: (appId: string, widget: DashboardWidget, report: ReportDefinition, signal?: AbortSignal) =>
    request<WidgetPayload>('POST', `/api/apps/${enc(appId)}/dashboards/preview`, { widget, report }, signal),
};
