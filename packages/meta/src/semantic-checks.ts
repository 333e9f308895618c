import { analyze } from '@tessera/expr';
import { checkFieldDefaults, checkForm, isPlainTextField } from '@tessera/forms';
import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { ENCRYPTABLE_TYPES, TEXT_LIKE_TYPES, UNIQUE_CAPABLE_TYPES } from './column-types';
import { checkFlows } from './flow-checks';
import { checkFormulaFields } from './formula-checks';
import type { MetaIssue } from './issue';
import { checkMatchRules } from './match-rule-checks';
import { checkNavigationEntry } from './navigation-checks';
import { checkQuality } from './quality-checks';
import { checkReports } from './report-checks';
import { RESERVED_FIELD_IDS } from './system-columns';
import { checkViews } from './view-checks';

/** Remembers the first pointer of each id in a scope and reports repeats. */
function uniqueIds(items: readonly { id: string }[], base: string, issues: MetaIssue[]): void {
  const first = new Map<string, string>();
  items.forEach((item, index) => {
    const pointer = `${base}/${index}/id`;
    const earlier = first.get(item.id);
    if (earlier) issues.push({ pointer, code: 'meta.duplicate_id', params: { id: item.id, first: earlier } });
    else first.set(item.id, pointer);
  });
}

function checkField(field: FieldDefinition, pointer: string, object: ObjectDefinition, objects: Map<string, ObjectDefinition>, issues: MetaIssue[]): void {
  if (RESERVED_FIELD_IDS.has(field.id)) issues.push({ pointer: `${pointer}/id`, code: 'meta.reserved_name', params: { id: field.id } });
  if (field.type === 'relation' && field.target) {
    const target = objects.get(field.target);
    if (!target) issues.push({ pointer: `${pointer}/target`, code: 'meta.unknown_object', params: { id: field.target } });
    else if (target.parent) issues.push({ pointer: `${pointer}/target`, code: 'meta.relation_to_child', params: { id: field.target } });
  }
  if (field.type === 'child_table' && field.target) {
    const target = objects.get(field.target);
    if (!target) issues.push({ pointer: `${pointer}/target`, code: 'meta.unknown_object', params: { id: field.target } });
    else if (target.parent !== object.id)
      issues.push({ pointer: `${pointer}/target`, code: 'meta.child_target', params: { id: field.target, object: object.id } });
  }
  if (field.type === 'related_list' && field.target) {
    const target = objects.get(field.target);
    const via = target?.fields.find((f) => f.id === field.via);
    if (!target) issues.push({ pointer: `${pointer}/target`, code: 'meta.unknown_object', params: { id: field.target } });
    else if (via?.type !== 'relation' || via.target !== object.id)
      issues.push({ pointer: `${pointer}/via`, code: 'meta.related_list_via', params: { object: target.id, id: field.via ?? '', parent: object.id } });
  }
  const values = new Set<string>();
  field.options?.forEach((option, index) => {
    if (values.has(option.value)) issues.push({ pointer: `${pointer}/options/${index}/value`, code: 'meta.duplicate_option', params: { value: option.value } });
    values.add(option.value);
  });
  if (field.scale !== undefined && field.precision !== undefined && field.scale > field.precision) {
    issues.push({ pointer: `${pointer}/scale`, code: 'meta.scale_over_precision', params: {} });
  }
  if (field.minimum !== undefined && field.maximum !== undefined && field.minimum > field.maximum) {
    issues.push({ pointer: `${pointer}/minimum`, code: 'meta.min_over_max', params: {} });
  }
  if (field.encrypted && (!ENCRYPTABLE_TYPES.has(field.type) || field.unique)) {
    issues.push({ pointer: `${pointer}/encrypted`, code: 'meta.encryption_unsupported', params: { type: field.type } });
  }
  // A field's own format is for free text; phone, email and url have their type's format.
  if (field.format && field.type !== 'text') issues.push({ pointer: `${pointer}/format`, code: 'meta.format_field', params: { type: field.type } });
  if (field.normalize && !isPlainTextField(field)) issues.push({ pointer: `${pointer}/normalize`, code: 'meta.normalize_field', params: { type: field.type } });
  if (field.unique && !UNIQUE_CAPABLE_TYPES.has(field.type)) {
    issues.push({ pointer: `${pointer}/unique`, code: 'meta.unique_not_supported', params: { type: field.type } });
  }
}

function checkObject(object: ObjectDefinition, pointer: string, objects: Map<string, ObjectDefinition>, issues: MetaIssue[]): void {
  uniqueIds(object.fields, `${pointer}/fields`, issues);
  object.fields.forEach((field, index) => checkField(field, `${pointer}/fields/${index}`, object, objects, issues));
  if (object.parent) {
    const parent = objects.get(object.parent);
    if (!parent) issues.push({ pointer: `${pointer}/parent`, code: 'meta.unknown_object', params: { id: object.parent } });
    else if (parent.parent) issues.push({ pointer: `${pointer}/parent`, code: 'meta.child_of_child', params: { id: parent.id } });
  }
  if (object.displayField) {
    const display = object.fields.find((f) => f.id === object.displayField);
    if (!display) issues.push({ pointer: `${pointer}/displayField`, code: 'meta.unknown_field', params: { object: object.id, id: object.displayField } });
    else if (!TEXT_LIKE_TYPES.has(display.type))
      issues.push({ pointer: `${pointer}/displayField`, code: 'meta.display_field_type', params: { id: display.id } });
    else if (display.encrypted) issues.push({ pointer: `${pointer}/displayField`, code: 'meta.encryption_unsupported', params: { type: display.type } });
  }
  const views = object.views ?? [];
  uniqueIds(views, `${pointer}/views`, issues);
}

function checkForms(app: AppDocument, objects: Map<string, ObjectDefinition>, issues: MetaIssue[]): void {
  const forms = app.forms ?? [];
  uniqueIds(forms, '/forms', issues);
  forms.forEach((form, f) => {
    const object = objects.get(form.object);
    if (!object) {
      issues.push({ pointer: `/forms/${f}/object`, code: 'meta.unknown_object', params: { id: form.object } });
      return;
    }
    uniqueIds(form.nodes, `/forms/${f}/nodes`, issues);
    const nodeIds = new Set(form.nodes.map((n) => n.id));
    form.nodes.forEach((node, n) => {
      if (node.parent && !nodeIds.has(node.parent))
        issues.push({ pointer: `/forms/${f}/nodes/${n}/parent`, code: 'meta.unknown_node', params: { id: node.parent } });
      if (node.kind === 'field') {
        if (!node.field) issues.push({ pointer: `/forms/${f}/nodes/${n}`, code: 'schema.required', params: { missing: 'field' } });
        else if (!object.fields.some((field) => field.id === node.field))
          issues.push({ pointer: `/forms/${f}/nodes/${n}/field`, code: 'meta.unknown_field', params: { object: object.id, id: node.field } });
      }
    });
  });
}

/** A form named by an object (its default) or by a role (the one it opens) must be a form of that same object. */
function checkFormChoices(app: AppDocument, issues: MetaIssue[]): void {
  const formObject = new Map((app.forms ?? []).map((f) => [f.id, f.object] as const));
  const check = (object: string, id: string | undefined, pointer: string) => {
    if (id !== undefined && formObject.get(id) !== object) issues.push({ pointer, code: 'meta.unknown_form', params: { object, id } });
  };
  app.objects.forEach((object, o) => check(object.id, object.defaultForm, `/objects/${o}/defaultForm`));
  (app.roles ?? []).forEach((role, r) => {
    (role.permissions ?? []).forEach((permission, p) => check(permission.object, permission.form, `/roles/${r}/permissions/${p}/form`));
  });
}

function checkNavigation(app: AppDocument, objects: Map<string, ObjectDefinition>, issues: MetaIssue[]): void {
  const items = app.navigation ?? [];
  uniqueIds(items, '/navigation', issues);
  const ids = new Set(items.map((i) => i.id));
  const dashboards = new Set((app.dashboards ?? []).map((d) => d.id));
  items.forEach((item, i) => {
    if (item.object && !objects.has(item.object)) issues.push({ pointer: `/navigation/${i}/object`, code: 'meta.unknown_object', params: { id: item.object } });
    if (item.parent && !ids.has(item.parent)) issues.push({ pointer: `/navigation/${i}/parent`, code: 'meta.unknown_node', params: { id: item.parent } });
    if (item.dashboard && !dashboards.has(item.dashboard))
      issues.push({ pointer: `/navigation/${i}/dashboard`, code: 'meta.unknown_node', params: { id: item.dashboard } });
    issues.push(...checkNavigationEntry(app, item, `/navigation/${i}`));
  });
}

function checkRoles(app: AppDocument, objects: Map<string, ObjectDefinition>, issues: MetaIssue[]): void {
  (app.roles ?? []).forEach((role, r) => {
    (role.permissions ?? []).forEach((permission, p) => {
      const pointer = `/roles/${r}/permissions/${p}`;
      const object = objects.get(permission.object);
      if (!object) return void issues.push({ pointer: `${pointer}/object`, code: 'meta.unknown_object', params: { id: permission.object } });
      if (permission.rowFormula) {
        const checked = analyze(permission.rowFormula, { fields: object.fields });
        if (!checked.ok)
          for (const error of checked.errors)
            issues.push({ pointer: `${pointer}/rowFormula`, code: error.code, params: { ...error.params, start: error.range.start, end: error.range.end } });
        else if (checked.formula.type !== 'boolean')
          issues.push({
            pointer: `${pointer}/rowFormula`,
            code: 'meta.formula_type',
            params: { field: 'rowFormula', actual: checked.formula.type, expected: 'boolean' },
          });
      }
      for (const list of ['hiddenFields', 'readOnlyFields'] as const) {
        (permission[list] ?? []).forEach((id, i) => {
          if (!object.fields.some((f) => f.id === id))
            issues.push({ pointer: `${pointer}/${list}/${i}`, code: 'meta.unknown_field', params: { object: object.id, id } });
        });
      }
    });
  });
}

/** Checks the schema cannot express: unique ids, references that resolve, reserved names. */
export function checkSemantics(app: AppDocument): MetaIssue[] {
  const issues: MetaIssue[] = [];
  uniqueIds(app.objects, '/objects', issues);
  const objects = new Map(app.objects.map((o) => [o.id, o] as const));
  app.objects.forEach((object, index) => checkObject(object, `/objects/${index}`, objects, issues));
  checkForms(app, objects, issues);
  checkFormChoices(app, issues);
  checkNavigation(app, objects, issues);
  checkRoles(app, objects, issues);
  issues.push(...checkViews(app));
  issues.push(...checkFormulaFields(app));
  issues.push(...checkFlows(app));
  issues.push(...checkReports(app));
  issues.push(...checkMatchRules(app));
  issues.push(...checkQuality(app));
  issues.push(...checkForm(app));
  issues.push(...checkFieldDefaults(app));
  for (const slot of ['flows', 'reports', 'dashboards', 'roles'] as const) {
    const items = app[slot] ?? [];
    uniqueIds(items, `/${slot}`, issues);
    items.forEach((item, i) => {
      const object = 'object' in item ? item.object : undefined;
      if (typeof object === 'string' && !objects.has(object))
        issues.push({ pointer: `/${slot}/${i}/object`, code: 'meta.unknown_object', params: { id: object } });
    });
  }
  return issues;
}
