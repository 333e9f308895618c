import { type CompiledFormula, Dec, type EvalContext, ExprDate, ExprDateTime, type ExprError, type ExprValue } from '@tessera/expr';
import type { FieldDefinition } from '@tessera/schemas';
import type { CompiledForm, CompiledRule } from './compile-form';

export type FormValues = Record<string, unknown>;

export interface FormEvalContext extends EvalContext {
  /** create (default): defaults fill fields with no value; update: the values are the stored record plus the edit. */
  readonly mode?: 'create' | 'update';
}

/** Where a formula failed at run time (a step limit, say): the rule is treated as not holding. */
export interface FormEvalError {
  readonly rule: string | null;
  readonly field: string | null;
  readonly error: ExprError;
}

/** The state of every field on the form for one set of values. */
export interface FormState {
  readonly visible: Record<string, boolean>;
  /** Required and visible: a hidden field is never required. */
  readonly required: Record<string, boolean>;
  /** Read-only by a rule, because a rule sets its value, or because the server fills it in. */
  readonly readOnly: Record<string, boolean>;
  /** Select fields: the option values offered (all of the field's options unless a rule narrows them). */
  readonly options: Record<string, readonly string[]>;
  /** The input with defaults (create) and the values of active setValue effects applied. */
  readonly values: FormValues;
  /** Fields whose value came from a default or a rule rather than from the input. */
  readonly computed: ReadonlySet<string>;
  readonly errors: readonly FormEvalError[];
}

/** A formula result as a record value of `field`: decimals as exact text (rounded to the field's scale), dates as ISO text. */
export function toFieldValue(value: ExprValue, field: FieldDefinition): unknown {
  if (value === null) return null;
  if (value instanceof Dec) {
    const scale = field.scale ?? (field.type === 'currency' ? 2 : undefined);
    return (scale === undefined ? value : value.toDecimalPlaces(scale, Dec.ROUND_HALF_UP)).toFixed();
  }
  if (value instanceof ExprDate || value instanceof ExprDateTime) return value.toString();
  if (Array.isArray(value)) return [...value];
  return value;
}

/** Copies only the object's own fields: a key such as `__proto__` in a crafted body never reaches a prototype. */
function ownFieldValues(compiled: CompiledForm, input: FormValues): FormValues {
  const values: FormValues = {};
  for (const field of compiled.object.fields) {
    if (Object.hasOwn(input, field.id)) values[field.id] = input[field.id];
  }
  return values;
}

interface Draft {
  visible: Record<string, boolean>;
  required: Record<string, boolean>;
  readOnly: Record<string, boolean>;
  options: Record<string, readonly string[]>;
  values: FormValues;
  computed: Set<string>;
  errors: FormEvalError[];
}

function initialDraft(compiled: CompiledForm, input: FormValues): Draft {
  const draft: Draft = { visible: {}, required: {}, readOnly: {}, options: {}, values: ownFieldValues(compiled, input), computed: new Set(), errors: [] };
  for (const [id, { field }] of compiled.fields) {
    draft.visible[id] = true;
    draft.required[id] = field.required === true;
    draft.readOnly[id] = field.type === 'auto_number' || field.type === 'formula';
    if (field.options) draft.options[id] = field.options.map((o) => o.value);
  }
  return draft;
}

function run(formula: CompiledFormula, draft: Draft, context: EvalContext, rule: string | null, field: string | null): ExprValue | undefined {
  const result = formula.evaluate(draft.values, context);
  if (result.ok) return result.value;
  draft.errors.push({ rule, field, error: result.error });
  return undefined;
}

function applyDefaults(compiled: CompiledForm, draft: Draft, context: EvalContext): void {
  for (const [id, { field, defaultValue }] of compiled.fields) {
    if (!defaultValue || draft.values[id] !== undefined) continue;
    const value = run(defaultValue, draft, context, null, id);
    if (value === undefined) continue;
    draft.values[id] = toFieldValue(value, field);
    draft.computed.add(id);
  }
}

/** Applies the rule's effects when its condition holds; says whether it held. */
function applyRule(compiled: CompiledForm, rule: CompiledRule, draft: Draft, context: EvalContext): boolean {
  // A blank condition does not hold, as in IF; a failed one neither (and is reported).
  if (run(rule.when, draft, context, rule.id, null) !== true) return false;
  for (const effect of rule.effects) {
    switch (effect.kind) {
      case 'visible':
      case 'required':
      case 'readOnly':
        draft[effect.kind][effect.field] = effect.value;
        break;
      case 'options':
        draft.options[effect.field] = effect.values;
        break;
      case 'setValue': {
        const field = compiled.fields.get(effect.field)?.field;
        const value = field && run(effect.formula, draft, context, rule.id, effect.field);
        if (!field || value === undefined) break;
        draft.values[effect.field] = toFieldValue(value, field);
        draft.computed.add(effect.field);
        // The rule owns the value while it holds, so people cannot type over it.
        draft.readOnly[effect.field] = true;
        break;
      }
    }
  }
  return true;
}

/**
 * The form's state for `input`: defaults first (create only, in node order), then the rules in
 * order, each seeing the values earlier rules set; for conflicting effects the last rule wins.
 * Pure and deterministic given the context's clock, zone and user: the browser and the server agree.
 */
export function evaluateForm(
  compiled: CompiledForm,
  input: FormValues,
  context: FormEvalContext,
  /** Told of each rule whose condition held, in order, once its effects applied (explain-form.ts). */
  onHeld?: (rule: CompiledRule) => void,
): FormState {
  const draft = initialDraft(compiled, input);
  if ((context.mode ?? 'create') === 'create') applyDefaults(compiled, draft, context);
  for (const rule of compiled.rules) if (applyRule(compiled, rule, draft, context)) onHeld?.(rule);
  for (const id of compiled.fields.keys()) draft.required[id] = draft.required[id] === true && draft.visible[id] === true;
  return draft;
}
