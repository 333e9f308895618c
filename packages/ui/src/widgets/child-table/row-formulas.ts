import { computeFormulas, type EvalContext, type PlainValue, planFormulas } from '@tessera/expr';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { ChildRow } from './child-row';

export type FormulaValues = Readonly<Record<string, PlainValue>>;

/** A child object's formula fields (a line's amount), evaluated in the browser as the user types. */
export interface RowFormulas {
  /** The formula fields, in the child object's order: shown as read-only columns. */
  readonly fields: readonly FieldDefinition[];
  /**
   * A line's formula values. Computed once per line object, and again only when a field the
   * formulas read changed: typing a product name recomputes nothing, typing a quantity that line's amount.
   */
  valuesOf(row: ChildRow): FormulaValues;
}

const NO_VALUES: FormulaValues = {};

/**
 * Runs the child object's formula plan (`@tessera/expr`, the one the server's write path runs):
 * what the grid shows is what a save stores. A formula that does not check (publish refuses
 * those) or fails at run time gives blank.
 */
export function rowFormulas(child: ObjectDefinition, objects: readonly ObjectDefinition[], context: () => EvalContext): RowFormulas {
  const fields = child.fields.filter((f) => f.type === 'formula');
  if (fields.length === 0) return { fields, valuesOf: () => NO_VALUES };
  const plan = planFormulas(child.fields, Object.fromEntries(objects.map((o) => [o.id, o.fields] as const)));
  const byRow = new WeakMap<ChildRow, FormulaValues>();
  const byKey = new Map<string, { inputs: readonly unknown[]; values: FormulaValues }>();
  return {
    fields,
    valuesOf(row) {
      let values = byRow.get(row);
      if (!values) {
        const current = plan.reads.map((id) => row.values[id]);
        const previous = byKey.get(row.key);
        values = previous?.inputs.every((v, i) => Object.is(v, current[i])) ? previous.values : computeFormulas(plan, row.values, context());
        byKey.set(row.key, { inputs: current, values });
        byRow.set(row, values);
      }
      return values;
    },
  };
}

const shared = new WeakMap<ObjectDefinition, RowFormulas>();

/**
 * The line formulas of one child object of the live document, shared: the grid's cells, its
 * totals and the form's own formulas (a quote's total) read the same cache, so a line's amount
 * is worked out once whoever asks first.
 */
export function sharedRowFormulas(child: ObjectDefinition, objects: readonly ObjectDefinition[], context: () => EvalContext): RowFormulas {
  let formulas = shared.get(child);
  if (!formulas) shared.set(child, (formulas = rowFormulas(child, objects, context)));
  return formulas;
}
