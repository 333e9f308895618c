import type { CompiledForm } from './compile-form';
import { evaluateForm, type FormEvalContext, type FormState, type FormValues } from './evaluate-form';

/** Why a field is hidden, read-only or required for some values: the rule that made it so. */
export interface FieldReason {
  readonly field: string;
  readonly state: 'hidden' | 'readOnly' | 'required';
  readonly rule: string;
}

type Switch = 'visible' | 'readOnly' | 'required';

/**
 * The form's state for `input` and, for each field a rule hides, locks or requires, the rule that
 * did it: the last held rule that set that state (the last rule wins, as in evaluateForm, so its
 * value is the field's). A field in its own state — required by definition, a formula always
 * read-only — has no reason here: no rule decided it.
 */
export function explainForm(compiled: CompiledForm, input: FormValues, context: FormEvalContext): { state: FormState; reasons: FieldReason[] } {
  const last = new Map<string, string>();
  const state = evaluateForm(compiled, input, context, (rule) => {
    for (const effect of rule.effects) {
      if (effect.kind === 'visible' || effect.kind === 'readOnly' || effect.kind === 'required') last.set(`${effect.kind}:${effect.field}`, rule.id);
      else if (effect.kind === 'setValue') last.set(`readOnly:${effect.field}`, rule.id);
    }
  });
  const reasons: FieldReason[] = [];
  const add = (field: string, kind: Switch, holds: boolean, shown: FieldReason['state']) => {
    const rule = last.get(`${kind}:${field}`);
    if (holds && rule) reasons.push({ field, state: shown, rule });
  };
  for (const field of compiled.fields.keys()) {
    add(field, 'visible', state.visible[field] === false, 'hidden');
    add(field, 'readOnly', state.readOnly[field] === true, 'readOnly');
    add(field, 'required', state.required[field] === true, 'required');
  }
  return { state, reasons };
}
