import type { ObjectAccess } from '../api/types';
import type { FieldState, FormEngine } from '../form-runtime/form-rules';

/** Fields the user's roles may read but not write: shown locked, never sent. */
export function readOnlyByAccess(access: ObjectAccess): ReadonlySet<string> {
  return new Set(access.readOnlyFields);
}

/**
 * The drawer's engine with the user's field access folded into the state every field already
 * follows: a field read-only for their roles is locked as a form rule's readOnly locks it (the
 * input disabled, its value shown), and one hidden from them is not shown, whatever the rules
 * say. The server refuses writes to both; this way the form does not offer them.
 */
export function withFieldAccess(engine: FormEngine, access: ObjectAccess): FormEngine {
  const readOnly = readOnlyByAccess(access);
  const hidden = new Set(access.hiddenFields);
  if (readOnly.size === 0 && hidden.size === 0) return engine;
  const restricted = (id: string, state: FieldState): FieldState => {
    if (hidden.has(id)) return state.visible ? { ...state, visible: false } : state;
    if (readOnly.has(id)) return state.readOnly ? state : { ...state, readOnly: true };
    return state;
  };
  return {
    formId: engine.formId,
    fields: engine.fields,
    reads: engine.reads,
    evaluate(values, mode) {
      const result = engine.evaluate(values, mode);
      const fields: Record<string, FieldState> = {};
      for (const [id, state] of Object.entries(result.fields)) fields[id] = restricted(id, state);
      return { fields, computed: result.computed };
    },
  };
}
