import type { FieldDefinition } from '@tessera/schemas';
import { useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import { localized } from '../i18n/localized';
import type { FormValue } from '../records/form-values';
import { isChildRows } from '../widgets/child-table/child-row';
import { isFileRef } from '../widgets/file-values';
import type { FieldState } from './form-rules';
import { useFormRuntime } from './form-runtime-context';
import type { FormStoreState } from './form-store';

/** What an antd input hands to onChange: an event (Input), the value (Select, DatePicker, InputNumber, file lists) or a boolean (Switch). */
export function valueFromChange(arg: unknown): FormValue {
  if (typeof arg === 'object' && arg !== null && 'target' in arg) {
    const target = (arg as { target: { value?: unknown } }).target;
    return typeof target.value === 'string' ? target.value : undefined;
  }
  if (arg === null || arg === undefined || typeof arg === 'string' || typeof arg === 'boolean') return arg;
  // A child table's lines (rows of cells) are the value itself.
  if (isChildRows(arg) && arg.length > 0) return arg;
  if (Array.isArray(arg)) {
    // An attachment or image list: the server's `{ id, name, size, mime }` refs are the value itself.
    const files = arg.filter(isFileRef);
    if (files.length > 0) return files;
    return arg.filter((v): v is string => typeof v === 'string');
  }
  // A Dayjs from the date pickers: kept as is, form-values.ts turns it into wire text.
  return arg as FormValue;
}

interface FieldSlice {
  value: FormValue;
  state: FieldState | undefined;
  errors: readonly string[] | undefined;
  taken: boolean;
}

/**
 * A selector for one field that returns the same object while the field's four parts are the
 * same: every field checks it on every store change, so it compares four references and
 * allocates nothing (zustand's generic shallow compare cost more than the edit itself).
 */
function fieldSelector(id: string): (s: FormStoreState) => FieldSlice {
  let last: FieldSlice | null = null;
  return (s) => {
    const value = s.values[id];
    const state = s.fields[id];
    const errors = s.errors[id];
    const taken = s.taken[id] === true;
    if (last && last.value === value && last.state === state && last.errors === errors && last.taken === taken) return last;
    last = { value, state, errors, taken };
    return last;
  };
}

/**
 * One field's slice of the form store, through one subscription that reads only this field, so
 * typing in one input re-renders that field alone, and a rule re-renders only the fields whose
 * state it changed.
 */
export function useFormField(field: FieldDefinition) {
  const { store, widgets, checkUnique } = useFormRuntime();
  const id = field.id;
  const select = useMemo(() => fieldSelector(id), [id]);
  const { value, state, errors, taken } = useStore(store, select);

  const onChange = useCallback((arg: unknown) => store.getState().setValue(id, valueFromChange(arg)), [store, id]);
  const onBlur = useCallback(() => {
    // A value of the wrong format is refused whoever else has it: no need to ask the server.
    if (!store.getState().checkFormat(id, widgets.locale)) return;
    // Whether the value is taken is asked of the value the server would store.
    store.getState().showStored(id);
    if (field.unique) checkUnique(id);
  }, [store, widgets.locale, field.unique, checkUnique, id]);

  const allowed = state?.options ?? null;
  const options = useMemo(
    () =>
      allowed &&
      (field.options ?? []).filter((o) => allowed.includes(o.value)).map((o) => ({ value: o.value, label: localized(o.label, widgets.locale, o.value) })),
    [allowed, field.options, widgets.locale],
  );

  return { value, state, errors, taken, onChange, onBlur, options };
}
