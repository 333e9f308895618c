import './messages';

export * from './ast';
export { parse, MAX_DEPTH, MAX_SOURCE_LENGTH, type ParseResult } from './parser';
export { tokenize, type Token, type TokenKind } from './lexer';
export { EXPR_ERROR_CODES, formatExprError, type ExprError, type ExprErrorCode, type ExprErrorParams } from './errors';
export { EXPR_MESSAGES } from './messages';
export { EXPR_TYPES, fieldKind, type ExprType, type FieldKind } from './types';
export {
  FUNCTION_DOCS,
  findFunction,
  signatureOf,
  type FunctionDoc,
  type ParamDoc,
  type ParamType,
  type ReturnType,
  type FunctionCategory,
} from './function-docs';
export { check, type CheckOptions, type CheckResult, type CheckedFormula } from './typecheck';
export { analyze, type AnalyzeResult } from './analyze';
export { compileFormula, evaluate, type CompiledFormula, type EvalResult } from './evaluate';
export type { EvalContext, EvalRecord } from './eval-env';
export { Dec, ExprDate, ExprDateTime, toPlain, type ExprValue, type PlainValue } from './values';
export { compileToSql, type SqlCompileOptions, type SqlCompileResult, type SqlRelation } from './sql-compile';
export { dependenciesOf, checkComputedFields, type FormulaDependencies, type ComputedFieldReport } from './dependencies';
export { planFormulas, computeFormulas, type FormulaPlan } from './formula-plan';
export {
  diagnostics,
  completions,
  signatureHelp,
  hover,
  type Diagnostic,
  type CompletionItem,
  type SignatureHelp,
  type HoverInfo,
} from './language-service';
