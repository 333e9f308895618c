import type { FieldDefinition } from '@tessera/schemas';
import { createContext, useContext } from 'react';
import type { WidgetContext } from '../records/field-widget';
import type { FormStore } from './form-store';
import type { LiveFormulas } from './live-formulas';

/** What every field of one open form shares; stable for the life of the drawer. */
export interface FormRuntime {
  store: FormStore;
  fields: ReadonlyMap<string, FieldDefinition>;
  widgets: WidgetContext;
  /** Asks the server whether a unique field's value is taken (on blur). */
  checkUnique: (fieldId: string) => void;
  /** The object's formula fields, computed from the form's values as they change; none without formulas. */
  formulas?: LiveFormulas | null;
}

export const FormRuntimeContext = createContext<FormRuntime | null>(null);

export function useFormRuntime(): FormRuntime {
  const runtime = useContext(FormRuntimeContext);
  if (!runtime) throw new Error('useFormRuntime outside a FormRuntimeContext provider');
  return runtime;
}

/** True while the form is being saved: every input is disabled until the answer comes back. */
export const FormDisabledContext = createContext(false);
