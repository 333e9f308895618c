import type { CompiledFormula, EvalContext } from '@tessera/expr';
import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { FormIssue } from './compile-form';
import { toFieldValue } from './evaluate-form';
import { meetsFieldFormat } from './field-rules';
import { FormulaChecker, RULE_SETTABLE_TYPES, relatedFields, usesContext, valueFits } from './formula-checker';

/**
 * A field's own default (`default` on the field, ADR 0028): one formula, the same language as a
 * form node's `defaultValue`, applied on every create that leaves the field out — through a form
 * or none, bulk, import, a flow step. Compiled here once for the browser (forms show it) and for
 * the server's write path (records' `validated`), so both fill in the same value.
 */
export type FieldDefaults = ReadonlyMap<string, { readonly field: FieldDefinition; readonly formula: CompiledFormula }>;

const NO_DEFAULTS: FieldDefaults = new Map();

/** A static default's value against the field's own rules: options, format, range, length. */
function valueIssue(field: FieldDefinition, value: unknown): { code: string; params: Record<string, string | number> } | null {
  if (value === null) return null;
  const shown = String(value);
  if (field.type === 'select' && !(field.options ?? []).some((o) => o.value === value)) return { code: 'field.default_option', params: { value: shown } };
  if (typeof value === 'string' && !meetsFieldFormat(field, value)) return { code: 'field.default_format', params: { value: shown } };
  if (typeof value === 'string' && field.maxLength !== undefined && value.length > field.maxLength)
    return { code: 'field.default_length', params: { limit: field.maxLength } };
  const numeric = field.type === 'number' || field.type === 'currency' || field.type === 'percent';
  if (numeric && field.minimum !== undefined && Number(value) < field.minimum)
    return { code: 'field.default_minimum', params: { value: shown, limit: field.minimum } };
  if (numeric && field.maximum !== undefined && Number(value) > field.maximum)
    return { code: 'field.default_maximum', params: { value: shown, limit: field.maximum } };
  return null;
}

function compileOne(field: FieldDefinition, pointer: string, checker: FormulaChecker): CompiledFormula | undefined {
  const source = field.default;
  if (source === undefined) return undefined;
  const issue = (code: string, params: Record<string, string | number> = {}) =>
    void checker.issues.push({ pointer, code, params: { field: field.id, ...params } });
  if (!RULE_SETTABLE_TYPES.has(field.type)) return issue('field.default_field', { type: field.type });
  const checked = checker.formula(source, pointer, { name: field.type, fits: (t) => valueFits(field, t) }, 'form.value_type');
  if (!checked) return undefined;
  // A new record has no other values yet, and the order fields are filled in would matter.
  if (checked.readsFields) return issue('field.default_reads_fields');
  if (!usesContext(checked.ast)) {
    // A literal (or a sum of them) is the same on every create: check it now, not on each write.
    const result = checked.compiled.evaluate({}, { now: 0, timeZone: 'UTC' });
    const problem = result.ok ? valueIssue(field, toFieldValue(result.value, field)) : { code: result.error.code, params: {} };
    if (problem) return issue(problem.code, problem.params);
  }
  return checked.compiled;
}

/** The object's field defaults; `issues` (with document pointers when `pointerBase` is given) for publish validation. */
export function compileFieldDefaults(object: ObjectDefinition, document: AppDocument, pointerBase = ''): { defaults: FieldDefaults; issues: FormIssue[] } {
  if (!object.fields.some((f) => f.default !== undefined)) return { defaults: NO_DEFAULTS, issues: [] };
  const checker = new FormulaChecker(object, relatedFields(object, document), []);
  const defaults = new Map<string, { field: FieldDefinition; formula: CompiledFormula }>();
  object.fields.forEach((field, f) => {
    const formula = compileOne(field, `${pointerBase}/fields/${f}/default`, checker);
    if (formula) defaults.set(field.id, { field, formula });
  });
  return { defaults, issues: checker.issues };
}

/** Publish validation of every object's field defaults. */
export function checkFieldDefaults(document: AppDocument): FormIssue[] {
  return document.objects.flatMap((object, o) => compileFieldDefaults(object, document, `/objects/${o}`).issues);
}

/**
 * `values` with each absent field that has a default filled in, and which ones were. Only an
 * absent key is filled: an explicit null is the writer's choice of "empty" (ADR 0028). A default
 * that fails to evaluate leaves the field absent, so the field's own rules (required) decide.
 */
export function applyFieldDefaults(
  defaults: FieldDefaults,
  values: Readonly<Record<string, unknown>>,
  context: EvalContext,
): { values: Record<string, unknown>; filled: string[] } {
  const filled: string[] = [];
  const out: Record<string, unknown> = { ...values };
  for (const [id, { field, formula }] of defaults) {
    if (out[id] !== undefined) continue;
    const result = formula.evaluate({}, context);
    if (!result.ok) continue;
    out[id] = toFieldValue(result.value, field);
    filled.push(id);
  }
  return { values: out, filled };
}
