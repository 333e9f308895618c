import type { FromSchema } from 'json-schema-to-ts';
import { identifierSchema, localizedTextSchema } from './common.schema';
import { filterConditionSchema } from './object.schema';

/** How a date dimension is bucketed, in the app's time zone (weeks start on Monday, ISO). */
export const DATE_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
/** Aggregates about the data itself rather than one field: completeness, dormancy, duplicates, days between two dates. */
export const QUALITY_AGGREGATES = ['completeness', 'dormant_count', 'dormant_rate', 'duplicate_count', 'duplicate_rate', 'avg_days'] as const;
export const REPORT_AGGREGATES = ['count', 'sum', 'avg', 'min', 'max', 'distinct_count', 'median', 'formula', 'target', ...QUALITY_AGGREGATES] as const;
/** Ranges relative to now, resolved on the server to a half-open [from, to) in the app's time zone. */
export const RELATIVE_RANGES = ['today', 'this_week', 'this_month', 'this_quarter', 'this_year', 'last_n_days', 'year_to_date', 'all_time'] as const;
export const WIDGET_KINDS = ['kpi', 'line', 'bar', 'stacked_bar', 'pie', 'funnel', 'table', 'leaderboard', 'gauge', 'pivot', 'note'] as const;
/** Widgets that show no report: a note is text written in the designer. */
export const REPORTLESS_WIDGETS: ReadonlySet<string> = new Set(['note']);
/** Filters a dashboard may offer its viewers besides the date range, each applied to every widget. */
export const DASHBOARD_FILTERS = ['owner', 'department'] as const;

/** The roles that may see a dashboard or a widget; absent or empty: everyone who may open the app. Administrators see all. */
const audienceSchema = { type: 'array', items: identifierSchema, maxItems: 50, uniqueItems: true } as const;

/**
 * Number buckets: fixed-width ranges [k·width, (k+1)·width), or explicit ascending edges
 * (`[0, 1000, 10000]` → below 0, [0, 1000), [1000, 10000), 10000 and over). A group's key is
 * its bucket's lower bound (null below the first edge).
 */
export const reportBucketSchema = {
  type: 'object',
  properties: {
    width: { type: 'number', exclusiveMinimum: 0 },
    edges: { type: 'array', items: { type: 'number' }, minItems: 1, maxItems: 50 },
  },
  additionalProperties: false,
} as const;

/**
 * What a report groups by: a field (or system column) of the source object, or of a record it
 * points to along relation fields (`customer.industry`, `deal.customer.owner_id`); dates need a
 * grain, numbers may be bucketed.
 */
export const reportDimensionSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    field: { type: 'string', minLength: 1, maxLength: 200 },
    grain: { enum: DATE_GRAINS },
    bucket: reportBucketSchema,
    label: localizedTextSchema,
  },
  required: ['id', 'field'],
  additionalProperties: false,
} as const;

/**
 * Targets kept as records (a sales target per person and month): a group's target is the sum of
 * `field` over the targets the viewer may read whose `person` is the group's person (when the
 * report groups by owner or another user field) and whose `month` falls in the group's period
 * (when it groups by its date field with a month, quarter or year grain) and in the report's period.
 */
export const reportTargetsSchema = {
  type: 'object',
  properties: {
    object: identifierSchema,
    field: identifierSchema,
    /** A user field of the targets object; default owner_id. */
    person: { type: 'string', minLength: 1, maxLength: 64 },
    /** A date field of the targets object: the month (any day in it) a target is for. */
    month: identifierSchema,
  },
  required: ['object', 'field', 'month'],
  additionalProperties: false,
} as const;

/**
 * What a report computes per group. An aggregate of a field, optionally over only the rows a
 * yes/no formula keeps (`count` of won deals), or a formula over the other measures by id
 * (`[won] / ([won] + [lost])`), computed from the same groups.
 */
export const reportMeasureSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    aggregate: { enum: REPORT_AGGREGATES },
    field: { type: 'string', minLength: 1, maxLength: 64 },
    /** Aggregate the records of this join (by its id) instead of the source's: per group, before joining, so never double-counted. */
    join: identifierSchema,
    /** aggregate `completeness`: the key fields whose filled share is averaged over the records; default the object's quality.keyFields. */
    fields: { type: 'array', items: identifierSchema, minItems: 1, maxItems: 50 },
    /** aggregate `avg_days`: the date field the days are counted from (default created_at) to `field` (a won deal's sales cycle). */
    from: { type: 'string', minLength: 1, maxLength: 64 },
    /** aggregate `target`: the same value for every group (a monthly quota of 100,000). */
    value: { type: 'number' },
    /** aggregate `target`: the sum of a targets object's amounts matching each group (see reportTargetsSchema). */
    targets: reportTargetsSchema,
    filter: { type: 'string', minLength: 1, maxLength: 2000 },
    formula: { type: 'string', minLength: 1, maxLength: 2000 },
    label: localizedTextSchema,
    /** How the value is shown: a plain number, money, or a share (0.25 → 25 %). */
    format: { enum: ['number', 'currency', 'percent'] },
  },
  required: ['id', 'aggregate'],
  additionalProperties: false,
} as const;

/** A date range: relative to today (with `days` for last_n_days), or fixed local dates [from, to). */
export const reportDateRangeSchema = {
  type: 'object',
  properties: {
    range: { enum: RELATIVE_RANGES },
    days: { type: 'integer', minimum: 1, maximum: 3660 },
    from: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
    to: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
  },
  additionalProperties: false,
} as const;

/**
 * Child records joined to the report's source along a relation field: the records of `object`
 * whose relation field `via` points at a source record, or at a record of the join `from`
 * (customer → its deals → their contracts). Each joined object is read under the viewer's row
 * scope; measures over a join are aggregated per group before they meet the source's groups.
 */
export const reportJoinSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    object: identifierSchema,
    via: identifierSchema,
    from: identifierSchema,
    label: localizedTextSchema,
  },
  required: ['id', 'object', 'via'],
  additionalProperties: false,
} as const;

/** A list condition on the source's field, or on a field of a record it points to (`customer.industry`). */
export const reportFilterConditionSchema = {
  ...filterConditionSchema,
  properties: { ...filterConditionSchema.properties, field: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/**
 * A funnel from the record history of a select field (a deal's stage): one row per step, with
 * the records that reached it, the conversion from the step before and from the first, and the
 * average days a record stayed in it. `ordered`: a record counts at a step when it went through
 * every step before it, in order; `reached`: when it was ever at this step or a later one.
 */
export const reportFunnelSchema = {
  type: 'object',
  properties: {
    field: { type: 'string', minLength: 1, maxLength: 64 },
    /** The steps, in order; default: the field's options as defined. */
    steps: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, minItems: 2, maxItems: 20 },
    mode: { enum: ['ordered', 'reached'] },
  },
  required: ['field'],
  additionalProperties: false,
} as const;

export const reportSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    label: localizedTextSchema,
    /** The object whose records are aggregated. */
    object: identifierSchema,
    dimensions: { type: 'array', items: reportDimensionSchema, maxItems: 2 },
    /** Makes the report a funnel over the history of a select field (see reportFunnelSchema); its first measure is the count of records per step. */
    funnel: reportFunnelSchema,
    /** Child records whose measures the report aggregates (see reportJoinSchema). */
    joins: { type: 'array', items: reportJoinSchema, maxItems: 5 },
    measures: { type: 'array', items: reportMeasureSchema, minItems: 1, maxItems: 20 },
    /** Conditions as a list view has them (so a drill-down opens the same list), all must hold; a field may be a path along relations. */
    filters: { type: 'array', items: reportFilterConditionSchema, maxItems: 50 },
    /** A yes/no formula every counted record must satisfy, besides `filters`. */
    where: { type: 'string', minLength: 1, maxLength: 2000 },
    /** The date (or date-time) field the report's period, and a dashboard's date filter, apply to. */
    dateField: { type: 'string', minLength: 1, maxLength: 64 },
    /** The period counted by default; a dashboard's date filter replaces it. */
    dateRange: reportDateRangeSchema,
    /** By a dimension or measure id; default: dimensions in their natural order (select options as defined, dates ascending). */
    sort: {
      type: 'array',
      items: {
        type: 'object',
        properties: { by: identifierSchema, direction: { enum: ['asc', 'desc'] } },
        required: ['by'],
        additionalProperties: false,
      },
      maxItems: 4,
    },
    /** Top N groups after sorting. */
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
  },
  required: ['id', 'label', 'object', 'measures'],
  additionalProperties: false,
} as const;

/** A note's text: rich text (the editor's HTML, sanitized by the server before it is served), one per language. */
export const noteTextSchema = {
  type: 'object',
  properties: {
    'zh-CN': { type: 'string', maxLength: 20000 },
    en: { type: 'string', maxLength: 20000 },
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const dashboardWidgetSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    kind: { enum: WIDGET_KINDS },
    title: localizedTextSchema,
    /** The report shown; every kind but a note needs one. A pivot's report has two dimensions: rows, then columns. */
    report: identifierSchema,
    /** The measure shown (KPI, gauge, pie, funnel, leaderboard, pivot); default: the report's first. */
    measure: identifierSchema,
    /** KPI: show the change against the period just before the one shown (环比), or the same period a year before (同比). */
    compare: { enum: ['previous_period', 'previous_year'] },
    /** KPI: the value aimed at, for a progress bar; gauge: a mark on the dial (and its end when there is no max). */
    target: { type: 'number' },
    /** Gauge: where the dial ends; default the target. */
    max: { type: 'number', exclusiveMinimum: 0 },
    /** Note: its text. */
    text: noteTextSchema,
    /** Who is served this widget's data (enforced by the server); absent: everyone who sees the dashboard. */
    roles: audienceSchema,
    /** Grid placement, 24 columns wide. */
    layout: {
      type: 'object',
      properties: {
        x: { type: 'integer', minimum: 0, maximum: 23 },
        y: { type: 'integer', minimum: 0, maximum: 1000 },
        w: { type: 'integer', minimum: 1, maximum: 24 },
        h: { type: 'integer', minimum: 1, maximum: 40 },
      },
      required: ['x', 'y', 'w', 'h'],
      additionalProperties: false,
    },
  },
  required: ['id', 'kind'],
  additionalProperties: false,
} as const;

export const dashboardSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    label: localizedTextSchema,
    /** The date filter the dashboard opens with, applied to every widget whose report has a dateField. */
    dateRange: reportDateRangeSchema,
    /** Filters offered above the widgets, applied to every widget (the record's owner, its department). */
    filters: { type: 'array', items: { enum: DASHBOARD_FILTERS }, uniqueItems: true, maxItems: 2 },
    /** Who may open the dashboard (enforced by the server); absent: everyone who may open the app. */
    roles: audienceSchema,
    widgets: { type: 'array', items: dashboardWidgetSchema, maxItems: 40 },
  },
  required: ['id', 'label', 'widgets'],
  additionalProperties: false,
} as const;

export type ReportDefinition = FromSchema<typeof reportSchema>;
export type ReportDimension = FromSchema<typeof reportDimensionSchema>;
export type ReportMeasure = FromSchema<typeof reportMeasureSchema>;
export type ReportJoin = FromSchema<typeof reportJoinSchema>;
export type ReportBucket = FromSchema<typeof reportBucketSchema>;
export type ReportFunnel = FromSchema<typeof reportFunnelSchema>;
export type ReportTargets = FromSchema<typeof reportTargetsSchema>;
export type ReportDateRange = FromSchema<typeof reportDateRangeSchema>;
export type DashboardDefinition = FromSchema<typeof dashboardSchema>;
export type DashboardWidget = FromSchema<typeof dashboardWidgetSchema>;
export type DateGrain = (typeof DATE_GRAINS)[number];
export type RelativeRange = (typeof RELATIVE_RANGES)[number];
export type WidgetKind = (typeof WIDGET_KINDS)[number];
export type DashboardFilter = (typeof DASHBOARD_FILTERS)[number];
