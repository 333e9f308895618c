import { compileForm, explainForm, type FieldReason } from '@tessera/forms';
import { type AppDocument, appTimeZone, type FormDefinition, type ObjectDefinition } from '@tessera/schemas';

/** Why a field is hidden, read-only or required for the sample record, with the condition of the rule that did it. */
export interface RuleReason extends FieldReason {
  when: string;
}

/**
 * The rules' explanation for a sample record of the preview (null: a new record), computed by the
 * same evaluation the runtime and the server run. A form that does not compile yet explains nothing.
 */
export function ruleReasons(
  document: AppDocument,
  object: ObjectDefinition,
  form: FormDefinition | null,
  record: Readonly<Record<string, unknown>> | null,
  now: Date,
): { ok: true; reasons: RuleReason[] } | { ok: false } {
  if (!form) return { ok: true, reasons: [] };
  const compiled = compileForm(form, object, document);
  if (!compiled.ok) return { ok: false };
  const context = { now, timeZone: appTimeZone(document), currentUser: null, mode: record ? ('update' as const) : ('create' as const) };
  const { reasons } = explainForm(compiled.form, record ?? {}, context);
  const when = new Map((form.rules ?? []).map((r) => [r.id, r.when] as const));
  return { ok: true, reasons: reasons.map((r) => ({ ...r, when: when.get(r.rule) ?? '' })) };
}
