import { applyFieldDefaults, type CompiledForm, compileFieldDefaults, compileForm, evaluateForm, type FormEvalContext } from '@tessera/forms';
import { chosenForm } from '@tessera/forms/form-choice';
import type { AppDocument, FieldDefinition, FormDefinition, FormFieldFormat, ObjectDefinition } from '@tessera/schemas';
import type { RecordValues } from '../api/types';
import { type FormValue, type FormValues, isEditable, toFieldValue, toFormValue } from '../records/form-values';
import { ruleInputs } from './rule-inputs';

/** What one field looks like for the current values; what a field component subscribes to. */
export interface FieldState {
  readonly visible: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
  /** Option values still offered (a rule narrowed them), or null for all of the field's options. */
  readonly options: readonly string[] | null;
}

export type FormMode = 'create' | 'update';

/** Clock, zone and user for formulas; a function so NOW() is read at each evaluation. */
export type RuleContext = () => Omit<FormEvalContext, 'mode'>;

export interface Evaluation {
  fields: Record<string, FieldState>;
  /** Values the rules computed (defaults, setValue), as the inputs hold them. */
  computed: FormValues;
}

/** The fields a drawer shows and how their state follows the values: the form's rules, or none. */
export interface FormEngine {
  /** The form being filled in, sent as `?form=` so the server holds the write to the same rules. */
  readonly formId: string | null;
  readonly fields: readonly FieldDefinition[];
  /**
   * The fields whose value the rules read (rule-inputs.ts): a change to another field leaves
   * every field state as it was, so the store does not evaluate for it. Null: evaluate on every change.
   */
  readonly reads: ReadonlySet<string> | null;
  /** Formats the form adds to its fields (a text field checked as a mobile number on this form only). */
  readonly formats: ReadonlyMap<string, FormFieldFormat>;
  evaluate(values: FormValues, mode: FormMode): Evaluation;
}

/** The form of the live document the user opens for this object (their role's, else the object's default), if any. */
export function formOf(document: AppDocument, object: ObjectDefinition, roleIds: readonly string[]): FormDefinition | null {
  return chosenForm(document, object.id, roleIds);
}

/** Every editable field, with its wire value (null when empty): the rules and drafts read these. */
export function toWireValues(fields: readonly FieldDefinition[], values: FormValues): RecordValues {
  const wire: RecordValues = {};
  for (const field of fields) {
    if (isEditable(field) && field.id in values) wire[field.id] = toFieldValue(field, values[field.id]);
  }
  return wire;
}

export function fromWireValues(fields: readonly FieldDefinition[], wire: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (isEditable(field) && Object.hasOwn(wire, field.id)) values[field.id] = toFormValue(field, wire[field.id]);
  }
  return values;
}

function staticState(field: FieldDefinition): FieldState {
  return { visible: true, required: field.required === true, readOnly: !isEditable(field), options: null };
}

const NO_FORMATS: ReadonlyMap<string, FormFieldFormat> = new Map();

/**
 * The generated form: every field of the object, in order, with no rules. Given the document and
 * a context, a new record starts with the fields' own defaults (ADR 0028), as the server fills them.
 */
export function plainEngine(object: ObjectDefinition, withDefaults?: { document: AppDocument; context: RuleContext }): FormEngine {
  const fields = Object.fromEntries(object.fields.map((f) => [f.id, staticState(f)]));
  const defaults = withDefaults ? compileFieldDefaults(object, withDefaults.document).defaults : null;
  if (!withDefaults || !defaults?.size)
    return { formId: null, fields: object.fields, reads: new Set(), formats: NO_FORMATS, evaluate: () => ({ fields, computed: {} }) };
  return {
    formId: null,
    fields: object.fields,
    // Emptying a field with a default brings it back on create, so those fields are read.
    reads: new Set(defaults.keys()),
    formats: NO_FORMATS,
    evaluate(values, mode) {
      const computed: FormValues = {};
      if (mode === 'create') {
        const applied = applyFieldDefaults(defaults, toWireValues(object.fields, values), withDefaults.context());
        for (const id of applied.filled) computed[id] = toFormValue(defaults.get(id)!.field, applied.values[id]);
      }
      return { fields, computed };
    },
  };
}

function sameWire(field: FieldDefinition, a: FormValue, b: FormValue): boolean {
  return JSON.stringify(toFieldValue(field, a)) === JSON.stringify(toFieldValue(field, b));
}

function ruleEngine(compiled: CompiledForm, context: RuleContext, reads: ReadonlySet<string> | null): FormEngine {
  const fields = [...compiled.fields.values()].map((f) => f.field);
  const formats = new Map([...compiled.fields].flatMap(([id, { format }]) => (format ? [[id, format] as const] : [])));
  return {
    formId: compiled.form.id,
    fields,
    reads,
    formats,
    evaluate(values, mode) {
      const state = evaluateForm(compiled, toWireValues(fields, values), { ...context(), mode });
      const result: Evaluation = { fields: {}, computed: {} };
      for (const field of fields) {
        const options = state.options[field.id];
        const all = field.options?.length ?? 0;
        result.fields[field.id] = {
          visible: state.visible[field.id] !== false,
          required: state.required[field.id] === true,
          readOnly: state.readOnly[field.id] === true || !isEditable(field),
          options: options && options.length !== all ? options : null,
        };
        if (state.computed.has(field.id) && isEditable(field)) {
          const next = toFormValue(field, state.values[field.id]);
          // Keep the input's own object (a Dayjs, say) when the rule agrees, so nothing re-renders.
          if (!sameWire(field, next, values[field.id])) result.computed[field.id] = next;
        }
      }
      return result;
    },
  };
}

/**
 * The engine for the drawer: the object's form with its rules when the live document has one
 * (and it compiles), else the generated form. A form that fails to compile falls back rather
 * than blocking data entry; publish validation (checkForm) keeps such forms out of live apps.
 */
export function formEngine(document: AppDocument, object: ObjectDefinition, context: RuleContext, roleIds: readonly string[]): FormEngine {
  return engineOfForm(document, object, formOf(document, object, roleIds), context);
}

/** The same for a chosen form of the object (the studio previews the one being designed), or the generated form without one. */
export function engineOfForm(document: AppDocument, object: ObjectDefinition, form: FormDefinition | null, context: RuleContext): FormEngine {
  const plain = () => plainEngine(object, { document, context });
  if (!form) return plain();
  const compiled = compileForm(form, object, document);
  return compiled.ok ? ruleEngine(compiled.form, context, ruleInputs(form, object, document)) : plain();
}
