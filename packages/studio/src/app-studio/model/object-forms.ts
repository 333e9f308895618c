import type { AppDocument, FormDefinition, LocalizedText } from '@tessera/schemas';
import { patched } from './document-edits';
import { withDesignedForm } from './form-edits';
import { freeId } from './new-field';

/**
 * An object's several forms: add (blank or a copy), rename, delete, and choose which one is used
 * where — the object's default for create and edit, and a form per role. Pure edits like the rest.
 */

/** The forms of an object, in document order (the first is the default unless the object names one). */
export function formsOf(document: AppDocument, objectId: string): FormDefinition[] {
  return (document.forms ?? []).filter((f) => f.object === objectId);
}

/** What uses a form: the object that opens it by default, or a role that opens it; the pointer names the element. */
export interface FormUsage {
  pointer: string;
  kind: 'default' | 'role';
  /** The role's id (kind role). */
  role?: string;
}

export function formUsages(document: AppDocument, formId: string): FormUsage[] {
  const usages: FormUsage[] = [];
  document.objects.forEach((object, o) => {
    if (object.defaultForm === formId) usages.push({ pointer: `/objects/${o}/defaultForm`, kind: 'default' });
  });
  (document.roles ?? []).forEach((role, r) => {
    (role.permissions ?? []).forEach((permission, p) => {
      if (permission.form === formId) usages.push({ pointer: `/roles/${r}/permissions/${p}/form`, kind: 'role', role: role.id });
    });
  });
  return usages;
}

const COPY_SUFFIX = { 'zh-CN': '（副本）', en: ' (copy)' } as const;
const BLANK_LABEL: LocalizedText = { 'zh-CN': '新表单', en: 'New form' };

function copyLabel(label: LocalizedText): LocalizedText {
  const copied: Record<string, string> = {};
  for (const [locale, text] of Object.entries(label)) copied[locale] = `${text}${COPY_SUFFIX[locale as keyof typeof COPY_SUFFIX] ?? COPY_SUFFIX.en}`;
  return copied as LocalizedText;
}

/**
 * A new form for the object, after its others: blank (one empty section) or a copy of `copyOf`
 * (its layout and rules). The form the canvas showed is made real first, so the object's default
 * stays the form its people open today.
 */
export function addForm(document: AppDocument, objectId: string, copyOf: string | null): { document: AppDocument; formId: string } {
  const { document: withForm, form: current } = withDesignedForm(document, objectId, copyOf);
  const formId = freeId(`${objectId}_form`, new Set((withForm.forms ?? []).map((f) => f.id)));
  const source = copyOf === null ? null : current;
  const form: FormDefinition = source
    ? { ...structuredClone(source), id: formId, label: copyLabel(source.label) }
    : { id: formId, object: objectId, label: BLANK_LABEL, nodes: [{ id: 'main', kind: 'section' }] };
  return { document: { ...withForm, forms: [...(withForm.forms ?? []), form] }, formId };
}

export function renameForm(document: AppDocument, formId: string, label: LocalizedText): AppDocument {
  return { ...document, forms: (document.forms ?? []).map((f) => (f.id === formId ? { ...f, label } : f)) };
}

/** Deletes a form nothing uses; while something uses it (formUsages) the document stays as it is. */
export function deleteForm(document: AppDocument, formId: string): AppDocument {
  if (formUsages(document, formId).length > 0) return document;
  const forms = (document.forms ?? []).filter((f) => f.id !== formId);
  return forms.length === (document.forms ?? []).length ? document : { ...document, forms };
}

/** The object opens `formId` by default (null: its first form again). */
export function setDefaultForm(document: AppDocument, objectId: string, formId: string | null): AppDocument {
  return { ...document, objects: document.objects.map((o) => (o.id === objectId ? patched(o, { defaultForm: formId ?? undefined }) : o)) };
}

/** A role opens `formId` for the object's records (null: the object's default); only a role with a permission on the object has one to set. */
export function setRoleForm(document: AppDocument, roleId: string, objectId: string, formId: string | null): AppDocument {
  const role = document.roles?.find((r) => r.id === roleId);
  if (!role?.permissions?.some((p) => p.object === objectId)) return document;
  return {
    ...document,
    roles: (document.roles ?? []).map((r) =>
      r.id !== roleId ? r : { ...r, permissions: (r.permissions ?? []).map((p) => (p.object === objectId ? patched(p, { form: formId ?? undefined }) : p)) },
    ),
  };
}

/** The roles that may open the object's records at all: those with a permission on it (the others have no form to choose). */
export function rolesOnObject(document: AppDocument, objectId: string): string[] {
  return (document.roles ?? []).filter((r) => r.permissions?.some((p) => p.object === objectId)).map((r) => r.id);
}
