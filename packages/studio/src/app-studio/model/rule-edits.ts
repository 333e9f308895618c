import { RULE_SETTABLE_TYPES } from '@tessera/forms';
import type { AppDocument, FieldDefinition, FormEffect, FormRule, ObjectDefinition } from '@tessera/schemas';
import { patched } from './document-edits';
import { ALWAYS_RULE_ID, designedForm, withDesignedForm } from './form-edits';
import { freeId } from './new-field';

/** What a rule does to a field while its condition holds: show or hide it, require it, lock it, set its value, narrow its options. */
export const EFFECT_KINDS = ['visible', 'required', 'readOnly', 'setValue', 'options'] as const satisfies readonly FormEffect['kind'][];
export type EffectKind = (typeof EFFECT_KINDS)[number];

const isSelect = (field: FieldDefinition) => field.type === 'select' || field.type === 'multi_select';

/** The fields an effect of this kind can act on: a value only where a formula can compute one, options only on a select. */
export function effectFields(object: ObjectDefinition, kind: EffectKind): FieldDefinition[] {
  if (kind === 'setValue') return object.fields.filter((f) => RULE_SETTABLE_TYPES.has(f.type));
  if (kind === 'options') return object.fields.filter(isSelect);
  return object.fields;
}

/**
 * The effect on a field, of a kind, valid at once where it can be: a switch starts on, a value as
 * the field's own (a formula that changes nothing until the admin writes one; one already written
 * is kept), options as all the field's options (narrowing nothing until some are taken away).
 */
function effectOn(field: FieldDefinition, kind: EffectKind, previous: FormEffect): FormEffect {
  switch (kind) {
    case 'setValue':
      return { kind, field: field.id, formula: previous.kind === 'setValue' ? previous.formula : field.id };
    case 'options':
      return { kind, field: field.id, values: (field.options ?? []).map((o) => o.value) };
    default:
      return { kind, field: field.id, value: 'value' in previous ? previous.value : true };
  }
}

/** The effect as another kind: on the same field where that kind can act on it, else on the first field it can (null when none can). */
export function withEffectKind(object: ObjectDefinition, effect: FormEffect, kind: EffectKind): FormEffect | null {
  const fields = effectFields(object, kind);
  const field = fields.find((f) => f.id === effect.field) ?? fields[0];
  return field ? effectOn(field, kind, effect) : null;
}

/** The effect on another field; options start again from the new field's own. */
export function withEffectField(object: ObjectDefinition, effect: FormEffect, fieldId: string): FormEffect {
  const field = object.fields.find((f) => f.id === fieldId);
  return field ? effectOn(field, effect.kind, effect) : effect;
}

function mapRules(document: AppDocument, objectId: string, formId: string | null, change: (rules: FormRule[]) => FormRule[]): AppDocument {
  const { document: withForm, form } = withDesignedForm(document, objectId, formId);
  const rules = change(form.rules ?? []);
  return {
    ...withForm,
    forms: (withForm.forms ?? []).map((f) => (f.id === form.id ? (rules.length > 0 ? { ...f, rules } : patched(f, { rules: undefined })) : f)),
  };
}

/** The rules an admin writes (the designer's own read-only rule is kept out of the list: the read-only switches edit it). */
export function editableRules(document: AppDocument, objectId: string, formId: string | null = null): FormRule[] {
  return (designedForm(document, objectId, formId)?.rules ?? []).filter((r) => r.id !== ALWAYS_RULE_ID);
}

/** A new rule at the end: while its condition holds, the first field shows (the admin then picks what it does). */
export function addRule(document: AppDocument, objectId: string, fieldId: string, formId: string | null = null): { document: AppDocument; ruleId: string } {
  const taken = new Set((designedForm(document, objectId, formId)?.rules ?? []).map((r) => r.id));
  const ruleId = freeId('rule', taken);
  const rule: FormRule = { id: ruleId, when: 'TRUE', effects: [{ kind: 'visible', field: fieldId, value: true }] };
  return { document: mapRules(document, objectId, formId, (rules) => [...rules, rule]), ruleId };
}

export function updateRule(document: AppDocument, objectId: string, ruleId: string, patch: Partial<FormRule>, formId: string | null = null): AppDocument {
  return mapRules(document, objectId, formId, (rules) => rules.map((r) => (r.id === ruleId ? patched(r, patch) : r)));
}

export function removeRule(document: AppDocument, objectId: string, ruleId: string, formId: string | null = null): AppDocument {
  return mapRules(document, objectId, formId, (rules) => rules.filter((r) => r.id !== ruleId));
}
