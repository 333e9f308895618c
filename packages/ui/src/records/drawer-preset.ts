import type { ObjectDefinition } from '@tessera/schemas';
import type { RecordValues } from '../api/types';
import type { FieldState } from '../form-runtime/form-rules';
import { type FormValues, isEditable, toFormValue } from './form-values';

/**
 * A preset's wire values as the inputs hold them, on top of the loaded ones: they then differ
 * from what was loaded, so a save sends them like any edit. A field the user could not change
 * (locked by a rule or by their role, or computed by the server) keeps its value.
 */
export function presetValues(object: ObjectDefinition, values: FormValues, fields: Readonly<Record<string, FieldState>>, preset: RecordValues): FormValues {
  const next = { ...values };
  for (const [id, value] of Object.entries(preset)) {
    const field = object.fields.find((f) => f.id === id);
    if (!field || !isEditable(field) || fields[id]?.readOnly) continue;
    next[id] = toFormValue(field, value);
  }
  return next;
}
