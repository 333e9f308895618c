import type { DashboardData, DrillDown, ReportAnswer } from '@tessera/reports';
import type { ReportDateRange } from '@tessera/schemas';
import { request } from '../api/http';
import type { RecordList } from '../api/types';

const enc = encodeURIComponent;

/** A widget's data as the server sends it: its error is already in the caller's language. */
type OnTheWire<W> = W extends unknown ? Omit<W, 'params'> & { message?: string } : never;
export type WidgetPayload = OnTheWire<DashboardData['widgets'][number]>;
export type DashboardPayload = Omit<DashboardData, 'widgets'> & { widgets: WidgetPayload[] };
export type { DrillDown, ReportAnswer };

export const dashboardsApi = {
  /** Every widget in one call (docs/api-contract.md, `POST …/dashboards/:id/data`). */
  data: (appId: string, dashboardId: string, dateRange: ReportDateRange | undefined, signal?: AbortSignal) =>
    request<DashboardPayload>('POST', `/api/apps/${enc(appId)}/dashboards/${enc(dashboardId)}/data`, dateRange ? { dateRange } : {}, signal),

  /** The records behind one data point: the drill-down's filters and formula through the records list. */
  drill: (appId: string, drill: DrillDown, signal?: AbortSignal) =>
    request<RecordList>(
      'POST',
      `/api/apps/${enc(appId)}/objects/${enc(drill.object)}/records/query`,
      { filters: drill.filters, ...(drill.where ? { where: drill.where } : {}), limit: 200, count: true },
      signal,
    ),
};
