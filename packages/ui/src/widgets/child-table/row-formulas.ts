import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { analyze, checkComputedFields, compileFormula, dependenciesOf, toPlain, type CompiledFormula, type EvalContext, type PlainValue } from '@tessera/expr';
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
 * Compiles the formulas once, in the dependency order the server uses (packages/records,
 * computed-fields.ts), and runs the same evaluator: what the grid shows is what a save stores.
 * A formula that does not check (publish refuses those) or fails at run time gives blank.
 */
export function rowFormulas(child: ObjectDefinition, objects: readonly ObjectDefinition[], context: () => EvalContext): RowFormulas {
  const fields = child.fields.filter((f) => f.type === 'formula');
  if (fields.length === 0) return { fields, valuesOf: () => NO_VALUES };
  const relatedFields = Object.fromEntries(objects.map((o) => [o.id, o.fields] as const));
  const steps: { id: string; formula: CompiledFormula }[] = [];
  const reads = new Set<string>();
  for (const id of checkComputedFields(child.fields, relatedFields).order) {
    const source = fields.find((f) => f.id === id)?.formula;
    const checked = source ? analyze(source, { fields: child.fields, relatedFields }) : null;
    if (!checked?.ok) continue;
    steps.push({ id, formula: compileFormula(checked.formula) });
    for (const read of dependenciesOf(checked.formula).fields) reads.add(read);
  }
  const inputs = [...reads].filter((id) => !fields.some((f) => f.id === id));

  const compute = (row: ChildRow): FormulaValues => {
    const now = context();
    const working: Record<string, unknown> = { ...row.values };
    const values: Record<string, PlainValue> = {};
    for (const { id, formula } of steps) {
      const result = formula.evaluate(working, now);
      values[id] = result.ok ? toPlain(result.value) : null;
      working[id] = values[id];
    }
    return values;
  };
  const byRow = new WeakMap<ChildRow, FormulaValues>();
  const byKey = new Map<string, { inputs: readonly unknown[]; values: FormulaValues }>();
  return {
    fields,
    valuesOf(row) {
      let values = byRow.get(row);
      if (!values) {
        const current = inputs.map((id) => row.values[id]);
        const previous = byKey.get(row.key);
        values = previous && previous.inputs.every((v, i) => Object.is(v, current[i])) ? previous.values : compute(row);
        byKey.set(row.key, { inputs: current, values });
        byRow.set(row, values);
      }
      return values;
    },
  };
}
