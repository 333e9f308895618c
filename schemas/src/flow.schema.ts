import type { FromSchema } from 'json-schema-to-ts';
import { identifierSchema, localizedTextSchema } from './common.schema';

/** A yes/no (or value) formula in the formula language, over the flow's record. */
const formulaSchema = { type: 'string', minLength: 1, maxLength: 10_000 } as const;
// A pattern, not `format: uuid`: the app document's validator runs without format plugins, also in the browser.
const uuidSchema = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const nodeIdSchema = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' } as const;

export const APPROVER_KINDS = ['user', 'role', 'department_head', 'head_chain', 'user_field', 'chosen', 'initiator'] as const;

/**
 * Who a node is for. Resolved when the flow reaches the node (people change jobs; the org chart
 * of that moment counts):
 * - user: these people; role: everyone holding this app role;
 * - department_head: the head of the initiator's department `levels` up (1: their own department's head);
 * - head_chain: the heads from the initiator's department up to `levels` up, or until `until` holds for a head (a yes/no formula with HEADLEVEL());
 * - user_field: the person in a user field of the record; chosen: picked by the initiator at submit;
 * - initiator: the person who started the flow (for CC, or to complete a form step).
 */
export const approverRuleSchema = {
  type: 'object',
  properties: {
    kind: { enum: APPROVER_KINDS },
    users: { type: 'array', items: uuidSchema, minItems: 1, maxItems: 50, uniqueItems: true },
    role: identifierSchema,
    levels: { type: 'integer', minimum: 1, maximum: 10 },
    field: identifierSchema,
    label: localizedTextSchema,
  },
  required: ['kind'],
  additionalProperties: false,
} as const;

export const FLOW_NODE_KINDS = [
  'approval',
  'cc',
  'condition',
  'parallel',
  'branch',
  'update_record',
  'create_record',
  'update_many',
  'notify',
  'http',
  'delay',
  'end',
] as const;
export const APPROVAL_MODES = ['any', 'all', 'sequence', 'percentage'] as const;
export const FIELD_PERMISSIONS = ['editable', 'readonly', 'hidden', 'required'] as const;

/** Where a record's approval stands, as a flow's `statusField` shows it. */
export const FLOW_RECORD_STATES = ['running', 'returned', 'approved', 'rejected', 'withdrawn', 'cancelled'] as const;

/**
 * One node of a flow. Like form nodes, flow nodes are a flat list pointing at their parent, in
 * order: a node without `parent` is on the main line; a `branch` belongs to a `condition` or
 * `parallel` node and holds the nodes whose `parent` it is. The designer moves nodes without
 * rewriting a tree, and the schema needs no recursion (which FromSchema cannot type).
 */
export const flowNodeSchema = {
  type: 'object',
  properties: {
    id: nodeIdSchema,
    kind: { enum: FLOW_NODE_KINDS },
    parent: nodeIdSchema,
    label: localizedTextSchema,
    // approval, cc, notify
    approvers: { type: 'array', items: approverRuleSchema, maxItems: 20 },
    /** approval: any one decides; all must approve; one after another; a share of them must approve. */
    mode: { enum: APPROVAL_MODES },
    /** mode percentage: the share of approvers that must approve, in percent. */
    percentage: { type: 'integer', minimum: 1, maximum: 100 },
    /** approval: when nobody is found to approve — pass the node, approve it, or ask the flow's administrator. */
    whenEmpty: { enum: ['skip', 'approve', 'admin'] },
    /** approval: when the initiator is among the approvers — their approval is given, they are left out, the flow's administrators stand in, or they approve like anyone. */
    whenInitiator: { enum: ['approve', 'skip', 'admin', 'keep'] },
    /** approval: a rejection ends the flow (default), or goes back to the initiator to amend and resubmit. */
    onReject: { enum: ['end', 'return'] },
    /** approval: deadline in business hours of the work calendar, and what happens at it. */
    sla: {
      type: 'object',
      properties: {
        hours: { type: 'number', exclusiveMinimum: 0, maximum: 8760 },
        remindEvery: { type: 'number', exclusiveMinimum: 0, maximum: 8760 },
        onTimeout: { enum: ['remind', 'approve', 'reject', 'transfer'] },
        transferTo: approverRuleSchema,
      },
      required: ['hours'],
      additionalProperties: false,
    },
    /** approval: what the approver may do with each field of the record (others: read-only). */
    fieldPermissions: { type: 'object', propertyNames: identifierSchema, additionalProperties: { enum: FIELD_PERMISSIONS } },
    /** branch of a condition: taken when this yes/no formula holds (the first that holds wins); none: "otherwise". */
    when: formulaSchema,
    // update_record, create_record, update_many: field id → formula of its new value
    values: { type: 'object', propertyNames: identifierSchema, additionalProperties: formulaSchema },
    /** create_record, update_many: the object written. */
    object: identifierSchema,
    /** update_many: a yes/no formula choosing the records of `object` to change. */
    filter: formulaSchema,
    /** notify: the message, with {field} placeholders. */
    message: localizedTextSchema,
    // http
    url: { type: 'string', pattern: '^https?://', maxLength: 2000 },
    method: { enum: ['POST', 'PUT', 'PATCH'] },
    // delay: wait this long, or until the date in a field (plus offset)
    hours: { type: 'number', minimum: 0, maximum: 87_600 },
    dateField: identifierSchema,
    // end
    outcome: { enum: ['approved', 'rejected'] },
  },
  required: ['id', 'kind'],
  additionalProperties: false,
} as const;

export const FLOW_TRIGGERS = ['submit', 'created', 'updated', 'deleted', 'field_changed', 'schedule', 'date_field', 'webhook'] as const;

/**
 * What starts the flow: a submit button on the record (approvals), a record created, updated,
 * deleted or one of `fields` changed (with `condition`), a schedule (`cron`), a date field
 * (`days` before or after it, at `time`), or a signed inbound webhook.
 */
export const flowTriggerSchema = {
  type: 'object',
  properties: {
    kind: { enum: FLOW_TRIGGERS },
    fields: { type: 'array', items: identifierSchema, minItems: 1, maxItems: 50, uniqueItems: true },
    condition: formulaSchema,
    cron: { type: 'string', pattern: '^[0-9*/,\\- ]{9,100}$' },
    dateField: identifierSchema,
    /** date_field: days relative to the date (−30: thirty days before). */
    days: { type: 'integer', minimum: -3650, maximum: 3650 },
    /** date_field: the time of day it fires, in the app's time zone. */
    time: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
  },
  required: ['kind'],
  additionalProperties: false,
} as const;

export const flowSchema = {
  type: 'object',
  properties: {
    id: identifierSchema,
    label: localizedTextSchema,
    /** The object whose records run the flow. */
    object: identifierSchema,
    enabled: { type: 'boolean' },
    trigger: flowTriggerSchema,
    nodes: { type: 'array', items: flowNodeSchema, maxItems: 500 },
    /** Until when the initiator may withdraw: never, until the first approval, or while it runs. */
    withdraw: { enum: ['never', 'before_approval', 'running'] },
    /** After a return and resubmit: run the nodes between again, or go straight back to the node that returned it. */
    resubmit: { enum: ['rerun', 'jump'] },
    /** Whether the record is locked against other edits while an instance runs (default true for approvals). */
    lockRecord: { type: 'boolean' },
    /** Who decides when an approval node finds nobody (`whenEmpty: admin`). */
    administrators: { type: 'array', items: uuidSchema, maxItems: 20, uniqueItems: true },
    /**
     * A field of the record that shows where its approval stands, kept by the engine: written when
     * an instance starts, is returned, and ends. `values` maps each state to the value written
     * (an option of a select, say); a state left out writes its own name.
     */
    statusField: {
      type: 'object',
      properties: {
        field: identifierSchema,
        values: {
          type: 'object',
          propertyNames: { enum: FLOW_RECORD_STATES },
          additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
      required: ['field'],
      additionalProperties: false,
    },
  },
  required: ['id', 'label', 'object', 'trigger', 'nodes'],
  additionalProperties: false,
} as const;

export type FlowDefinition = FromSchema<typeof flowSchema>;
export type FlowNode = FromSchema<typeof flowNodeSchema>;
export type FlowNodeKind = (typeof FLOW_NODE_KINDS)[number];
export type FlowTrigger = FromSchema<typeof flowTriggerSchema>;
export type ApproverRule = FromSchema<typeof approverRuleSchema>;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];
export type FieldPermission = (typeof FIELD_PERMISSIONS)[number];
export type FlowRecordState = (typeof FLOW_RECORD_STATES)[number];
