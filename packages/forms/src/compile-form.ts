import type { CompiledFormula } from '@tessera/expr';
import type { MessageParams } from '@tessera/i18n';
import type { AppDocument, FieldDefinition, FormDefinition, FormEffect, FormFieldFormat, FormNode, FormRule, ObjectDefinition } from '@tessera/schemas';
import { compileFieldDefaults, type FieldDefaults } from './field-defaults';
import { FormulaChecker, RULE_SETTABLE_TYPES, relatedFields, usesContext, valueFits } from './formula-checker';

export { RULE_SETTABLE_TYPES, relatedFields, valueFits } from './formula-checker';

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

function compileFields(
  form: FormDefinition,
  object: ObjectDefinition,
  base: string,
  checker: FormulaChecker,
  fieldDefaults: FieldDefaults,
): Map<string, FormField> {
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
    // The field's own default unless the form gives its own (a field default's issues are the field's, reported by checkFieldDefaults).
    let defaultValue: CompiledFormula | undefined = fieldDefaults.get(field.id)?.formula;
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
  const fields = compileFields(form, object, base, checker, compileFieldDefaults(object, document).defaults);
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
