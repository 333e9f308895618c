import { type Locale, type MessageParams, translate } from '@tessera/i18n';
import type { LocalizedText } from '@tessera/schemas';
import type { ErrorObject } from 'ajv';
import type { CompiledForm } from './compile-form';
import { errorValue } from './error-value';
import { evaluateForm, type FormEvalContext, type FormState, type FormValues } from './evaluate-form';
import { compileFormValidator, type FormValidateFunction } from './form-validator';
import { regionLevelRefusal } from './region-level-refusal';
import './messages';

/** One problem with one field of a submission; shaped like the records package's field issues. */
export interface FormFieldIssue {
  field: string;
  pointer: string;
  code: string;
  params: MessageParams;
  label?: LocalizedText | undefined;
}

export interface SubmissionContext extends FormEvalContext {
  /** update: the stored record the edit applies to; rules see it merged with the submitted values. */
  readonly current?: FormValues;
  /** The form's validator, e.g. loaded from its standalone source; compiled here when absent. */
  readonly validator?: FormValidateFunction;
}

/**
 * `computed`: the written fields the submission did not name, whose values the form supplied
 * itself (a default on create, a rule's setValue). They are the system's values, not the
 * caller's: a caller that checks who may write which field (records' field access) applies them
 * as it applies formula fields.
 */
export type SubmissionVerdict = { ok: true; values: FormValues; computed: ReadonlySet<string> } | { ok: false; issues: FormFieldIssue[] };

const validators = new WeakMap<CompiledForm, FormValidateFunction>();

function validatorOf(compiled: CompiledForm): FormValidateFunction {
  let validate = validators.get(compiled);
  if (!validate) validators.set(compiled, (validate = compileFormValidator(compiled)));
  return validate;
}

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** JSON values compare by their JSON text: submissions and records are plain JSON. */
const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function canWrite(compiled: CompiledForm, state: FormState, id: string): boolean {
  return compiled.fields.has(id) && state.visible[id] === true && state.readOnly[id] !== true;
}

function ajvIssue(error: ErrorObject, checked: FormValues): { field: string; code: string; params: MessageParams } | undefined {
  const path = error.instancePath.split('/').slice(1);
  const params = error.params as Record<string, unknown>;
  // `anyOf: [null, T]` reports the null branch and the anyOf itself; the branch T says what is wrong.
  if (error.keyword === 'anyOf' || error.schemaPath.includes('/anyOf/0/')) return undefined;
  switch (error.keyword) {
    case 'required':
      return { field: String(params.missingProperty), code: 'form.required', params: {} };
    case 'additionalProperties':
      return { field: String(params.additionalProperty), code: 'form.field_not_writable', params: {} };
    case 'format': {
      const value = errorValue(checked, path);
      const refusal = regionLevelRefusal(String(params.format), value);
      if (refusal)
        return {
          field: path[0] ?? '',
          code: 'form.region_level',
          params: { value: String(value), level: `form.region_level.${refusal.level}`, actual: `form.region_level.${refusal.actual}` },
        };
      return { field: path[0] ?? '', code: 'form.format', params: { format: `form.format.${String(params.format)}` } };
    }
    case 'type':
      return { field: path[0] ?? '', code: 'form.type', params: {} };
    case 'enum':
      return { field: path[0] ?? '', code: 'form.option', params: { value: String(errorValue(checked, path)) } };
    case 'maxLength':
    case 'maxItems':
      return { field: path[0] ?? '', code: 'form.max_length', params: { limit: Number(params.limit) } };
    default:
      return { field: path[0] ?? '', code: 'form.invalid', params: { rule: error.keyword } };
  }
}

/** The values the form writes: every form field on create, on update what was sent or computed. */
function writtenValues(compiled: CompiledForm, state: FormState, sent: ReadonlySet<string>, mode: 'create' | 'update'): FormValues {
  const values: FormValues = {};
  for (const [id, { field }] of compiled.fields) {
    if (field.type === 'auto_number' || field.type === 'formula' || state.values[id] === undefined) continue;
    if (mode === 'create' || sent.has(id) || state.computed.has(id)) values[id] = state.values[id];
  }
  return values;
}

/** Options a rule narrowed: each selected value must still be offered. */
function optionIssue(state: FormState, id: string): string | undefined {
  const allowed = state.options[id];
  const value = state.values[id];
  if (!allowed || isBlank(value)) return undefined;
  const chosen = Array.isArray(value) ? value : [value];
  return chosen.map(String).find((v) => !allowed.includes(v));
}

/**
 * The server's verdict on a form submission. Rules are evaluated on the submitted values (merged
 * into the stored record on update); a field the form hides, makes read-only or does not show
 * cannot be written, unless the value sent is the one the server would keep anyway (the stored
 * value, the default or the rule's value), so clients may send back what they were shown.
 */
export function validateSubmission(compiled: CompiledForm, submitted: FormValues, context: SubmissionContext): SubmissionVerdict {
  const mode = context.mode ?? 'create';
  const merged = { ...(context.current ?? {}), ...submitted };
  const asSent = evaluateForm(compiled, merged, context);
  const sentKeys = Object.keys(submitted);
  const blocked = new Set(sentKeys.filter((id) => !canWrite(compiled, asSent, id)));
  const kept: FormValues = { ...(context.current ?? {}) };
  for (const id of sentKeys) if (!blocked.has(id) && Object.hasOwn(submitted, id)) kept[id] = submitted[id];
  const state = evaluateForm(compiled, kept, context);
  const issues = new Map<string, { code: string; params: MessageParams }>();
  for (const id of blocked) {
    if (!sameValue(submitted[id], state.values[id])) issues.set(id, { code: 'form.field_not_writable', params: {} });
  }
  const sent = new Set(sentKeys.filter((id) => !blocked.has(id)));
  const values = writtenValues(compiled, state, sent, mode);
  // A blank required value is reported as missing, not as a bad format of the blank.
  for (const id of compiled.fields.keys()) {
    if (!issues.has(id) && state.required[id] && isBlank(state.values[id])) issues.set(id, { code: 'form.required', params: {} });
  }
  const validate = context.validator ?? validatorOf(compiled);
  // On update the whole record is checked for required-ness, but only written fields for their values.
  const checked = mode === 'create' ? values : { ...pickFormFields(compiled, state.values), ...values };
  if (!validate(checked)) {
    for (const error of validate.errors ?? []) {
      const issue = ajvIssue(error, checked);
      if (!issue || issues.has(issue.field)) continue;
      if (mode === 'update' && issue.code !== 'form.required' && !(issue.field in values)) continue;
      issues.set(issue.field, { code: issue.code, params: issue.params });
    }
  }
  for (const id of compiled.fields.keys()) {
    if (!issues.has(id) && (mode === 'create' || id in values)) {
      const bad = optionIssue(state, id);
      if (bad !== undefined) issues.set(id, { code: 'form.option', params: { value: bad } });
    }
  }
  if (!issues.size) {
    const computed = new Set(Object.keys(values).filter((id) => state.computed.has(id) && !Object.hasOwn(submitted, id)));
    return { ok: true, values, computed };
  }
  return {
    ok: false,
    issues: [...issues].map(([field, { code, params }]) => ({
      field,
      pointer: `/values/${field}`,
      code,
      params: { field, ...params },
      label: compiled.fields.get(field)?.field.label,
    })),
  };
}

function pickFormFields(compiled: CompiledForm, values: FormValues): FormValues {
  const picked: FormValues = {};
  for (const [id, { field }] of compiled.fields) {
    if (field.type !== 'auto_number' && field.type !== 'formula' && values[id] !== undefined) picked[id] = values[id];
  }
  return picked;
}

/** Parameters that are message keys themselves (`form.format.email`), translated before they fill the message. */
const TRANSLATED_PARAMS = ['format', 'level', 'actual'] as const;

/** The issue's message in `locale`, with the field's label in that language. */
export function formatFormIssue(issue: FormFieldIssue, locale: Locale): string {
  const label = issue.label?.[locale] ?? issue.label?.en ?? issue.label?.['zh-CN'] ?? issue.field;
  const params: MessageParams = { ...issue.params, label };
  for (const key of TRANSLATED_PARAMS) {
    const value = params[key];
    if (typeof value === 'string') params[key] = translate(locale, value);
  }
  return translate(locale, issue.code, params);
}
