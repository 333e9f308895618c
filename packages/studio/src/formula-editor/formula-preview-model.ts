import {
  analyze,
  type CheckOptions,
  compileFormula,
  type EvalContext,
  type EvalRecord,
  type ExprType,
  formatExprError,
  type PlainValue,
  toPlain,
} from '@tessera/expr';
import { type Locale, translate } from '@tessera/i18n';
import './messages';

/** What the preview under the editor shows. */
export type FormulaPreview =
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly message: string }
  /** Well typed, but there is no record to evaluate it against. */
  | { readonly kind: 'typed'; readonly type: ExprType; readonly typeLabel: string; readonly mismatch: string | null }
  | {
      readonly kind: 'value';
      readonly type: ExprType;
      readonly typeLabel: string;
      readonly mismatch: string | null;
      readonly value: PlainValue;
      readonly text: string;
    };

export interface PreviewInput {
  readonly source: string;
  readonly options: CheckOptions;
  readonly locale: Locale;
  readonly context: EvalContext;
  readonly sampleRecord?: EvalRecord | null | undefined;
  readonly expectedType?: ExprType | undefined;
}

const TEXTUAL: readonly ExprType[] = ['text', 'select', 'user'];

/** A currency fits where a number is expected, and a selection or user where text is. */
export function fitsExpected(actual: ExprType, expected: ExprType): boolean {
  if (actual === expected) return true;
  if (expected === 'number') return actual === 'currency';
  if (expected === 'text') return TEXTUAL.includes(actual);
  return false;
}

const typeLabel = (type: ExprType, locale: Locale): string => translate(locale, `expr.type.${type}`);

/** Text is quoted so an empty text is visible and differs from blank. */
export function displayValue(value: PlainValue, type: ExprType, locale: Locale): string {
  if (value === null) return translate(locale, 'studio.formula.blank');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'string') return value.join(', ');
  return TEXTUAL.includes(type) ? `"${value}"` : value;
}

/** Typechecks the formula and, with a sample record, evaluates it; the first error wins. */
export function previewFormula(input: PreviewInput): FormulaPreview {
  const { source, options, locale } = input;
  if (source.trim() === '') return { kind: 'empty' };
  const checked = analyze(source, options);
  if (!checked.ok) {
    const [first] = checked.errors;
    return first ? { kind: 'error', message: formatExprError(first, locale) } : { kind: 'empty' };
  }
  const { type } = checked.formula;
  const mismatch =
    input.expectedType && !fitsExpected(type, input.expectedType)
      ? translate(locale, 'studio.formula.typeMismatch', { expected: typeLabel(input.expectedType, locale), actual: typeLabel(type, locale) })
      : null;
  const typed = { type, typeLabel: typeLabel(type, locale), mismatch };
  if (!input.sampleRecord) return { kind: 'typed', ...typed };
  const result = compileFormula(checked.formula).evaluate(input.sampleRecord, input.context);
  if (!result.ok) return { kind: 'error', message: formatExprError(result.error, locale) };
  const value = toPlain(result.value);
  return { kind: 'value', ...typed, value, text: displayValue(value, type, locale) };
}
