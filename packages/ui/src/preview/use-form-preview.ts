import type { Locale } from '@tessera/i18n';
import { type AppDocument, appTimeZone, type FormDefinition, type ObjectDefinition } from '@tessera/schemas';
import { useMemo } from 'react';
import type { RecordData } from '../api/types';
import { formLayout, generatedLayout, type LayoutNode } from '../form-runtime/form-layout';
import { engineOfForm } from '../form-runtime/form-rules';
import type { FormRuntime } from '../form-runtime/form-runtime-context';
import { createFormStore } from '../form-runtime/form-store';
import { liveFormulas } from '../form-runtime/live-formulas';
import { toFormValues } from '../records/form-values';

const NO_ROLLUPS: readonly string[] = [];

export interface FormPreviewOptions {
  appId: string;
  document: AppDocument;
  object: ObjectDefinition;
  /** The form to show; null for the generated one (every field in the object's order). */
  form: FormDefinition | null;
  locale: Locale;
  /** An existing record to fill the form with, as its edit form shows it (null: a new record). Nothing is written back. */
  record?: RecordData | null;
}

/**
 * A new record's form over any document — a draft the studio edits — with the rules and live
 * formulas the drawer runs, and nothing that writes: no save, no autosaved draft, no unique check
 * (a draft's object may have no table yet), files not uploaded (WidgetContext.preview).
 */
export function useFormPreview({ appId, document, object, form, locale, record = null }: FormPreviewOptions): { runtime: FormRuntime; layout: LayoutNode[] } {
  const context = useMemo(() => () => ({ now: new Date(), timeZone: appTimeZone(document), currentUser: null }), [document]);
  const engine = useMemo(() => engineOfForm(document, object, form, context), [document, object, form, context]);
  const layout = useMemo(() => (form ? formLayout(form) : generatedLayout(object)), [form, object]);
  const store = useMemo(
    () => (record ? createFormStore(engine, toFormValues(object, record, document.objects), 'update') : createFormStore(engine, {}, 'create')),
    [engine, record, object, document],
  );
  const fields = useMemo(() => new Map(object.fields.map((f) => [f.id, f])), [object]);
  const widgets = useMemo(() => ({ appId, locale, record, objects: document.objects, preview: true }), [appId, locale, record, document]);
  const formulas = useMemo(() => {
    try {
      return liveFormulas(object, document.objects, NO_ROLLUPS, record, context);
    } catch {
      return null; // a half-built formula: the field shows no value until the draft is fixed
    }
  }, [object, document, record, context]);
  const runtime = useMemo<FormRuntime>(() => ({ store, fields, widgets, checkUnique: () => undefined, formulas }), [store, fields, widgets, formulas]);
  return { runtime, layout };
}
