import { analyze, type CompiledFormula, compileFormula, type ExprNode, type ExprType, fieldKind } from '@tessera/expr';
import type { MessageParams } from '@tessera/i18n';
import type { AppDocument, FieldDefinition, FormDefinition, FormEffect, FormFieldFormat, FormNode, FormRule, ObjectDefinition } from '@tessera/schemas';

/** A problem with a form's metadata, shaped like the meta package's issues for publish validation. */
export interface FormIssue {
  pointer: string;
  code: string;
  params: MessageParams;
}

export type CompiledEffect =
  | { readonly kind: 'visible' | 'required' | 'readOnly'; readonly field: string; readonly value: boolean }
  | { readonly kind: 'setValue'; readonly field: string; readonly formula: CompiledFormula }
  | { readonly kind: 'options'; readonly field: string; readonly values: readonly string[] };

export interface CompiledRule {
  readonly id: string;
  readonly when: CompiledFormula;
  /** The verdict of `when` if it reads no field, clock or user (e.g. `TRUE`); null when it depends on the record. */
  readonly staticValue: boolean | null;
  readonly effects: readonly CompiledEffect[];
}

/** A field placed on the form, with its form-level settings. */
export interface FormField {
  readonly field: FieldDefinition;
  readonly node: FormNode;
  readonly format: FormFieldFormat | undefined;
  readonly defaultValue: CompiledFormula | undefined;
}

export interface CompiledForm {
  readonly form: FormDefinition;
  readonly object: ObjectDefinition;
  /** The fields on the form, in node order. Only these can be written through the form. */
  readonly fields: ReadonlyMap<string, FormField>;
  readonly rules: readonly CompiledRule[];
}

export type CompileFormResult = { ok: true; form: CompiledForm } | { ok: false; issues: FormIssue[] };

/** Calls whose result depends on the evaluation context, so a rule using them is never static. */
const CONTEXT_FUNCTIONS = new Set(['NOW', 'TODAY', 'CURRENTUSER']);
/** Field types a rule may set: the ones a formula can compute a storable value for. */
export const RULE_SETTABLE_TYPES: ReadonlySet<FieldDefinition['type']> = new Set<FieldDefinition['type']>([
  'text',
  'long_text',
  'phone',
  'email',
  'url',
  'region',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'select',
  'multi_select',
  'checkbox',
  'user',
  'department',
]);

function usesContext(node: ExprNode): boolean {
  switch (node.kind) {
    case 'call':
      return CONTEXT_FUNCTIONS.has(node.name) || node.args.some(usesContext);
    case 'unary':
      return usesContext(node.operand);
    case 'binary':
      return usesContext(node.left) || usesContext(node.right);
    default:
      return false;
  }
}

/** Whether a formula of type `actual` can fill `field`; select values are checked at run time. */
export function valueFits(field: FieldDefinition, actual: ExprType): boolean {
  const kind = fieldKind(field);
  if (kind.kind !== 'scalar') return false;
  const numeric = (t: ExprType) => t === 'number' || t === 'currency';
  const textual = (t: ExprType) => t === 'text' || t === 'select' || t === 'user';
  if (numeric(kind.type)) return numeric(actual);
  if (kind.type === 'user') return actual === 'user';
  if (textual(kind.type)) return textual(actual);
  return kind.type === actual;
}

/** The fields of the objects `object` points at (relations, child tables, related lists): what its formulas may read through them. */
export function relatedFields(object: ObjectDefinition, document: AppDocument): Record<string, readonly FieldDefinition[]> {
  const related: Record<string, readonly FieldDefinition[]> = {};
  for (const field of object.fields) {
    const target = field.target ? document.objects.find((o) => o.id === field.target) : undefined;
    if (target) related[target.id] = target.fields;
  }
  return related;
}

/** Analyzes one formula and reports its errors at `pointer`; `expected` is a type test with its name. */
class FormulaChecker {
  constructor(
    private readonly object: ObjectDefinition,
    private readonly related: Record<string, readonly FieldDefinition[]>,
    readonly issues: FormIssue[],
  ) {}

  formula(
    source: string,
    pointer: string,
    expected: { name: string; fits: (type: ExprType) => boolean },
    code: string,
  ): { compiled: CompiledFormula; ast: ExprNode; readsFields: boolean } | undefined {
    const checked = analyze(source, { fields: this.object.fields, relatedFields: this.related });
    if (!checked.ok) {
      for (const error of checked.errors)
        this.issues.push({ pointer, code: error.code, params: { ...error.params, start: error.range.start, end: error.range.end } });
      return undefined;
    }
    const { formula } = checked;
    if (!expected.fits(formula.type)) {
      this.issues.push({ pointer, code, params: { expected: expected.name, actual: formula.type } });
      return undefined;
    }
    return { compiled: compileFormula(formula), ast: formula.ast, readsFields: formula.fieldTypes.size + formula.memberTypes.size > 0 };
  }
}

function compileFields(form: FormDefinition, object: ObjectDefinition, base: string, checker: FormulaChecker): Map<string, FormField> {
  const fields = new Map<string, FormField>();
  form.nodes.forEach((node, n) => {
    if (node.kind !== 'field' || !node.field) return;
    const field = object.fields.find((f) => f.id === node.field);
    // An unknown field id on a node is reported by meta's own form checks (meta.unknown_field).
    if (!field) return;
    if (fields.has(field.id)) return void checker.issues.push({ pointer: `${base}/nodes/${n}/field`, code: 'form.duplicate_field', params: { id: field.id } });
    if (node.format && field.type !== 'text')
      checker.issues.push({ pointer: `${base}/nodes/${n}/format`, code: 'form.format_field', params: { field: field.id, type: field.type } });
    // A form adds rules to the field's, never weakens them: another format would replace the field's.
    else if (node.format && field.format && node.format !== field.format)
      checker.issues.push({
        pointer: `${base}/nodes/${n}/format`,
        code: 'form.format_replaces_field',
        params: { field: field.id, format: field.format, replacement: node.format },
      });
    let defaultValue: CompiledFormula | undefined;
    if (node.defaultValue) {
      if (!RULE_SETTABLE_TYPES.has(field.type))
        checker.issues.push({ pointer: `${base}/nodes/${n}/defaultValue`, code: 'form.value_field', params: { field: field.id, type: field.type } });
      else
        defaultValue = checker.formula(
          node.defaultValue,
          `${base}/nodes/${n}/defaultValue`,
          { name: field.type, fits: (t) => valueFits(field, t) },
          'form.value_type',
        )?.compiled;
    }
    fields.set(field.id, { field, node, format: node.format, defaultValue });
  });
  return fields;
}

function compileEffect(
  effect: FormEffect,
  pointer: string,
  fields: ReadonlyMap<string, FormField>,
  object: ObjectDefinition,
  checker: FormulaChecker,
): CompiledEffect | undefined {
  const placed = fields.get(effect.field);
  if (!placed) {
    const code = object.fields.some((f) => f.id === effect.field) ? 'form.field_not_on_form' : 'form.unknown_field';
    return void checker.issues.push({ pointer: `${pointer}/field`, code, params: { id: effect.field } });
  }
  const { field } = placed;
  switch (effect.kind) {
    case 'setValue': {
      if (!RULE_SETTABLE_TYPES.has(field.type))
        return void checker.issues.push({ pointer: `${pointer}/field`, code: 'form.value_field', params: { field: field.id, type: field.type } });
      const checked = checker.formula(effect.formula, `${pointer}/formula`, { name: field.type, fits: (t) => valueFits(field, t) }, 'form.value_type');
      return checked && { kind: 'setValue', field: field.id, formula: checked.compiled };
    }
    case 'options': {
      if (field.type !== 'select' && field.type !== 'multi_select')
        return void checker.issues.push({ pointer: `${pointer}/field`, code: 'form.options_field', params: { field: field.id, type: field.type } });
      const known = new Set((field.options ?? []).map((o) => o.value));
      const unknown = effect.values.findIndex((value) => !known.has(value));
      if (unknown >= 0)
        return void checker.issues.push({
          pointer: `${pointer}/values/${unknown}`,
          code: 'form.unknown_option',
          params: { field: field.id, value: effect.values[unknown] ?? '' },
        });
      return { kind: 'options', field: field.id, values: [...effect.values] };
    }
    default:
      // The field's own "required" holds on every write; a form cannot lift it.
      if (effect.kind === 'required' && !effect.value && field.required)
        return void checker.issues.push({ pointer: `${pointer}/value`, code: 'form.required_weakened', params: { field: field.id } });
      return { kind: effect.kind, field: field.id, value: effect.value };
  }
}

function compileRule(
  rule: FormRule,
  pointer: string,
  fields: ReadonlyMap<string, FormField>,
  object: ObjectDefinition,
  checker: FormulaChecker,
): CompiledRule | undefined {
  const when = checker.formula(rule.when, `${pointer}/when`, { name: 'boolean', fits: (t) => t === 'boolean' }, 'form.formula_type');
  const effects = rule.effects.map((effect, e) => compileEffect(effect, `${pointer}/effects/${e}`, fields, object, checker));
  if (!when || effects.some((effect) => effect === undefined)) return undefined;
  let staticValue: boolean | null = null;
  if (!when.readsFields && !usesContext(when.ast)) {
    // Nothing in the formula varies between records, so any context gives the same verdict.
    const result = when.compiled.evaluate({}, { now: 0, timeZone: 'UTC' });
    staticValue = result.ok && result.value === true;
  }
  return { id: rule.id, when: when.compiled, staticValue, effects: effects.filter((e): e is CompiledEffect => e !== undefined) };
}

/**
 * Analyzes a form once: its fields, default formulas and rules. A form with any issue does not
 * compile; publish validation (`checkForm`) reports the same issues with document pointers.
 */
export function compileForm(form: FormDefinition, object: ObjectDefinition, document: AppDocument): CompileFormResult {
  const index = (document.forms ?? []).indexOf(form);
  const base = index >= 0 ? `/forms/${index}` : '';
  const checker = new FormulaChecker(object, relatedFields(object, document), []);
  const fields = compileFields(form, object, base, checker);
  const ruleIds = new Set<string>();
  const rules: CompiledRule[] = [];
  (form.rules ?? []).forEach((rule, r) => {
    if (ruleIds.has(rule.id)) checker.issues.push({ pointer: `${base}/rules/${r}/id`, code: 'form.duplicate_rule', params: { id: rule.id } });
    ruleIds.add(rule.id);
    const compiled = compileRule(rule, `${base}/rules/${r}`, fields, object, checker);
    if (compiled) rules.push(compiled);
  });
  if (checker.issues.length) return { ok: false, issues: checker.issues };
  return { ok: true, form: { form, object, fields, rules } };
}

/** Publish validation: every form of the document whose object exists (meta reports the others). */
export function checkForm(document: AppDocument): FormIssue[] {
  const issues: FormIssue[] = [];
  for (const form of document.forms ?? []) {
    const object = document.objects.find((o) => o.id === form.object);
    if (!object) continue;
    const result = compileForm(form, object, document);
    if (!result.ok) issues.push(...result.issues);
  }
  return issues;
}
