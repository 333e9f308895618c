import type { AppDocument, FormEffect, FormRule } from '@tessera/schemas';
import { patched } from './document-edits';
import { ALWAYS_RULE_ID, designedForm, withDesignedForm } from './form-edits';
import { freeId } from './new-field';

/** Effects the rules view edits: show/hide, require, lock a field while the condition holds. */
export type SwitchEffect = Extract<FormEffect, { kind: 'visible' | 'required' | 'readOnly' }>;

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
