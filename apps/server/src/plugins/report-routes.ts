import { translate } from '@tessera/i18n';
import type { ReportService, Viewer } from '@tessera/reports';
import { reportDateRangeSchema, reportSchema } from '@tessera/schemas';
import type { FastifyRequest } from 'fastify';
import { policyFor, requireUser } from '../authentication';
import { localeOf } from '../problem';
import { identifier, type RoutePlugin } from '../route-schemas';
import { dashboardParams, globalFilterProperties, range, reportResult, widgetData } from './report-route-schemas';

const tags = ['reports'];
const appParams = { type: 'object', properties: { appId: identifier }, required: ['appId'] } as const;

/** Who asks, for a dashboard's and a widget's audience: their roles in this app. */
export function viewerOf(request: FastifyRequest, appId: string): Viewer {
  const user = requireUser(request);
  return { roles: user.roles[appId] ?? [], isAdmin: user.isAdmin };
}

/** Dashboards and reports, answered under the caller's access (packages/reports). */
export const reportRoutes: RoutePlugin<{ reports: ReportService }> = async (app, { reports }) => {
  app.post(
    '/api/apps/:appId/dashboards/:dashboardId/data',
    {
      schema: {
        tags,
        summary:
          'Every widget of a dashboard the caller may see, in one call, under the caller’s access; the date filter replaces each dated report’s period, the owner and department filters narrow every widget',
        params: dashboardParams,
        body: { type: 'object', properties: { dateRange: reportDateRangeSchema, ...globalFilterProperties }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: { dashboard: { type: 'string' }, range, widgets: { type: 'array', items: widgetData } },
            required: ['dashboard', 'range', 'widgets'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => {
      const { appId, dashboardId } = request.params;
      const { dateRange, owner, department } = request.body ?? {};
      const data = await reports.dashboard(appId, policyFor(request, appId), dashboardId, { dateRange, owner, department, viewer: viewerOf(request, appId) });
      const locale = localeOf(request);
      return {
        ...data,
        widgets: data.widgets.map((w) => (w.status === 'error' ? { ...w, params: undefined, message: translate(locale, w.code, w.params) } : w)),
      };
    },
  );

  app.post(
    '/api/apps/:appId/reports/query',
    {
      schema: {
        tags,
        summary: 'One report — of the app by id, or an ad-hoc spec checked like a published one — under the caller’s access',
        params: appParams,
        body: {
          type: 'object',
          properties: {
            reportId: identifier,
            report: reportSchema,
            dateRange: reportDateRangeSchema,
            measure: { ...identifier, description: 'The measure the drill-downs are for (its filter joins the report’s)' },
          },
          oneOf: [{ required: ['reportId'] }, { required: ['report'] }],
          additionalProperties: false,
        },
        response: { 200: reportResult },
      },
    },
    async (request) => {
      const { appId } = request.params;
      const { reportId, report, dateRange, measure } = request.body;
      return reports.run(appId, policyFor(request, appId), report ?? reportId ?? '', { dateRange, measure, viewer: viewerOf(request, appId) });
    },
  );
};
