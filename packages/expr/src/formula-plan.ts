import type { FieldDefinition } from '@tessera/schemas';
import { analyze } from './analyze';
import { checkComputedFields, dependenciesOf } from './dependencies';
import type { EvalContext, EvalRecord } from './eval-env';
import { type CompiledFormula, compileFormula } from './evaluate';
import type { CheckOptions } from './typecheck';
import { type PlainValue, toPlain } from './values';

/** An object's formula fields, compiled once, in the order they must run (one may read another). */
export interface FormulaPlan {
  readonly steps: readonly { readonly field: FieldDefinition; readonly formula: CompiledFormula }[];
  /** Fields of the object's own that the formulas read, formula fields left out: what can change a result. */
  readonly reads: readonly string[];
  /** Child-table (or relation) fields the formulas aggregate: their rows must be in the record. */
  readonly aggregated: readonly string[];
}

/**
 * Plans an object's formula fields: each analyzed and compiled once, in dependency order, the
 * server (records' write path) and the browser (the form and its child tables) running the same
 * plan, so what a form shows is what a save stores. `skip`: formulas not to run here (rollups
 * over related lists, which the server computes in SQL on read). A formula that does not check,
 * which publish refuses, is left out.
 */
export function planFormulas(
  fields: readonly FieldDefinition[],
  relatedFields: CheckOptions['relatedFields'] = {},
  skip: ReadonlySet<string> = new Set(),
): FormulaPlan {
  const steps: { field: FieldDefinition; formula: CompiledFormula }[] = [];
  const reads = new Set<string>();
  const aggregated = new Set<string>();
  if (!fields.some((f) => f.type === 'formula')) return { steps, reads: [], aggregated: [] };
  for (const id of checkComputedFields(fields, relatedFields).order) {
    if (skip.has(id)) continue;
    const field = fields.find((f) => f.id === id);
    const checked = field?.formula ? analyze(field.formula, { fields, relatedFields }) : null;
    if (!field || !checked?.ok) continue;
    steps.push({ field, formula: compileFormula(checked.formula) });
    const dependencies = dependenciesOf(checked.formula);
    for (const read of dependencies.fields) reads.add(read);
    for (const related of dependencies.related) aggregated.add(related.relation);
  }
  const formulaIds = new Set(fields.filter((f) => f.type === 'formula').map((f) => f.id));
  return { steps, reads: [...reads].filter((id) => !formulaIds.has(id)), aggregated: [...aggregated] };
}

/**
 * The formula fields' values for a record (values as stored; aggregated child tables as arrays of
 * their rows, with the rows' own formula values). A formula that fails at run time (a step limit)
 * gives blank.
 */
export function computeFormulas(plan: FormulaPlan, record: EvalRecord, context: EvalContext): Record<string, PlainValue> {
  const working: Record<string, unknown> = { ...record };
  const computed: Record<string, PlainValue> = {};
  for (const { field, formula } of plan.steps) {
    const result = formula.evaluate(working, context);
    const value = result.ok ? toPlain(result.value) : null;
    working[field.id] = value;
    computed[field.id] = value;
  }
  return computed;
}
