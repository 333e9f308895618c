import { type CanonicalRules, canonicalText, defaultCanonicalRules, type FormatName } from '@tessera/formats';
import { type FieldDefinition, PLAIN_TEXT_FIELD_TYPES } from '@tessera/schemas';

/**
 * The data rules that belong to a field, wherever its value comes from: the format it must have
 * and how its text is cleaned on save. The records validator applies them on every write; the
 * form engine on top of its own; the import preview to show what will be stored.
 */

const PHONE_FORMAT = { mobile: 'cn-mobile', landline: 'cn-landline', any: 'cn-phone' } as const;
const PLAIN_TEXT: ReadonlySet<string> = new Set(PLAIN_TEXT_FIELD_TYPES);

/** The format the field's values must have: its type's own (phone, email, url) or, for text, the one its admin chose. */
export function fieldFormat(field: FieldDefinition): FormatName | undefined {
  switch (field.type) {
    case 'phone':
      return PHONE_FORMAT[field.phoneKind ?? 'any'];
    case 'email':
      return 'email';
    case 'url':
      return 'url';
    case 'text':
      return field.format;
    default:
      return undefined;
  }
}

/** Whether the field holds plain text that is cleaned on save. */
export function isPlainTextField(field: FieldDefinition): boolean {
  return PLAIN_TEXT.has(field.type);
}

/** The field's cleaning rules: what its admin set, the rest from its format's defaults. */
export function canonicalRulesOf(field: FieldDefinition): CanonicalRules {
  return canonicalRulesWith(field, fieldFormat(field));
}

/** The field's cleaning rules if its format were this one (a rule about to be published). */
function canonicalRulesWith(field: FieldDefinition, format: FormatName | undefined): CanonicalRules {
  const defaults = defaultCanonicalRules(format);
  const chosen = field.normalize ?? {};
  return {
    trim: chosen.trim ?? defaults.trim,
    halfWidth: chosen.halfWidth ?? defaults.halfWidth,
    letterCase: chosen.letterCase ?? defaults.letterCase,
    format: defaults.format,
  };
}

/**
 * The value as it will be stored: a plain-text field's text cleaned by its rules, white space
 * alone as null (blank), a valid formatted value in its canonical form. A value that breaks the
 * format comes back cleaned but unformatted, for the format check to refuse; anything that is
 * not text is left to the type check.
 */
export function canonicalFieldValue(field: FieldDefinition, value: unknown): unknown {
  if (typeof value !== 'string' || !isPlainTextField(field)) return value;
  const canonical = canonicalText(value, canonicalRulesOf(field));
  return canonical.kind === 'blank' ? null : canonical.value;
}

/**
 * Whether a stored value meets the field's format as it is now (a value written before the rule
 * may not): read with the field's cleaning rules, as a new write of it would be. Blank meets it.
 */
export function meetsFieldFormat(field: FieldDefinition, value: unknown): boolean {
  return meetsFormat(field, fieldFormat(field), value);
}

/**
 * Whether a stored value would meet this format were it the field's: the publish review's count
 * and the records API's `breaks_format` filter ask it of a rule the draft adds, before it is live.
 */
export function meetsFormat(field: FieldDefinition, format: FormatName | undefined, value: unknown): boolean {
  if (!format || typeof value !== 'string') return true;
  return canonicalText(value, canonicalRulesWith(field, format)).kind !== 'bad_format';
}
