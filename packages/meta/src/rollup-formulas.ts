import { analyze, dependenciesOf } from '@tessera/expr';
import type { AppDocument, ObjectDefinition } from '@tessera/schemas';

/**
 * Formula fields that aggregate a related list (a customer's visits). Their value changes when
 * other records change, so they are not stored: every read computes them in SQL.
 */
export function rollupFieldIds(object: ObjectDefinition, document: AppDocument): Set<string> {
  const relatedFields = Object.fromEntries(document.objects.map((o) => [o.id, o.fields] as const));
  const lists = new Set(object.fields.filter((f) => f.type === 'related_list').map((f) => f.id));
  const rollups = new Set<string>();
  if (lists.size === 0) return rollups;
  for (const field of object.fields) {
    if (field.type !== 'formula' || !field.formula) continue;
    const checked = analyze(field.formula, { fields: object.fields, relatedFields });
    if (checked.ok && dependenciesOf(checked.formula).related.some((r) => lists.has(r.relation))) rollups.add(field.id);
  }
  return rollups;
}
