import { type CompiledForm, compileForm, validateSubmission } from '@tessera/forms';
import { chosenForm } from '@tessera/forms/form-choice';
import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { refuseLockedFields } from './field-access';
import type { RecordRow } from './record-columns';
import { formulaContext, type RecordContext } from './record-context';
import { RecordError } from './record-error';
import type { RecordValues } from './record-validator';

/** The published forms, compiled once per version (publish has already refused forms that do not check). */
export function compileForms(document: AppDocument): Map<string, CompiledForm> {
  const compiled = new Map<string, CompiledForm>();
  for (const form of document.forms ?? []) {
    const object = document.objects.find((o) => o.id === form.object);
    const result = object ? compileForm(form, object, document) : null;
    if (result?.ok) compiled.set(form.id, result.form);
  }
  return compiled;
}

/** A form's verdict on a write: the values to write, and which of them the form supplied itself. */
export interface FormWrite {
  values: RecordValues;
  /** Fields the caller did not send whose value comes from the form's defaults or setValue rules. */
  computed: ReadonlySet<string>;
}

/**
 * A person writes through the form their roles open (ADR 0114), never another they name: a
 * looser form would skip the rules of theirs. The administrator and internal jobs carry no roles
 * and may write through any form; a write that names none is held to the object's rules alone.
 */
function refuseOtherForm(ctx: RecordContext, object: ObjectDefinition, formId: string): void {
  const roles = ctx.access.roles;
  if (!roles) return;
  const chosen = chosenForm(ctx.app.document, object.id, roles);
  if (chosen && chosen.id !== formId) throw new RecordError('record.form_not_chosen', [], { form: formId, chosen: chosen.id, object: object.id });
}

/**
 * A write that names a form is held to that form: its rules are evaluated again here, and a
 * field it hides or makes read-only cannot be written, whatever the browser sent. The values it
 * returns then go through the object's own validation like any write.
 *
 * The caller's own values meet their role's field access first: a field the role locks is
 * refused (`field.role_locked`) whatever the form would make of it, even a value equal to the one
 * a rule computes. What the form computes itself is the system's value and is written even to
 * such a field (a lost deal's probability set to 0 for a role that may not edit probability).
 */
export function throughForm(ctx: RecordContext, object: ObjectDefinition, formId: string, sent: unknown, current: RecordRow | null): FormWrite {
  const form = ctx.app.forms.get(formId);
  if (!form || (ctx.app.document.forms ?? []).find((f) => f.id === formId)?.object !== object.id) {
    throw new RecordError('record.form_not_found', [], { form: formId, object: object.id });
  }
  refuseOtherForm(ctx, object, formId);
  const values = typeof sent === 'object' && sent !== null && !Array.isArray(sent) ? (sent as RecordValues) : {};
  refuseLockedFields(ctx, object, Object.keys(values));
  const verdict = validateSubmission(form, values, {
    ...formulaContext(ctx),
    mode: current ? 'update' : 'create',
    ...(current ? { current } : {}),
  });
  if (!verdict.ok) throw new RecordError('record.invalid', verdict.issues, { count: verdict.issues.length });
  return { values: verdict.values, computed: verdict.computed };
}
