import { analyze } from '@tessera/expr';
import { type AppDocument, FLOW_RECORD_STATES, type FlowDefinition, type FlowNode, type ObjectDefinition } from '@tessera/schemas';
import { CronExpressionParser } from 'cron-parser';
import type { MetaIssue } from './issue';
import { SYSTEM_COLUMNS } from './system-columns';

/** Field types a formula's value may be written into, by the formula's result type. */
const WRITABLE: Record<string, readonly string[]> = {
  text: ['text', 'long_text', 'select', 'phone', 'email', 'url', 'region'],
  number: ['number', 'currency', 'percent'],
  currency: ['number', 'currency', 'percent'],
  boolean: ['checkbox'],
  date: ['date'],
  datetime: ['datetime'],
  user: ['user'],
};

interface Scope {
  app: AppDocument;
  relatedFields: Record<string, ReturnType<typeof fieldsOf>>;
  issues: MetaIssue[];
}

const fieldsOf = (object: ObjectDefinition | undefined) => object?.fields ?? [];

/** A formula over `object` must parse and typecheck, and give `expected` when one is asked for. */
function checkFormula(scope: Scope, object: ObjectDefinition, formula: string, pointer: string, expected: readonly string[] | null): void {
  const checked = analyze(formula, { fields: object.fields, relatedFields: scope.relatedFields });
  if (!checked.ok) {
    for (const error of checked.errors)
      scope.issues.push({ pointer, code: error.code, params: { ...error.params, start: error.range.start, end: error.range.end } });
    return;
  }
  if (expected && !expected.includes(checked.formula.type))
    scope.issues.push({ pointer, code: 'meta.flow_formula_type', params: { actual: checked.formula.type, expected: expected.join(', ') } });
}

function checkValues(scope: Scope, flowObject: ObjectDefinition, target: ObjectDefinition, node: FlowNode, pointer: string): void {
  for (const [fieldId, formula] of Object.entries(node.values ?? {})) {
    const field = target.fields.find((f) => f.id === fieldId);
    if (!field || field.type === 'formula' || field.type === 'auto_number' || field.type === 'child_table' || field.type === 'related_list') {
      scope.issues.push({ pointer: `${pointer}/values/${fieldId}`, code: 'meta.flow_field_not_writable', params: { object: target.id, id: fieldId } });
      continue;
    }
    checkFormula(
      scope,
      flowObject,
      formula,
      `${pointer}/values/${fieldId}`,
      Object.keys(WRITABLE).filter((type) => WRITABLE[type]!.includes(field.type)),
    );
  }
}

function checkApprovers(scope: Scope, object: ObjectDefinition, node: FlowNode, pointer: string): void {
  const roles = new Set((scope.app.roles ?? []).map((r) => r.id));
  (node.approvers ?? []).forEach((rule, i) => {
    const at = `${pointer}/approvers/${i}`;
    if (rule.kind === 'user' && !rule.users?.length)
      scope.issues.push({ pointer: `${at}/users`, code: 'meta.flow_rule_incomplete', params: { kind: rule.kind } });
    if (rule.kind === 'role' && (!rule.role || !roles.has(rule.role)))
      scope.issues.push({ pointer: `${at}/role`, code: 'meta.flow_unknown_role', params: { id: rule.role ?? '' } });
    // A person field of the record, or the people every record has: its owner, who created it, who changed it last.
    const personColumn = rule.field === 'owner_id' || rule.field === 'created_by' || rule.field === 'updated_by';
    if (rule.kind === 'user_field' && !personColumn && object.fields.find((f) => f.id === rule.field)?.type !== 'user') {
      scope.issues.push({ pointer: `${at}/field`, code: 'meta.flow_user_field', params: { id: rule.field ?? '' } });
    }
  });
  if ((node.kind === 'approval' || node.kind === 'cc') && !node.approvers?.length)
    scope.issues.push({ pointer: `${pointer}/approvers`, code: 'meta.flow_no_approvers', params: {} });
}

/** Structure: parents exist and fit, condition and parallel nodes have branches, nothing follows an end. */
function checkStructure(scope: Scope, flow: FlowDefinition, pointer: string): void {
  const byId = new Map(flow.nodes.map((n) => [n.id, n] as const));
  const seen = new Map<string, number>();
  flow.nodes.forEach((node, i) => {
    const at = `${pointer}/nodes/${i}`;
    if (seen.has(node.id))
      scope.issues.push({ pointer: `${at}/id`, code: 'meta.duplicate_id', params: { id: node.id, first: `${pointer}/nodes/${seen.get(node.id)}/id` } });
    else seen.set(node.id, i);
    const parent = node.parent ? byId.get(node.parent) : undefined;
    if (node.parent && !parent) scope.issues.push({ pointer: `${at}/parent`, code: 'meta.flow_unknown_node', params: { id: node.parent } });
    else if (node.kind === 'branch' && parent?.kind !== 'condition' && parent?.kind !== 'parallel') {
      scope.issues.push({ pointer: `${at}/parent`, code: 'meta.flow_branch_parent', params: { id: node.id } });
    } else if (node.kind !== 'branch' && parent && parent.kind !== 'branch')
      scope.issues.push({ pointer: `${at}/parent`, code: 'meta.flow_node_parent', params: { id: node.id } });
    if ((node.kind === 'condition' || node.kind === 'parallel') && !flow.nodes.some((n) => n.kind === 'branch' && n.parent === node.id)) {
      scope.issues.push({ pointer: at, code: 'meta.flow_no_branches', params: { id: node.id } });
    }
  });
  // Nodes after an end node on the same line can never be reached.
  const containers = new Map<string, FlowNode[]>();
  for (const node of flow.nodes) if (node.kind !== 'branch') containers.set(node.parent ?? '', [...(containers.get(node.parent ?? '') ?? []), node]);
  for (const line of containers.values()) {
    const end = line.findIndex((n) => n.kind === 'end');
    for (const unreachable of end >= 0 ? line.slice(end + 1) : []) {
      scope.issues.push({ pointer: `${pointer}/nodes/${flow.nodes.indexOf(unreachable)}`, code: 'meta.flow_unreachable', params: { id: unreachable.id } });
    }
  }
  // A condition takes its first branch that holds: one with no condition holds always, so the branches after it never run.
  for (const owner of flow.nodes.filter((n) => n.kind === 'condition')) {
    const branches = flow.nodes.filter((n) => n.kind === 'branch' && n.parent === owner.id);
    const always = branches.findIndex((b) => !b.when);
    for (const shadowed of always >= 0 ? branches.slice(always + 1) : []) {
      scope.issues.push({
        pointer: `${pointer}/nodes/${flow.nodes.indexOf(shadowed)}`,
        code: 'meta.flow_branch_shadowed',
        params: { id: shadowed.id, otherwise: branches[always]!.id },
      });
    }
  }
}

/** Whether a cron expression has a next time (five fields, or six with seconds, as cron-parser reads them). */
function validCron(cron: string): boolean {
  try {
    CronExpressionParser.parse(cron).next();
    return true;
  } catch {
    return false;
  }
}

function checkTrigger(scope: Scope, flow: FlowDefinition, object: ObjectDefinition, pointer: string): void {
  const trigger = flow.trigger;
  const has = (id: string) => (SYSTEM_COLUMNS as readonly string[]).includes(id) || object.fields.some((f) => f.id === id);
  (trigger.fields ?? []).forEach((id, i) => {
    if (!has(id)) scope.issues.push({ pointer: `${pointer}/trigger/fields/${i}`, code: 'meta.unknown_field', params: { object: object.id, id } });
  });
  if (trigger.kind === 'field_changed' && !trigger.fields?.length)
    scope.issues.push({ pointer: `${pointer}/trigger/fields`, code: 'meta.flow_rule_incomplete', params: { kind: trigger.kind } });
  if (trigger.kind === 'date_field') {
    const field = object.fields.find((f) => f.id === trigger.dateField);
    if (field?.type !== 'date' && field?.type !== 'datetime')
      scope.issues.push({ pointer: `${pointer}/trigger/dateField`, code: 'meta.flow_date_field', params: { id: trigger.dateField ?? '' } });
  }
  if (trigger.kind === 'schedule' && !trigger.cron)
    scope.issues.push({ pointer: `${pointer}/trigger/cron`, code: 'meta.flow_rule_incomplete', params: { kind: trigger.kind } });
  else if (trigger.kind === 'schedule' && trigger.cron && !validCron(trigger.cron))
    scope.issues.push({ pointer: `${pointer}/trigger/cron`, code: 'meta.flow_cron', params: { cron: trigger.cron } });
  if (trigger.condition) checkFormula(scope, object, trigger.condition, `${pointer}/trigger/condition`, ['boolean']);
}

/** The field that shows the approval's state must take every value the engine will write there. */
function checkStatusField(scope: Scope, flow: FlowDefinition, object: ObjectDefinition, pointer: string): void {
  const status = flow.statusField;
  if (!status) return;
  const field = object.fields.find((f) => f.id === status.field);
  if (!field || (field.type !== 'select' && field.type !== 'text')) {
    scope.issues.push({ pointer: `${pointer}/statusField/field`, code: 'meta.flow_status_field', params: { id: status.field } });
    return;
  }
  if (field.type !== 'select') return;
  const options = new Set((field.options ?? []).map((o) => o.value));
  for (const state of FLOW_RECORD_STATES) {
    const value = status.values?.[state] ?? state;
    if (!options.has(value))
      scope.issues.push({ pointer: `${pointer}/statusField/values/${state}`, code: 'meta.flow_status_value', params: { state, value, id: field.id } });
  }
}

/**
 * Flows must make sense against the app before they are published: their object and the fields,
 * roles and objects their nodes name exist; conditions are yes/no formulas; values written fit
 * their fields; every approval has approvers; the node tree is well formed and has no
 * unreachable nodes. Each problem points at the node that causes it.
 */
export function checkFlows(app: AppDocument): MetaIssue[] {
  const scope: Scope = { app, relatedFields: Object.fromEntries(app.objects.map((o) => [o.id, o.fields] as const)), issues: [] };
  const objects = new Map(app.objects.map((o) => [o.id, o] as const));
  const seen = new Map<string, number>();
  (app.flows ?? []).forEach((flow, f) => {
    const pointer = `/flows/${f}`;
    if (seen.has(flow.id))
      scope.issues.push({ pointer: `${pointer}/id`, code: 'meta.duplicate_id', params: { id: flow.id, first: `/flows/${seen.get(flow.id)}/id` } });
    else seen.set(flow.id, f);
    const object = objects.get(flow.object);
    if (!object) {
      scope.issues.push({ pointer: `${pointer}/object`, code: 'meta.unknown_object', params: { id: flow.object } });
      return;
    }
    checkStructure(scope, flow, pointer);
    checkTrigger(scope, flow, object, pointer);
    checkStatusField(scope, flow, object, pointer);
    flow.nodes.forEach((node, i) => {
      const at = `${pointer}/nodes/${i}`;
      if (node.kind === 'approval' || node.kind === 'cc' || node.kind === 'notify') checkApprovers(scope, object, node, at);
      if (node.kind === 'branch' && node.when) checkFormula(scope, object, node.when, `${at}/when`, ['boolean']);
      if (node.kind === 'update_record') checkValues(scope, object, object, node, at);
      if (node.kind === 'create_record' || node.kind === 'update_many') {
        const target = objects.get(node.object ?? '');
        if (!target) scope.issues.push({ pointer: `${at}/object`, code: 'meta.unknown_object', params: { id: node.object ?? '' } });
        else checkValues(scope, object, target, node, at);
        if (target && node.kind === 'update_many' && node.filter) {
          const checked = analyze(node.filter, { fields: target.fields, relatedFields: scope.relatedFields });
          if (!checked.ok || checked.formula.type !== 'boolean')
            scope.issues.push({
              pointer: `${at}/filter`,
              code: 'meta.flow_formula_type',
              params: { actual: checked.ok ? checked.formula.type : 'error', expected: 'boolean' },
            });
        }
      }
      if (node.kind === 'delay' && node.dateField && !['date', 'datetime'].includes(object.fields.find((fd) => fd.id === node.dateField)?.type ?? '')) {
        scope.issues.push({ pointer: `${at}/dateField`, code: 'meta.flow_date_field', params: { id: node.dateField } });
      }
      for (const fieldId of Object.keys(node.fieldPermissions ?? {})) {
        if (!object.fields.some((fd) => fd.id === fieldId))
          scope.issues.push({ pointer: `${at}/fieldPermissions/${fieldId}`, code: 'meta.unknown_field', params: { object: object.id, id: fieldId } });
      }
      if (node.kind === 'http' && !node.url) scope.issues.push({ pointer: `${at}/url`, code: 'meta.flow_rule_incomplete', params: { kind: node.kind } });
    });
  });
  return scope.issues;
}
