/** Shapes the report and dashboard routes answer with, defined once for every route that sends them. */
import { filterConditionSchema } from '@tessera/schemas';
import { identifier, uuid } from '../route-schemas';

const localizedOrName = { description: 'A name: text, or one per language ({ "zh-CN", "en" })' } as const;
export const range = {
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
const dimension = {
  type: 'object',
  properties: { id: { type: 'string' }, field: { type: 'string' }, grain: { type: ['string', 'null'] }, label: localizedOrName },
  additionalProperties: false,
} as const;
export const reportResult = {
  type: 'object',
  properties: {
    report: { type: 'string' },
    object: { type: 'string' },
    range,
    cached: { type: 'boolean', description: 'Served from the result cache (same statement, same access, same data versions)' },
    dimensions: { type: 'array', items: dimension },
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
const pivotKey = {
  type: 'object',
  properties: { value: { type: ['string', 'number', 'boolean', 'null'] }, label: localizedOrName },
  additionalProperties: false,
} as const;
const pivotCell = {
  type: 'object',
  properties: { value: { type: ['number', 'string', 'null'] }, drill: { anyOf: [drill, { type: 'null' }] } },
  required: ['value', 'drill'],
  additionalProperties: false,
} as const;
const pivotDimension = { anyOf: [dimension, { type: 'null' }] } as const;
const pivot = {
  type: 'object',
  description: 'A pivot widget: rows × columns of one measure, with row, column and grand totals computed from the records',
  properties: {
    measure: { type: 'string' },
    rowDimension: pivotDimension,
    columnDimension: pivotDimension,
    columns: {
      type: 'array',
      items: { type: 'object', properties: { key: pivotKey, total: pivotCell }, required: ['key', 'total'], additionalProperties: false },
    },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        properties: { key: pivotKey, cells: { type: 'array', items: pivotCell }, total: pivotCell },
        required: ['key', 'cells', 'total'],
        additionalProperties: false,
      },
    },
    total: pivotCell,
  },
  required: ['measure', 'columns', 'rows', 'total'],
  additionalProperties: false,
} as const;
export const widgetData = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    status: { enum: ['ok', 'error', 'note'] },
    result: reportResult,
    previous: { ...reportResult, description: 'The period just before, for a KPI compared with it' },
    pivot,
    text: {
      type: 'object',
      description: 'A note: its rich text per language, sanitized by the server',
      properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
      additionalProperties: false,
    },
    code: { type: 'string', description: 'Why this widget has no data for the caller (report.field_hidden, report.timeout, …)' },
    message: { type: 'string' },
  },
  required: ['id', 'kind', 'status'],
  additionalProperties: false,
} as const;

/** The global filters a dashboard offers, as a request carries them; every widget is narrowed by them. */
export const globalFilterProperties = {
  owner: { ...uuid, description: 'Only records this user owns (the record’s owner)' },
  department: { ...uuid, description: 'Only records of this department (the record’s department)' },
} as const;

export const dashboardParams = {
  type: 'object',
  properties: { appId: identifier, dashboardId: identifier },
  required: ['appId', 'dashboardId'],
} as const;
