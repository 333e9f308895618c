import { canonicalFieldValue } from '@tessera/forms';
import type { Locale } from '@tessera/i18n';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FormValue, FormValues } from '../records/form-values';
import type { FieldState, FormEngine, FormMode } from './form-rules';
import { formatProblem } from './format-check';

export interface FormStoreState {
  mode: FormMode;
  values: FormValues;
  fields: Record<string, FieldState>;
  /** Messages under each field: required checks here, the server's 422 errors. */
  errors: Record<string, readonly string[]>;
  /** Unique fields whose value the server says is already used (checked on blur). */
  taken: Record<string, boolean>;
  /** The user changed something since the last reset: only then is a draft worth saving. */
  dirty: boolean;
  setValue: (fieldId: string, value: FormValue) => void;
  /** New values from outside (a loaded record, a resumed draft); `dirty` says whether they are unsaved. */
  reset: (values: FormValues, mode: FormMode, dirty?: boolean) => void;
  setErrors: (errors: Record<string, readonly string[]>) => void;
  setTaken: (fieldId: string, taken: boolean) => void;
  /** On leaving a field: marks it at once if its value breaks its format (format-check.ts); false if it does. */
  checkFormat: (fieldId: string, locale: Locale) => boolean;
  /**
   * On leaving a field whose value passed its format check: shows the text as it will be stored
   * (trimmed, half-width, +86 dropped, letter case), so what the user reads is what is saved.
   */
  showStored: (fieldId: string) => void;
}

export type FormStore = StoreApi<FormStoreState>;

const NO_ERRORS: Record<string, readonly string[]> = {};

function sameState(a: FieldState | undefined, b: FieldState): boolean {
  return (
    a !== undefined &&
    a.visible === b.visible &&
    a.required === b.required &&
    a.readOnly === b.readOnly &&
    (a.options === b.options || (a.options !== null && b.options !== null && a.options.join('\u0000') === b.options.join('\u0000')))
  );
}

/**
 * Keeps the previous object of every field whose state did not change, so a component
 * subscribed to `fields[id]` re-renders only when its own field changed.
 */
export function mergeFieldStates(prev: Record<string, FieldState>, next: Record<string, FieldState>): Record<string, FieldState> {
  let changed = Object.keys(prev).length !== Object.keys(next).length;
  const merged: Record<string, FieldState> = {};
  for (const [id, state] of Object.entries(next)) {
    const before = prev[id];
    if (before !== undefined && sameState(before, state)) merged[id] = before;
    else {
      merged[id] = state;
      changed = true;
    }
  }
  return changed ? merged : prev;
}

function withoutKey<T>(map: Record<string, T>, key: string): Record<string, T> {
  if (!(key in map)) return map;
  const { [key]: _removed, ...rest } = map;
  return rest;
}

/**
 * The state of one open form. Rules are re-run on every change of a field they read (and only
 * then: typing elsewhere costs no rule run); values and field states keep their identity where
 * nothing changed, so per-field selectors re-render just the fields concerned.
 */
export function createFormStore(engine: FormEngine, initial: FormValues, mode: FormMode): FormStore {
  function evaluated(values: FormValues, mode: FormMode, prevFields: Record<string, FieldState>) {
    const result = engine.evaluate(values, mode);
    const computedIds = Object.keys(result.computed);
    return {
      values: computedIds.length > 0 ? { ...values, ...result.computed } : values,
      fields: mergeFieldStates(prevFields, result.fields),
    };
  }

  return createStore<FormStoreState>()((set, get) => ({
    mode,
    ...evaluated(initial, mode, {}),
    errors: NO_ERRORS,
    taken: {},
    dirty: false,
    setValue: (fieldId, value) => {
      const state = get();
      if (state.fields[fieldId]?.readOnly) return;
      const values = { ...state.values, [fieldId]: value };
      const rulesRead = engine.reads === null || engine.reads.has(fieldId);
      set({
        ...(rulesRead ? evaluated(values, state.mode, state.fields) : { values }),
        // The server's message was about the old value.
        errors: withoutKey(state.errors, fieldId),
        taken: withoutKey(state.taken, fieldId),
        dirty: true,
      });
    },
    reset: (values, nextMode, dirty = false) => set({ mode: nextMode, ...evaluated(values, nextMode, get().fields), errors: NO_ERRORS, taken: {}, dirty }),
    setErrors: (errors) => set({ errors }),
    setTaken: (fieldId, taken) => set({ taken: { ...get().taken, [fieldId]: taken } }),
    checkFormat: (fieldId, locale) => {
      const state = get();
      const problem = state.fields[fieldId]?.visible === false ? null : formatProblemOf(engine, fieldId, state.values[fieldId], locale);
      if (problem) set({ errors: { ...state.errors, [fieldId]: [problem] } });
      return problem === null;
    },
    showStored: (fieldId) => {
      const state = get();
      const field = engine.fields.find((f) => f.id === fieldId);
      const value = state.values[fieldId];
      if (!field || typeof value !== 'string' || state.fields[fieldId]?.readOnly) return;
      // The records validator's own cleaning (@tessera/forms), not a copy of it.
      const stored = canonicalFieldValue(field, value);
      if (stored !== value && (stored === null || typeof stored === 'string')) state.setValue(fieldId, stored);
    },
  }));
}

function formatProblemOf(engine: FormEngine, fieldId: string, value: FormValue, locale: Locale): string | null {
  const field = engine.fields.find((f) => f.id === fieldId);
  return field ? formatProblem(field, engine.formats.get(fieldId), value, locale) : null;
}

/** Before a save: every visible, editable field whose value breaks its format, with the message the server would give. */
export function formatErrors(engine: FormEngine, state: Pick<FormStoreState, 'values' | 'fields'>, locale: Locale): Record<string, readonly string[]> {
  const errors: Record<string, readonly string[]> = {};
  for (const field of engine.fields) {
    const fieldState = state.fields[field.id];
    if (fieldState?.visible === false || fieldState?.readOnly) continue;
    const problem = formatProblem(field, engine.formats.get(field.id), state.values[field.id], locale);
    if (problem) errors[field.id] = [problem];
  }
  return errors;
}

function isEmpty(value: FormValue): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Fields the rules (or the field) require that are visible, editable and still empty. */
export function missingRequired(state: Pick<FormStoreState, 'values' | 'fields'>): string[] {
  return Object.entries(state.fields)
    .filter(([id, f]) => f.visible && f.required && !f.readOnly && isEmpty(state.values[id]))
    .map(([id]) => id);
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * The values a save may send: a hidden field's would be refused (`form.field_not_writable`).
 * Locked fields stay in: their value is either untouched (so an update leaves it out) or the one
 * a rule set, which the server accepts because it computes the same. Not so `readOnlyByAccess`,
 * fields the user's roles may not write: the server refuses any value for them (`field.read_only`).
 */
export function writableValues(state: Pick<FormStoreState, 'values' | 'fields'>, readOnlyByAccess: ReadonlySet<string> = NO_FIELDS): FormValues {
  const values: FormValues = {};
  for (const [id, value] of Object.entries(state.values)) {
    if (state.fields[id]?.visible !== false && !readOnlyByAccess.has(id)) values[id] = value;
  }
  return values;
}
