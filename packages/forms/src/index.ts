import './messages';

export {
  compileForm,
  checkForm,
  valueFits,
  relatedFields,
  type CompiledForm,
  type CompiledRule,
  type CompiledEffect,
  type CompileFormResult,
  type FormField,
  type FormIssue,
} from './compile-form';
export { evaluateForm, toFieldValue, type FormState, type FormValues, type FormEvalContext, type FormEvalError } from './evaluate-form';
export {
  formValidatorSource,
  compileFormValidator,
  formValuesSchema,
  staticallyRequired,
  FORM_FORMATS_MODULE,
  type FormValidateFunction,
} from './form-validator';
export { FORM_FORMATS, type FormFormatName } from './form-formats';
export { formValueSchema } from './form-value-schema';
export { regionLevelRefusal } from './region-level-refusal';
export { errorValue } from './error-value';
export { validateSubmission, formatFormIssue, type FormFieldIssue, type SubmissionContext, type SubmissionVerdict } from './validate-submission';
export { FORM_MESSAGES } from './messages';
