import { hasMessage, type Locale, translate } from '@tessera/i18n';
import type { SourceRange } from './ast';

export const EXPR_ERROR_CODES = [
  'expr.syntax.unexpected_token',
  'expr.syntax.unexpected_end',
  'expr.syntax.missing_paren',
  'expr.syntax.unclosed_string',
  'expr.syntax.unclosed_bracket',
  'expr.syntax.invalid_character',
  'expr.too_long',
  'expr.too_deep',
  'expr.unknown_function',
  'expr.unknown_field',
  'expr.ambiguous_field',
  'expr.arg_count',
  'expr.arg_type',
  'expr.operand_type',
  'expr.branch_type',
  'expr.text_format',
  'expr.not_a_relation',
  'expr.bad_member',
  'expr.unsupported_field',
  'expr.cycle',
  'expr.step_limit',
  'expr.string_too_long',
  'expr.eval_failed',
] as const;

export type ExprErrorCode = (typeof EXPR_ERROR_CODES)[number];
export type ExprErrorParams = Readonly<Record<string, string | number>>;

/** Errors are values: a code, where it happened and what to fill into the message. */
export interface ExprError {
  readonly code: ExprErrorCode;
  readonly range: SourceRange;
  readonly params: ExprErrorParams;
}

export function exprError(code: ExprErrorCode, range: SourceRange, params: ExprErrorParams = {}): ExprError {
  return Object.freeze({ code, range, params: Object.freeze({ ...params }) });
}

/** Thrown inside the engine only to unwind; every public function returns it as a value. */
export class ExprFailure extends Error {
  constructor(readonly error: ExprError) {
    super(error.code);
  }
}

const TYPE_PARAMS = ['expected', 'actual', 'left', 'right', 'type'];

/** The message in the user's language; type names in the params (`number`, `date` …) are translated too. */
export function formatExprError(error: ExprError, locale: Locale): string {
  const params: Record<string, string | number> = { ...error.params };
  for (const key of TYPE_PARAMS) {
    const value = params[key];
    if (typeof value === 'string' && hasMessage(`expr.type.${value}`)) params[key] = translate(locale, `expr.type.${value}`);
  }
  // TEXT's format errors name the rule that was broken, itself a message with the same params.
  if (typeof params.rule === 'string' && hasMessage(`expr.format_rule.${params.rule}`))
    params.rule = translate(locale, `expr.format_rule.${params.rule}`, params);
  const message = translate(locale, error.code, params);
  // An unknown name close to a field's: the message says which one was probably meant.
  return typeof params.suggestion === 'string' ? message + translate(locale, 'expr.did_you_mean', { suggestion: params.suggestion }) : message;
}
