import { analyze, checkComputedFields, dependenciesOf } from '@tessera/expr';
import type { AppDocument, FieldDefinition } from '@tessera/schemas';
import type { MetaIssue } from './issue';
import { rollupFieldIds } from './rollup-formulas';

/** Which formula results a column of each `resultType` can hold. */
const ACCEPTS: Record<NonNullable<FieldDefinition['resultType']>, readonly string[]> = {
  text: ['text', 'select', 'user'],
  number: ['number', 'currency'],
  currency: ['number', 'currency'],
  boolean: ['boolean'],
  date: ['date'],
  datetime: ['datetime'],
};

/**
 * Formula fields must parse and typecheck against their object, must not read each other in a
 * circle, and must produce what their column stores. They may aggregate child-table rows and
 * related lists, not a relation (it points at one record). Rollups over related lists are computed
 * on every read, so other formulas (computed on write) cannot build on them.
 */
export function checkFormulaFields(app: AppDocument): MetaIssue[] {
  const issues: MetaIssue[] = [];
  const relatedFields = Object.fromEntries(app.objects.map((o) => [o.id, o.fields] as const));
  app.objects.forEach((object, o) => {
    const pointerOf = (fieldId: string) => `/objects/${o}/fields/${object.fields.findIndex((f) => f.id === fieldId)}/formula`;
    const report = checkComputedFields(object.fields, relatedFields);
    for (const { fieldId, error } of report.errors) {
      issues.push({ pointer: pointerOf(fieldId), code: error.code, params: { ...error.params, start: error.range.start, end: error.range.end } });
    }
    const failed = new Set(report.errors.map((e) => e.fieldId));
    const rollups = rollupFieldIds(object, app);
    for (const field of object.fields) {
      if (field.type !== 'formula' || !field.formula || failed.has(field.id)) continue;
      const checked = analyze(field.formula, { fields: object.fields, relatedFields });
      if (!checked.ok) continue;
      const expected = field.resultType ?? 'text';
      if (!ACCEPTS[expected].includes(checked.formula.type)) {
        issues.push({ pointer: pointerOf(field.id), code: 'meta.formula_type', params: { field: field.id, actual: checked.formula.type, expected } });
      }
      const uses = dependenciesOf(checked.formula).fields.find((id) => rollups.has(id));
      if (uses) issues.push({ pointer: pointerOf(field.id), code: 'meta.formula_rollup_chain', params: { field: field.id, uses } });
      for (const related of dependenciesOf(checked.formula).related) {
        const via = object.fields.find((f) => f.id === related.relation);
        if (via?.type === 'relation') issues.push({ pointer: pointerOf(field.id), code: 'meta.formula_rollup', params: { field: field.id, relation: via.id } });
      }
    }
  });
  return issues;
}
