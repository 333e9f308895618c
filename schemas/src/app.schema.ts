import type { FromSchema } from 'json-schema-to-ts';
import { identifierSchema, localizedTextSchema } from './common.schema';
import { fieldSchema } from './field.schema';
import { filterConditionSchema, listViewSchema, objectSchema, sortKeySchema } from './object.schema';

/**
 * Forms are a flat list of layout nodes pointing at their parent: designers move nodes
 * without rewriting a tree, and the schema needs no recursion (which FromSchema cannot type).
 */
export const formNodeSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    kind: { enum: ['section', 'tabs', 'tab', 'columns', 'column', 'steps', 'step', 'field'] },
    parent: { type: 'string', minLength: 1, maxLength: 64 },
    label: localizedTextSchema,
    /** kind field: the field id it shows. */
    field: { type: 'string' },
  },
  required: ['id', 'kind'],
  additionalProperties: false,
} as const;

export const formSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    object: identifierSchema,
    label: localizedTextSchema,
    nodes: { type: 'array', items: formNodeSchema, maxItems: 2000 },
    /** Filled by the form engine: visible / required / read-only / value rules. */
    rules: { type: 'array', items: { type: 'object' } },
  },
  required: ['id', 'object', 'label', 'nodes'],
  additionalProperties: false,
} as const;

/** Slots the flow, report and dashboard engines fill; here only what references need. */
const engineDocumentSchema = {
  type: 'object',
  properties: { id: identifierSchema, object: identifierSchema, label: localizedTextSchema },
  required: ['id'],
} as const;

export const RECORD_ACTIONS = ['create', 'read', 'update', 'delete', 'import', 'export'] as const;
export const ROW_SCOPES = ['own', 'department', 'department_tree', 'all'] as const;

/** What one role may do with one object: actions, which rows, which fields. */
export const rolePermissionSchema = {
  type: 'object',
  properties: {
    object: identifierSchema,
    actions: { type: 'array', items: { enum: RECORD_ACTIONS }, uniqueItems: true },
    /** own: records they own; department: their department's; department_tree: and its sub-departments'; all. */
    rows: { enum: ROW_SCOPES },
    /** A yes/no formula that further narrows the rows, e.g. `[Region] = "east" OR [Key account] = CURRENTUSER()`. */
    rowFormula: { type: 'string', minLength: 1, maxLength: 2000 },
    hiddenFields: { type: 'array', items: identifierSchema, uniqueItems: true },
    readOnlyFields: { type: 'array', items: identifierSchema, uniqueItems: true },
  },
  required: ['object', 'actions'],
  additionalProperties: false,
} as const;

export const roleSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    label: localizedTextSchema,
    description: localizedTextSchema,
    permissions: { type: 'array', items: rolePermissionSchema, maxItems: 300 },
  },
  required: ['id', 'label'],
  additionalProperties: false,
} as const;

export const navigationItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    label: localizedTextSchema,
    parent: { type: 'string' },
    object: identifierSchema,
    dashboard: identifierSchema,
  },
  required: ['id'],
  additionalProperties: false,
} as const;

export const appSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://tessera.dev/schemas/app.schema.json',
  title: 'Tessera app document',
  type: 'object',
  properties: {
    id: identifierSchema,
    label: localizedTextSchema,
    description: localizedTextSchema,
    defaultLocale: { enum: ['zh-CN', 'en'] },
    /** IANA time zone for TODAY(), date parts and date formatting in formulas (default Asia/Shanghai). */
    timeZone: { type: 'string', minLength: 1, maxLength: 64 },
    objects: { type: 'array', items: objectSchema, maxItems: 300 },
    forms: { type: 'array', items: formSchema },
    flows: { type: 'array', items: engineDocumentSchema },
    reports: { type: 'array', items: engineDocumentSchema },
    dashboards: { type: 'array', items: engineDocumentSchema },
    roles: { type: 'array', items: roleSchema },
    navigation: { type: 'array', items: navigationItemSchema },
    i18n: {
      type: 'object',
      properties: {
        'zh-CN': { type: 'object', additionalProperties: { type: 'string' } },
        en: { type: 'object', additionalProperties: { type: 'string' } },
      },
      additionalProperties: false,
    },
  },
  required: ['id', 'label', 'objects'],
  additionalProperties: false,
} as const;

export type AppDocument = FromSchema<typeof appSchema>;
export type ObjectDefinition = FromSchema<typeof objectSchema>;
export type FieldDefinition = FromSchema<typeof fieldSchema>;
export type FieldType = FieldDefinition['type'];
export type ListView = FromSchema<typeof listViewSchema>;
export type FilterCondition = FromSchema<typeof filterConditionSchema>;
export type FilterOperator = FilterCondition['op'];
export type SortKey = FromSchema<typeof sortKeySchema>;
export type FormDefinition = FromSchema<typeof formSchema>;
export type LocalizedText = FromSchema<typeof localizedTextSchema>;
export type RoleDefinition = FromSchema<typeof roleSchema>;
export type RolePermission = FromSchema<typeof rolePermissionSchema>;
export type RowScope = (typeof ROW_SCOPES)[number];
