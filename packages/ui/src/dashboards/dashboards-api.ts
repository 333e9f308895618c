import type { DashboardData, DrillDown, ReportAnswer } from '@tessera/reports';
import type { ReportDateRange, ReportDefinition } from '@tessera/schemas';
import { request } from '../api/http';
import type { RecordList } from '../api/types';
import { downloadPosted } from '../data-transfer/imports-api';

const enc = encodeURIComponent;

/** A widget's data as the server sends it: its error is already in the caller's language. */
type OnTheWire<W> = W extends unknown ? Omit<W, 'params'> & { message?: string } : never;
export type WidgetPayload = OnTheWire<DashboardData['widgets'][number]>;
export type DashboardPayload = Omit<DashboardData, 'widgets'> & { widgets: WidgetPayload[] };
export type { DrillDown, ReportAnswer };

/** What a viewer filters a dashboard by: the period, and the global filters it offers (a person, a department). */
export interface DashboardFilters {
  dateRange?: ReportDateRange | undefined;
  owner?: string | undefined;
  department?: string | undefined;
}

/** Only the filters set: the server reads an absent key as "not filtered". */
const setOnly = (filters: DashboardFilters) => Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null));

export const dashboardsApi = {
  /** Every widget the viewer may see, in one call (docs/api-contract.md, `POST …/dashboards/:id/data`). */
  data: (appId: string, dashboardId: string, filters: DashboardFilters, signal?: AbortSignal) =>
    request<DashboardPayload>('POST', `/api/apps/${enc(appId)}/dashboards/${enc(dashboardId)}/data`, setOnly(filters), signal),

  /** One widget's data as a file, with the same filters (`POST …/widgets/:id/export`). */
  exportWidget: (appId: string, dashboardId: string, widgetId: string, format: 'csv' | 'xlsx', filters: DashboardFilters) =>
    downloadPosted(
      `/api/apps/${enc(appId)}/dashboards/${enc(dashboardId)}/widgets/${enc(widgetId)}/export`,
      { format, ...setOnly(filters) },
      `${widgetId}.${format}`,
    ),

  /** An ad-hoc report (`POST …/reports/query`), grouped and counted by the server under the caller's access. */
  run: (appId: string, report: ReportDefinition, signal?: AbortSignal) =>
    request<ReportAnswer>('POST', `/api/apps/${enc(appId)}/reports/query`, { report }, signal),

  /** The records behind one data point: the drill-down's filters and formula through the records list. */
  drill: (appId: string, drill: DrillDown, signal?: AbortSignal) =>
    request<RecordList>(
      'POST',
      `/api/apps/${enc(appId)}/objects/${enc(drill.object)}/records/query`,
      { filters: drill.filters, ...(drill.where ? { where: drill.where } : {}), limit: 200, count: true },
      signal,
    ),
};
