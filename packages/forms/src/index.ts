import './messages';

export {
  type CompiledEffect,
  type CompiledForm,
  type CompiledRule,
  type CompileFormResult,
  checkForm,
  compileForm,
  type FormField,
  type FormIssue,
  RULE_SETTABLE_TYPES,
  relatedFields,
  valueFits,
} from './compile-form';
export { errorValue } from './error-value';
export { evaluateForm, type FormEvalContext, type FormEvalError, type FormState, type FormValues, toFieldValue } from './evaluate-form';
export { explainForm, type FieldReason } from './explain-form';
export { applyFieldDefaults, checkFieldDefaults, compileFieldDefaults, type FieldDefaults } from './field-defaults';
export { canonicalFieldValue, canonicalRulesOf, fieldFormat, isPlainTextField, meetsFieldFormat, meetsFormat } from './field-rules';
export { chosenForm, defaultFormOf } from './form-choice';
export { FORM_FORMATS, type FormFormatName } from './form-formats';
export {
  compileFormValidator,
  FORM_FORMATS_MODULE,
  type FormValidateFunction,
  formValidatorSource,
  formValuesSchema,
  staticallyRequired,
} from './form-validator';
export { formValueSchema } from './form-value-schema';
export { FORM_MESSAGES } from './messages';
export { regionLevelRefusal } from './region-level-refusal';
export { type FormFieldIssue, formatFormIssue, type SubmissionContext, type SubmissionVerdict, validateSubmission } from './validate-submission';
