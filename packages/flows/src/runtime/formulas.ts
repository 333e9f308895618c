import { analyze, type CompiledFormula, compileFormula, toPlain } from '@tessera/expr';
import type { AppDocument } from '@tessera/schemas';

/**
 * Formulas of one flow's object, compiled on first use and kept with the published version they
 * belong to (publish has already refused ones that do not check).
 */
export function formulaEvaluator(document: AppDocument, objectId: string, timeZone: string) {
  const object = document.objects.find((o) => o.id === objectId);
  const relatedFields = Object.fromEntries(document.objects.map((o) => [o.id, o.fields] as const));
  const compiled = new Map<string, CompiledFormula | null>();
  return (formula: string, record: Record<string, unknown> | null, context: { now: Date; currentUser: string | null }): unknown => {
    let entry = compiled.get(formula);
    if (entry === undefined) {
      const checked = object ? analyze(formula, { fields: object.fields, relatedFields }) : null;
      entry = checked?.ok ? compileFormula(checked.formula) : null;
      compiled.set(formula, entry);
    }
    if (!entry) return null;
    const result = entry.evaluate(record ?? {}, { ...context, timeZone });
    return result.ok ? toPlain(result.value) : null;
  };
}

export type FormulaEvaluator = ReturnType<typeof formulaEvaluator>;
