import type { FromSchema } from 'json-schema-to-ts';
import { identifierSchema, localizedTextSchema } from './common.schema';
import { FIELD_FORMATS, type fieldSchema } from './field.schema';
import { flowSchema } from './flow.schema';
import {
  type activitySourceSchema,
  type filterConditionSchema,
  type listViewSchema,
  type matchRuleSchema,
  objectSchema,
  type sortKeySchema,
} from './object.schema';
import { dashboardSchema, reportSchema } from './report.schema';

/** A form node may ask for any format a field may have (on top of the field's own, never instead of it). */
export const FORM_FIELD_FORMATS = FIELD_FORMATS;

/** What a rule does to one field when its condition holds. */
export const formEffectSchema = {
  oneOf: [
    {
      type: 'object',
      properties: {
        kind: { enum: ['visible', 'required', 'readOnly'] },
        field: identifierSchema,
        value: { type: 'boolean' },
      },
      required: ['kind', 'field', 'value'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kind: { const: 'setValue' },
        /** A formula over the record's fields; its type must fit the field. */
        field: identifierSchema,
        formula: { type: 'string', minLength: 1, maxLength: 10_000 },
      },
      required: ['kind', 'field', 'formula'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        kind: { const: 'options' },
        field: identifierSchema,
        /** Option values of the (multi) select field still offered while the rule holds. */
        values: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, uniqueItems: true, maxItems: 1000 },
      },
      required: ['kind', 'field', 'values'],
      additionalProperties: false,
    },
  ],
} as const;

/** A linkage rule: while the yes/no formula `when` holds, its effects apply (in order, last rule wins). */
export const formRuleSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    when: { type: 'string', minLength: 1, maxLength: 10_000 },
    effects: { type: 'array', items: formEffectSchema, minItems: 1, maxItems: 200 },
  },
  required: ['id', 'when', 'effects'],
  additionalProperties: false,
} as const;

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
    /** kind field: a formula for the value a new record starts with (applied on create only). */
    defaultValue: { type: 'string', minLength: 1, maxLength: 10_000 },
    /** kind field, text fields only: a format check on top of the field's own (never another one instead of it). */
    format: { enum: FORM_FIELD_FORMATS },
    /** kind field: hint shown in the empty input. */
    placeholder: localizedTextSchema,
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
    /** Linkage rules, evaluated in order by `@tessera/forms` in the browser and again on the server. */
    rules: { type: 'array', items: formRuleSchema, maxItems: 500 },
  },
  required: ['id', 'object', 'label', 'nodes'],
  additionalProperties: false,
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
    /** The form (of this object) the role opens to create and edit its records, instead of the object's default form. */
    form: identifierSchema,
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

/** Icons a menu entry may show, by name (the runtime maps each to one of its icon components). */
export const NAVIGATION_ICONS = [
  'team',
  'user',
  'contacts',
  'shop',
  'bank',
  'dollar',
  'wallet',
  'file',
  'file-done',
  'solution',
  'calendar',
  'phone',
  'dashboard',
  'bar-chart',
  'pie-chart',
  'audit',
  'check-square',
  'folder',
  'star',
  'flag',
] as const;

/**
 * One entry of the app's menu, in document order among its siblings: an object's list (optionally
 * opened on one of its list views), a dashboard, the approval inbox, or a group of entries.
 */
export const navigationItemSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64 },
    label: localizedTextSchema,
    parent: { type: 'string' },
    object: identifierSchema,
    /** With `object`: the list view it opens on. */
    view: identifierSchema,
    dashboard: identifierSchema,
    /** The approval inbox (to approve, submitted by me, …). */
    page: { enum: ['approvals'] },
    icon: { enum: NAVIGATION_ICONS },
    /** Shown only to people holding one of these roles (administrators see every entry); absent: everyone. */
    roles: { type: 'array', items: identifierSchema, uniqueItems: true, maxItems: 50 },
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
    /** Shown with the app's name in the app list (one of the menu's icons). */
    icon: { enum: NAVIGATION_ICONS },
    description: localizedTextSchema,
    defaultLocale: { enum: ['zh-CN', 'en'] },
    /** IANA time zone for TODAY(), date parts and date formatting in formulas (default Asia/Shanghai). */
    timeZone: { type: 'string', minLength: 1, maxLength: 64 },
    /**
     * When people work, for deadlines counted in business hours (approval SLAs): the weekdays
     * (1 Monday … 7 Sunday, default 1–5), the working day's start and end (default 09:00–18:00),
     * public holidays, and the weekend days worked in their place (调休).
     */
    workCalendar: {
      type: 'object',
      properties: {
        weekdays: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 }, uniqueItems: true, maxItems: 7 },
        start: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
        end: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
        holidays: { type: 'array', items: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }, maxItems: 1000 },
        workdays: { type: 'array', items: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }, maxItems: 1000 },
      },
      additionalProperties: false,
    },
    objects: { type: 'array', items: objectSchema, maxItems: 300 },
    forms: { type: 'array', items: formSchema },
    /** Workflows and approvals (packages/flows). */
    flows: { type: 'array', items: flowSchema, maxItems: 200 },
    /** Aggregate queries over one object (packages/reports). */
    reports: { type: 'array', items: reportSchema, maxItems: 500 },
    /** Pages of widgets, each showing a report. */
    dashboards: { type: 'array', items: dashboardSchema, maxItems: 100 },
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
export type MatchRule = FromSchema<typeof matchRuleSchema>;
export type ActivitySource = FromSchema<typeof activitySourceSchema>;
export type FilterCondition = FromSchema<typeof filterConditionSchema>;
export type FilterOperator = FilterCondition['op'];
export type SortKey = FromSchema<typeof sortKeySchema>;
export type FormDefinition = FromSchema<typeof formSchema>;
export type FormNode = FromSchema<typeof formNodeSchema>;
export type FormRule = FromSchema<typeof formRuleSchema>;
export type FormEffect = FromSchema<typeof formEffectSchema>;
export type FormFieldFormat = (typeof FORM_FIELD_FORMATS)[number];
export type LocalizedText = FromSchema<typeof localizedTextSchema>;
export type RoleDefinition = FromSchema<typeof roleSchema>;
export type RolePermission = FromSchema<typeof rolePermissionSchema>;
export type RowScope = (typeof ROW_SCOPES)[number];
export type NavigationItem = FromSchema<typeof navigationItemSchema>;
export type NavigationIcon = (typeof NAVIGATION_ICONS)[number];
