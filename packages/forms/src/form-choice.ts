import type { AppDocument, FormDefinition } from '@tessera/schemas';

/** The object's default form: the one the object names, else its first form; null when it has none. */
export function defaultFormOf(document: AppDocument, objectId: string): FormDefinition | null {
  const forms = (document.forms ?? []).filter((f) => f.object === objectId);
  const named = document.objects.find((o) => o.id === objectId)?.defaultForm;
  return forms.find((f) => f.id === named) ?? forms[0] ?? null;
}

/**
 * The form a person opens to create and edit an object's records: the one named by the first of
 * their roles (in the app's role order, so the admin decides which role wins) whose permission on
 * the object names a form of it, else the object's default form.
 */
export function chosenForm(document: AppDocument, objectId: string, roleIds: readonly string[]): FormDefinition | null {
  const held = new Set(roleIds);
  for (const role of document.roles ?? []) {
    if (!held.has(role.id)) continue;
    const named = role.permissions?.find((p) => p.object === objectId && p.form !== undefined)?.form;
    const form = document.forms?.find((f) => f.id === named && f.object === objectId);
    if (form) return form;
  }
  return defaultFormOf(document, objectId);
}
