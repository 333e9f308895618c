import { analyze, dependenciesOf } from '@tessera/expr';
import type { AppDocument, FieldDefinition } from '@tessera/schemas';

/** Where a field is used: the element's JSON pointer (so the studio can open it) and what kind of use it is. */
export interface FieldUsage {
  pointer: string;
  kind: 'display' | 'formula' | 'view' | 'rule' | 'role';
}

function reads(
  formula: string | undefined,
  fields: readonly FieldDefinition[],
  relatedFields: Record<string, readonly FieldDefinition[]>,
  fieldId: string,
): boolean {
  if (!formula) return false;
  const checked = analyze(formula, { fields, relatedFields });
  return checked.ok && dependenciesOf(checked.formula).fields.includes(fieldId);
}

/**
 * Everything in the document that names a field of an object: its display field, formulas that
 * read it, list views (columns, filters, sort), form rules (conditions and effects) and role field
 * permissions. Hiding a field is refused while this list is not empty, each entry a link.
 */
export function fieldUsages(document: AppDocument, objectId: string, fieldId: string): FieldUsage[] {
  const o = document.objects.findIndex((x) => x.id === objectId);
  const object = document.objects[o];
  if (!object) return [];
  const relatedFields = Object.fromEntries(document.objects.map((x) => [x.id, x.fields] as const));
  const usages: FieldUsage[] = [];
  if (object.displayField === fieldId) usages.push({ pointer: `/objects/${o}/displayField`, kind: 'display' });
  object.fields.forEach((field, f) => {
    if (field.id !== fieldId && field.type === 'formula' && reads(field.formula, object.fields, relatedFields, fieldId))
      usages.push({ pointer: `/objects/${o}/fields/${f}/formula`, kind: 'formula' });
  });
  (object.views ?? []).forEach((view, v) => {
    const named = [...(view.columns ?? []), ...(view.filters ?? []).map((c) => c.field), ...(view.sort ?? []).map((k) => k.field)];
    if (named.includes(fieldId)) usages.push({ pointer: `/objects/${o}/views/${v}`, kind: 'view' });
  });
  (document.forms ?? []).forEach((form, i) => {
    if (form.object !== objectId) return;
    (form.rules ?? []).forEach((rule, r) => {
      const inEffects = rule.effects.some((e) => e.field === fieldId || (e.kind === 'setValue' && reads(e.formula, object.fields, relatedFields, fieldId)));
      if (inEffects || reads(rule.when, object.fields, relatedFields, fieldId)) usages.push({ pointer: `/forms/${i}/rules/${r}`, kind: 'rule' });
    });
  });
  (document.roles ?? []).forEach((role, r) => {
    (role.permissions ?? []).forEach((permission, p) => {
      if (permission.object === objectId && [...(permission.hiddenFields ?? []), ...(permission.readOnlyFields ?? [])].includes(fieldId))
        usages.push({ pointer: `/roles/${r}/permissions/${p}`, kind: 'role' });
    });
  });
  return usages;
}
