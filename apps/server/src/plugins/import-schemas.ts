import { dateTime, identifier, nullableString, uuid } from '../route-schemas';

/** Route schemas of the import wizard's API (import-routes.ts). */

export const importParams = {
  type: 'object',
  properties: { appId: identifier, objectId: identifier, importId: uuid },
  required: ['appId', 'objectId', 'importId'],
} as const;

export const previewBody = {
  type: 'object',
  properties: {
    sheet: { type: 'integer', minimum: 1, maximum: 1_000 },
    headerRow: { type: 'integer', minimum: 1, maximum: 1_048_576 },
  },
  additionalProperties: false,
} as const;

const dedupMode = { type: 'string', enum: ['skip', 'update', 'create'] } as const;

export const planBody = {
  type: 'object',
  properties: {
    sheet: { type: 'integer', minimum: 1, maximum: 1_000, description: 'Position of the sheet (1 for a CSV)' },
    headerRow: { type: 'integer', minimum: 1, maximum: 1_048_576, description: 'Row number of the column titles; data starts below' },
    columns: {
      type: 'array',
      minItems: 1,
      maxItems: 1_000,
      items: {
        type: 'object',
        properties: { column: { type: 'integer', minimum: 0, maximum: 16_383, description: '0 = column A' }, field: identifier },
        required: ['column', 'field'],
        additionalProperties: false,
      },
    },
    dedup: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          description: 'Rows are matched to existing records by a mapped field',
          properties: { field: identifier, mode: dedupMode },
          required: ['field', 'mode'],
          additionalProperties: false,
        },
        {
          type: 'object',
          description: 'Rows are matched to existing records by one of the object’s match rules (its id)',
          properties: { rule: identifier, mode: dedupMode },
          required: ['rule', 'mode'],
          additionalProperties: false,
        },
      ],
    },
    atomicity: { type: 'string', enum: ['all', 'valid'] },
  },
  required: ['sheet', 'headerRow', 'columns', 'atomicity'],
  additionalProperties: false,
} as const;

export const previewResponse = {
  type: 'object',
  properties: {
    id: uuid,
    fileName: { type: 'string' },
    kind: { type: 'string', enum: ['xlsx', 'csv'] },
    sheets: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, name: { type: 'string' } }, additionalProperties: false } },
    sheet: { type: 'integer' },
    headerRow: { type: 'integer' },
    columns: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          column: { type: 'integer' },
          title: { type: 'string' },
          samples: { type: 'array', items: {}, description: 'The first data rows: text, number, boolean, date (ISO) or null' },
          suggestion: nullableString,
        },
        additionalProperties: false,
      },
    },
    matchRules: {
      type: 'array',
      description: 'The object’s match rules an import can match rows by (their fields all visible to this user)',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          kind: { type: 'string', enum: ['exact', 'company_name'] },
          label: { type: 'object', additionalProperties: { type: 'string' } },
          fields: { type: 'array', items: { type: 'string' }, description: 'exact: every one must be mapped' },
          nameField: { type: 'string' },
          contactFields: { type: 'array', items: { type: 'string' }, description: 'company_name: at least one must be mapped' },
        },
        additionalProperties: false,
      },
    },
    fields: {
      type: 'array',
      description: 'Fields this user may import into',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          type: { type: 'string' },
          label: { type: 'object', additionalProperties: { type: 'string' } },
          required: { type: 'boolean' },
          format: { type: 'string', description: 'A text field’s format (its data rule on every write)' },
          phoneKind: { type: 'string' },
          normalize: {
            type: 'object',
            description: 'How the field cleans text on save; unset parts follow the format’s defaults',
            properties: { trim: { type: 'boolean' }, halfWidth: { type: 'boolean' }, letterCase: { type: 'string' } },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

const counts = {
  type: 'object',
  properties: {
    rows: { type: 'integer' },
    created: { type: 'integer' },
    updated: { type: 'integer' },
    skipped: { type: 'integer' },
    refused: { type: 'integer' },
  },
  additionalProperties: false,
} as const;

const rowIssue = {
  type: 'object',
  properties: { row: { type: 'integer' }, column: nullableString, field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
  additionalProperties: false,
} as const;

export const dryRunResponse = {
  type: 'object',
  properties: {
    counts,
    issueCount: { type: 'integer' },
    issues: { type: 'array', items: rowIssue, description: 'The first 500 issues; all of them are in the error report' },
  },
  additionalProperties: false,
} as const;

export const statusResponse = {
  type: 'object',
  properties: {
    id: uuid,
    fileName: { type: 'string' },
    status: { type: 'string', enum: ['uploaded', 'running', 'done', 'failed', 'undone'] },
    counts: { anyOf: [counts, { type: 'null' }] },
    committed: { type: 'boolean' },
    progress: { anyOf: [{ type: 'object', properties: { rows: { type: 'integer' } }, additionalProperties: false }, { type: 'null' }] },
    error: {
      anyOf: [{ type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, additionalProperties: false }, { type: 'null' }],
    },
    issueCount: { type: 'integer' },
    createdAt: dateTime,
    finishedAt: { anyOf: [dateTime, { type: 'null' }] },
    undoneAt: { anyOf: [dateTime, { type: 'null' }] },
  },
  additionalProperties: false,
} as const;

export const undoResponse = {
  type: 'object',
  properties: { deleted: { type: 'integer' }, restored: { type: 'integer' }, skipped: { type: 'integer' } },
  additionalProperties: false,
} as const;
