import { _ } from 'ajv';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import type { CompiledForm } from './compile-form';
import { FORM_FORMATS } from './form-formats';
import { formValueSchema, type JsonSchema } from './form-value-schema';

/** The shape of a validator, whether compiled at run time or loaded from standalone source. */
export interface FormValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

type Certainty = boolean | 'depends';

/**
 * Fields required whatever the record holds: required by the field or by rules whose condition is
 * constant, and not hidden or un-required by a rule that depends on the record. Walking the rules
 * in order keeps "last rule wins": a record-dependent effect that agrees with the current state
 * changes nothing, one that disagrees makes the outcome depend on the record.
 */
export function staticallyRequired(compiled: CompiledForm): string[] {
  const required: string[] = [];
  for (const [id, { field }] of compiled.fields) {
    const state: { required: Certainty; visible: Certainty } = { required: field.required === true, visible: true };
    for (const rule of compiled.rules) {
      if (rule.staticValue === false) continue;
      for (const effect of rule.effects) {
        if (effect.field !== id || (effect.kind !== 'required' && effect.kind !== 'visible')) continue;
        state[effect.kind] = rule.staticValue === true || state[effect.kind] === effect.value ? effect.value : 'depends';
      }
    }
    if (state.required === true && state.visible === true) required.push(id);
  }
  return required;
}

/**
 * The JSON Schema of the values a form submits once defaults and rules are applied: the fields
 * on the form and nothing else, with the form's formats and the static part of required-ness.
 * Fields the server fills in (auto number, formula) are left out: they are never submitted.
 */
export function formValuesSchema(compiled: CompiledForm): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [id, { field, format }] of compiled.fields) {
    if (field.type === 'auto_number' || field.type === 'formula') continue;
    properties[id] = formValueSchema(field, format);
  }
  const required = staticallyRequired(compiled).filter((id) => id in properties);
  return { type: 'object', properties, required, additionalProperties: false };
}

/** The import the generated source starts with; bundlers resolve it like any other module. */
export const FORM_FORMATS_MODULE = '@tessera/forms/formats';

function newAjv(source: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    ...(source ? { code: { source: true, esm: true, formats: _`FORM_FORMATS` } } : {}),
  });
  for (const [name, format] of Object.entries(FORM_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/** Compiles the form's validator in this process: what the server uses, and the oracle for the standalone source. */
export function compileFormValidator(compiled: CompiledForm): FormValidateFunction {
  return newAjv(false).compile(formValuesSchema(compiled));
}

const UCS2LENGTH_REQUIRE = 'require("ajv/dist/runtime/ucs2length").default';

/**
 * ES module source of the form's validator (`export const validate`), generated ahead of time
 * with ajv standalone so the browser runs it without `eval` or `new Function`. Its only import is
 * the formats module, which holds the very checks the runtime validator uses.
 */
export function formValidatorSource(compiled: CompiledForm, formatsModule: string = FORM_FORMATS_MODULE): string {
  const ajv = newAjv(true);
  const code = standaloneCode(ajv, ajv.compile(formValuesSchema(compiled)))
    .split(UCS2LENGTH_REQUIRE)
    .join('ucs2length');
  // Any other ajv runtime helper would need a CommonJS require; the schemas above must not use one.
  if (code.includes('require(')) throw new Error(`form ${compiled.form.id}: the validator needs an ajv runtime helper`);
  return `import { FORM_FORMATS, ucs2length } from ${JSON.stringify(formatsModule)};\n${code}\n`;
}
