import { translate } from '@tessera/i18n';
import type { ReportService } from '@tessera/reports';
import { filterConditionSchema, reportDateRangeSchema, reportSchema } from '@tessera/schemas';
import { policyFor } from '../authentication';
import { localeOf } from '../problem';
import { identifier, type RoutePlugin } from '../route-schemas';

const tags = ['reports'];
const localizedOrName = { description: 'A name: text, or one per language ({ "zh-CN", "en" })' } as const;
const range = {
  type: ['object', 'null'],
  properties: { from: { type: 'string' }, to: { type: 'string' } },
  required: ['from', 'to'],
  additionalProperties: false,
  description: 'The period counted, local dates of the app’s time zone, half-open [from, to); null: all time',
} as const;
const drill = {
  type: 'object',
  description: 'What POST …/objects/{object}/records/query needs to list exactly the records behind this data point',
  properties: {
    object: { type: 'string' },
    filters: { type: 'array', items: filterConditionSchema },
    where: { type: 'string' },
  },
  required: ['object', 'filters'],
  additionalProperties: false,
} as const;
const reportResult = {
  type: 'object',
  properties: {
    report: { type: 'string' },
    object: { type: 'string' },
    range,
    cached: { type: 'boolean', description: 'Served from the result cache (same statement, same access, same data versions)' },
    dimensions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, field: { type: 'string' }, grain: { type: ['string', 'null'] }, label: localizedOrName },
        additionalProperties: false,
      },
    },
    measures: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, label: localizedOrName, format: { type: ['string', 'null'] } },
        additionalProperties: false,
      },
    },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          keys: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              properties: { value: { type: ['string', 'number', 'boolean', 'null'] }, label: localizedOrName },
              additionalProperties: false,
            },
          },
          values: { type: 'object', additionalProperties: { type: ['number', 'string', 'null'] } },
          drill,
        },
        required: ['keys', 'values', 'drill'],
        additionalProperties: false,
      },
    },
  },
  required: ['report', 'object', 'range', 'cached', 'dimensions', 'measures', 'rows'],
  additionalProperties: false,
} as const;
const widgetData = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    status: { enum: ['ok', 'error'] },
    result: reportResult,
    previous: { ...reportResult, description: 'The period just before, for a KPI compared with it' },
    code: { type: 'string', description: 'Why this widget has no data for the caller (report.field_hidden, report.timeout, …)' },
    message: { type: 'string' },
  },
  required: ['id', 'kind', 'status'],
  additionalProperties: false,
} as const;
const dashboardParams = {
  type: 'object',
  properties: { appId: identifier, dashboardId: identifier },
  required: ['appId', 'dashboardId'],
} as const;
const appParams = { type: 'object', properties: { appId: identifier }, required: ['appId'] } as const;

/** Dashboards and reports, answered under the caller's access (packages/reports). */
export const reportRoutes: RoutePlugin<{ reports: ReportService }> = async (app, { reports }) => {
  app.post(
    '/api/apps/:appId/dashboards/:dashboardId/data',
    {
      schema: {
        tags,
        summary: 'Every widget of a dashboard in one call, under the caller’s access; the date filter replaces each dated report’s period',
        params: dashboardParams,
        body: { type: 'object', properties: { dateRange: reportDateRangeSchema }, additionalProperties: false },
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
      const data = await reports.dashboard(appId, policyFor(request, appId), dashboardId, { dateRange: request.body?.dateRange });
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
      return reports.run(appId, policyFor(request, appId), report ?? reportId ?? '', { dateRange, measure });
    },
  );
};
