import { isBlankText } from './blank-text';
import { canonicalFormat } from './format-canonical';
import type { FormatName } from './format-names';
import { toHalfWidth } from './half-width';
import { type LetterCase, toLetterCase } from './letter-case';

/** How one field's text is cleaned on save. */
export interface CanonicalRules {
  /** Drop white space at both ends. */
  readonly trim: boolean;
  /** Full-width letters, digits and brackets as ASCII (`toHalfWidth`). */
  readonly halfWidth: boolean;
  readonly letterCase: LetterCase;
  /** The format the value must have; it is stored in the format's canonical form. */
  readonly format?: FormatName | undefined;
}

/** Codes read the same whatever case they were typed in; people key them in either. */
const FORMAT_CASE: Partial<Record<FormatName, LetterCase>> = { 'cn-uscc': 'upper', 'cn-resident-id': 'upper', email: 'lower' };

/**
 * The rules a field has unless its admin says otherwise: always trimmed; a formatted value is a
 * code, so it is also read in half width and in the case its format stores. Prose keeps its
 * full-width characters unless asked (a company name's （北京） is a choice some customers make).
 */
export function defaultCanonicalRules(format?: FormatName): CanonicalRules {
  return { trim: true, halfWidth: format !== undefined, letterCase: (format && FORMAT_CASE[format]) ?? 'keep', format };
}

export type CanonicalText =
  | { readonly kind: 'blank' }
  | { readonly kind: 'value'; readonly value: string }
  /** Not of the format: `value` is the text cleaned as far as the rules go, for the error and the caller. */
  | { readonly kind: 'bad_format'; readonly value: string };

/**
 * A text as it is stored: blank when it holds only white space (so "required" fails on it and an
 * optional formatted field stores nothing, not a format error), otherwise cleaned by the rules
 * and, when the field has a format, in the format's canonical form (a mobile as its 11 digits).
 */
export function canonicalText(text: string, rules: CanonicalRules): CanonicalText {
  if (isBlankText(text)) return { kind: 'blank' };
  let value = rules.halfWidth ? toHalfWidth(text) : text;
  if (rules.trim) value = value.trim();
  value = toLetterCase(value, rules.letterCase);
  if (!rules.format) return { kind: 'value', value };
  const formatted = canonicalFormat(rules.format, value);
  return formatted === null ? { kind: 'bad_format', value } : { kind: 'value', value: formatted };
}
