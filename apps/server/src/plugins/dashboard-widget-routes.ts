import type { Database } from '@tessera/db';
import { translate } from '@tessera/i18n';
import { appendAudit } from '@tessera/identity';
import { tableFile } from '@tessera/importer';
import { pivotGridTable, type ReportService, widgetTable } from '@tessera/reports';
import { dashboardWidgetSchema, reportDateRangeSchema, reportSchema } from '@tessera/schemas';
import { policyFor, requireAdmin, requireUser } from '../authentication';
import { localeOf } from '../problem';
import { appParams, identifier, type RoutePlugin } from '../route-schemas';
import { globalFilterProperties, widgetData } from './report-route-schemas';
import { viewerOf } from './report-routes';

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;
const widgetParams = {
  type: 'object',
  properties: { appId: identifier, dashboardId: identifier, widgetId: identifier },
  required: ['appId', 'dashboardId', 'widgetId'],
} as const;

/**
 * One widget at a time: its rows as a CSV or XLSX file (under the viewer's access and audience,
 * and their role's `export` action; audited like a list export), and the studio's live preview of
 * a widget being designed (admins only, over the live app, nothing written).
 */
export const dashboardWidgetRoutes: RoutePlugin<{ database: Database; reports: ReportService }> = async (app, { database, reports }) => {
  app.post(
    '/api/apps/:appId/dashboards/:dashboardId/widgets/:widgetId/export',
    {
      schema: {
        tags: ['reports'],
        summary: 'Download what one widget shows, with the dashboard’s filters, as .csv or .xlsx',
        params: widgetParams,
        body: {
          type: 'object',
          properties: { format: { type: 'string', enum: ['xlsx', 'csv'] }, dateRange: reportDateRangeSchema, ...globalFilterProperties },
          required: ['format'],
          additionalProperties: false,
        },
        response: {
          200: {
            description: 'The workbook or CSV file',
            content: { [MIME.xlsx]: { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { appId, dashboardId, widgetId } = request.params;
      const { format, dateRange, owner, department } = request.body;
      const locale = localeOf(request);
      const data = await reports.widget(appId, policyFor(request, appId), dashboardId, widgetId, {
        dateRange,
        owner,
        department,
        viewer: viewerOf(request, appId),
        forExport: true,
      });
      // A pivot leaves as the grid it shows (rows × columns with totals); every other widget as its rows.
      const table = data.pivot ? pivotGridTable(data.pivot, locale) : widgetTable(data.result, locale);
      const file = await tableFile(format, widgetId, table.titles, table.rows);
      await appendAudit(database.db, {
        actorId: user.userId,
        action: 'dashboard.widget_export',
        appId,
        objectId: data.result.object,
        ip: request.ip,
        detail: { format, dashboard: dashboardId, widget: widgetId, rows: table.rows.length },
      });
      const name = `${dashboardId}-${widgetId}-${new Date().toISOString().slice(0, 10)}.${format}`;
      return reply
        .header('content-type', MIME[format])
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  app.post(
    '/api/apps/:appId/dashboards/preview',
    {
      schema: {
        tags: ['reports'],
        summary: 'The studio’s live preview: a draft widget and its draft report, run on the live app under the admin’s access; nothing is saved',
        params: appParams,
        body: {
          type: 'object',
          properties: { widget: dashboardWidgetSchema, report: reportSchema, dateRange: reportDateRangeSchema, ...globalFilterProperties },
          required: ['widget', 'report'],
          additionalProperties: false,
        },
        response: { 200: widgetData },
      },
    },
    async (request) => {
      requireAdmin(request);
      const { appId } = request.params;
      const { widget, report, ...filters } = request.body;
      const data = await reports.previewWidget(appId, policyFor(request, appId), widget, report, filters);
      return data.status === 'error' ? { ...data, params: undefined, message: translate(localeOf(request), data.code, data.params) } : data;
    },
  );
};
