import './messages';

export { type AnalyzeResult, analyze } from './analyze';
export * from './ast';
export { addMonths, civilFromDays, daysFromCivil, formatDate, localDays, localTime, MS_PER_DAY, parseDate } from './dates';
export { type ComputedFieldReport, checkComputedFields, dependenciesOf, type FormulaDependencies } from './dependencies';
export { EXPR_ERROR_CODES, type ExprError, type ExprErrorCode, type ExprErrorParams, formatExprError } from './errors';
export type { EvalContext, EvalRecord } from './eval-env';
export { type CompiledFormula, compileFormula, type EvalResult, evaluate } from './evaluate';
export { computeFormulas, type FormulaPlan, planFormulas } from './formula-plan';
export {
  FUNCTION_DOCS,
  type FunctionCategory,
  type FunctionDoc,
  findFunction,
  type ParamDoc,
  type ParamType,
  type ReturnType,
  signatureOf,
} from './function-docs';
export {
  type CompletionItem,
  completions,
  type Diagnostic,
  diagnostics,
  type HoverInfo,
  hover,
  type SignatureHelp,
  signatureHelp,
} from './language-service';
export { type Token, type TokenKind, tokenize } from './lexer';
export { EXPR_MESSAGES } from './messages';
export { MAX_DEPTH, MAX_SOURCE_LENGTH, type ParseResult, parse } from './parser';
export { compileToSql, type SqlCompileOptions, type SqlCompileResult, type SqlRelation } from './sql-compile';
export { type CheckedFormula, type CheckOptions, type CheckResult, check } from './typecheck';
export { EXPR_TYPES, type ExprType, type FieldKind, fieldKind } from './types';
export { Dec, ExprDate, ExprDateTime, type ExprValue, type PlainValue, toPlain } from './values';
