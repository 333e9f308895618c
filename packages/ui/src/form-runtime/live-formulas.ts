import { computeFormulas, type EvalContext, type PlainValue, planFormulas } from '@tessera/expr';
import type { ObjectDefinition } from '@tessera/schemas';
import type { RecordData } from '../api/types';
import { type FormValues, toFieldValue } from '../records/form-values';
import { isChildRows } from '../widgets/child-table/child-row';
import { type RowFormulas, sharedRowFormulas } from '../widgets/child-table/row-formulas';

export type FormulaResults = Readonly<Record<string, PlainValue>>;

/** The formula fields of an open form, worked out in the browser from what the form holds. */
export interface LiveFormulas {
  /** The formula fields computed here: all but rollups over related lists (the server's, on read). */
  readonly computes: ReadonlySet<string>;
  /** Their values for the form's values now; the same object while nothing they read changed. */
  valuesOf(values: FormValues): FormulaResults;
}

/**
 * Runs the object's formula plan (`@tessera/expr`, the one the server runs as it saves) over the
 * form's values: a quote's total follows its lines and discount as the user types, and is what
 * the save will store. Lines carry their own formula values (a line's amount) first, as on the
 * server. A rollup (a customer's visit count) keeps the value the record was loaded with, for the
 * formulas that read it. Null when the object has no formula to run here.
 */
export function liveFormulas(
  object: ObjectDefinition,
  objects: readonly ObjectDefinition[],
  rollups: readonly string[],
  record: RecordData | null,
  context: () => EvalContext,
): LiveFormulas | null {
  const relatedFields = Object.fromEntries(objects.map((o) => [o.id, o.fields] as const));
  const plan = planFormulas(object.fields, relatedFields, new Set(rollups));
  if (plan.steps.length === 0) return null;
  const fields = new Map(object.fields.map((f) => [f.id, f] as const));
  const lines = new Map<string, RowFormulas>();
  for (const id of plan.aggregated) {
    const child = objects.find((o) => o.id === fields.get(id)?.target);
    if (fields.get(id)?.type === 'child_table' && child) lines.set(id, sharedRowFormulas(child, objects, context));
  }

  let last: { inputs: readonly unknown[]; results: FormulaResults } | null = null;
  return {
    computes: new Set(plan.steps.map((s) => s.field.id)),
    valuesOf(values) {
      const inputs = plan.reads.map((id) => values[id]);
      if (last?.inputs.every((v, i) => Object.is(v, inputs[i]))) return last.results;
      // As on the server: the record as loaded (rollups included), under what the form holds now.
      const working: Record<string, unknown> = { ...record };
      plan.reads.forEach((id, i) => {
        const value = inputs[i];
        const field = fields.get(id);
        const formulas = lines.get(id);
        if (formulas) working[id] = isChildRows(value) ? value.map((row) => ({ ...row.values, ...formulas.valuesOf(row) })) : [];
        else if (field) working[id] = toFieldValue(field, value);
      });
      last = { inputs, results: computeFormulas(plan, working, context()) };
      return last.results;
    },
  };
}
