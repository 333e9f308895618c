import { type FormulaPlan, planFormulas } from '@tessera/expr';
import { rollupFieldIds } from '@tessera/meta';
import type { AppDocument, ObjectDefinition } from '@tessera/schemas';

/**
 * An object's stored formula fields, compiled once per published version, in dependency order
 * (`@tessera/expr`'s plan, the one the browser's form runs too); null for an object without any.
 * Rollups over related lists are computed on read (rollups.ts), never stored. Publish has
 * already refused formulas that do not check.
 */
export function planComputed(object: ObjectDefinition, document: AppDocument): FormulaPlan | null {
  const relatedFields = Object.fromEntries(document.objects.map((o) => [o.id, o.fields] as const));
  const plan = planFormulas(object.fields, relatedFields, rollupFieldIds(object, document));
  return plan.steps.length ? plan : null;
}
