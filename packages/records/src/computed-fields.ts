import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { analyze, checkComputedFields, compileFormula, dependenciesOf, toPlain, type CompiledFormula, type EvalContext } from '@tessera/expr';
import { rollupFieldIds } from '@tessera/meta';

/** An object's formula fields, compiled once per published version, in dependency order. */
export interface ComputedPlan {
  steps: { field: FieldDefinition; formula: CompiledFormula }[];
  /** Child-table fields the formulas aggregate: their rows must be at hand to compute. */
  childFields: string[];
}

/** Null for an object without formula fields. Publish has already refused formulas that do not check. */
export function planComputed(object: ObjectDefinition, document: AppDocument): ComputedPlan | null {
  if (!object.fields.some((f) => f.type === 'formula')) return null;
  // Rollups over related lists are computed on read (rollups.ts), never stored.
  const onRead = rollupFieldIds(object, document);
  const relatedFields = Object.fromEntries(document.objects.map((o) => [o.id, o.fields] as const));
  const steps: ComputedPlan['steps'] = [];
  const childFields = new Set<string>();
  for (const id of checkComputedFields(object.fields, relatedFields).order) {
    if (onRead.has(id)) continue;
    const field = object.fields.find((f) => f.id === id);
    const checked = field?.formula ? analyze(field.formula, { fields: object.fields, relatedFields }) : null;
    if (!field || !checked?.ok) continue;
    steps.push({ field, formula: compileFormula(checked.formula) });
    for (const related of dependenciesOf(checked.formula).related) childFields.add(related.relation);
  }
  return steps.length ? { steps, childFields: [...childFields] } : null;
}

/**
 * The values of the formula fields for a record (its stored values with this write's changes,
 * and child rows where aggregated). A formula that fails at run time (a step limit) stores blank.
 */
export function computeValues(plan: ComputedPlan, record: Record<string, unknown>, context: EvalContext): Record<string, unknown> {
  const working: Record<string, unknown> = { ...record };
  const computed: Record<string, unknown> = {};
  for (const { field, formula } of plan.steps) {
    const result = formula.evaluate(working, context);
    const value = result.ok ? toPlain(result.value) : null;
    working[field.id] = value;
    computed[field.id] = value;
  }
  return computed;
}
