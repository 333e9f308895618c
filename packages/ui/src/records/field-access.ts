import type { FieldState, FormEngine } from '../form-runtime/form-rules';

/**
 * What a user may do with an object's fields beyond the form's own rules: their roles' hidden
 * and read-only fields (ObjectAccess), and when they decide an approval, their step's (fields it
 * does not let them fill are read-only, fields it requires are required).
 */
export interface FieldRestrictions {
  hiddenFields: readonly string[];
  readOnlyFields: readonly string[];
  requiredFields?: readonly string[] | undefined;
}

/** Fields the user may read but not write: shown locked, never sent. */
export function readOnlyByAccess(access: FieldRestrictions): ReadonlySet<string> {
  return new Set(access.readOnlyFields);
}

/**
 * The drawer's engine with the user's field access folded into the state every field already
 * follows: a field read-only for their roles is locked as a form rule's readOnly locks it (the
 * input disabled, its value shown), and one hidden from them is not shown, whatever the rules
 * say. The server refuses writes to both; this way the form does not offer them.
 */
export function withFieldAccess(engine: FormEngine, access: FieldRestrictions): FormEngine {
  const readOnly = readOnlyByAccess(access);
  const hidden = new Set(access.hiddenFields);
  const required = new Set(access.requiredFields ?? []);
  if (readOnly.size === 0 && hidden.size === 0 && required.size === 0) return engine;
  const restricted = (id: string, state: FieldState): FieldState => {
    if (hidden.has(id)) return state.visible ? { ...state, visible: false } : state;
    if (readOnly.has(id)) return state.readOnly ? state : { ...state, readOnly: true };
    if (required.has(id)) return state.required && state.visible ? state : { ...state, required: true, visible: true };
    return state;
  };
  return {
    formId: engine.formId,
    fields: engine.fields,
    reads: engine.reads,
    formats: engine.formats,
    evaluate(values, mode) {
      const result = engine.evaluate(values, mode);
      const fields: Record<string, FieldState> = {};
      for (const [id, state] of Object.entries(result.fields)) fields[id] = restricted(id, state);
      return { fields, computed: result.computed };
    },
  };
}
