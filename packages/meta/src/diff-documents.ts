import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { diffRoles, type RoleChange } from './diff-roles';

export type DocumentChange =
  | { kind: 'object_added' | 'object_removed'; object: string }
  | { kind: 'object_changed'; object: string; properties: string[] }
  | { kind: 'field_added' | 'field_removed'; object: string; field: string }
  | { kind: 'field_changed'; object: string; field: string; properties: string[] }
  /** The form the object's records open with unless a role names another; '' is none named (its first form). */
  | { kind: 'default_form_changed'; object: string; from: string; to: string }
  | {
      kind: 'section_changed';
      section: 'forms' | 'flows' | 'reports' | 'dashboards' | 'roles' | 'navigation' | 'i18n' | 'label' | 'description' | 'defaultLocale';
    }
  | RoleChange;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function changedProperties<T extends object>(before: T, after: T, skip: readonly string[]): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !skip.includes(k) && !same((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k])).sort();
}

function diffFields(object: string, before: readonly FieldDefinition[], after: readonly FieldDefinition[], out: DocumentChange[]): void {
  const old = new Map(before.map((f) => [f.id, f] as const));
  const next = new Set(after.map((f) => f.id));
  for (const field of after) {
    const previous = old.get(field.id);
    if (!previous) out.push({ kind: 'field_added', object, field: field.id });
    else {
      const properties = changedProperties(previous, field, ['id']);
      if (properties.length) out.push({ kind: 'field_changed', object, field: field.id, properties });
    }
  }
  for (const field of before) if (!next.has(field.id)) out.push({ kind: 'field_removed', object, field: field.id });
}

function diffObjects(before: readonly ObjectDefinition[], after: readonly ObjectDefinition[], out: DocumentChange[]): void {
  const old = new Map(before.map((o) => [o.id, o] as const));
  const next = new Set(after.map((o) => o.id));
  for (const object of after) {
    const previous = old.get(object.id);
    if (!previous) {
      out.push({ kind: 'object_added', object: object.id });
      continue;
    }
    const properties = changedProperties(previous, object, ['id', 'fields', 'defaultForm']);
    if (properties.length) out.push({ kind: 'object_changed', object: object.id, properties });
    // Which form people open is reviewed on its own line, with the forms' names.
    if ((previous.defaultForm ?? '') !== (object.defaultForm ?? ''))
      out.push({ kind: 'default_form_changed', object: object.id, from: previous.defaultForm ?? '', to: object.defaultForm ?? '' });
    diffFields(object.id, previous.fields, object.fields, out);
  }
  for (const object of before) if (!next.has(object.id)) out.push({ kind: 'object_removed', object: object.id });
}

/** What an admin changed between two versions, in words a change log can show. */
export function diffDocuments(before: AppDocument | null, after: AppDocument): DocumentChange[] {
  const out: DocumentChange[] = [];
  diffObjects(before?.objects ?? [], after.objects, out);
  for (const section of ['label', 'description', 'defaultLocale', 'forms', 'flows', 'reports', 'dashboards', 'navigation', 'i18n'] as const) {
    if (!same(before?.[section], after[section])) out.push({ kind: 'section_changed', section });
  }
  // Roles are reviewed role by role: who gains or loses which action, rows and fields.
  out.push(...diffRoles(before?.roles ?? [], after.roles ?? []));
  return out;
}
