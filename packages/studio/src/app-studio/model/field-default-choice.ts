import { RULE_SETTABLE_TYPES } from '@tessera/forms';
import type { FieldDefinition } from '@tessera/schemas';

/**
 * What the field panel offers for a field's default (ADR 0028), read from and written to the one
 * formula the field keeps: a fixed value typed in the field's own input, a dynamic value an admin
 * expects (today, now, the current user or their department), or any formula for the rest.
 */
export type DefaultChoice =
  | { kind: 'none' }
  | { kind: 'fixed'; value: string | number | boolean }
  | { kind: 'today' | 'now' | 'current_user' | 'current_department' }
  | { kind: 'formula'; source: string };

export type DefaultKind = DefaultChoice['kind'];

const DYNAMIC: Record<'today' | 'now' | 'current_user' | 'current_department', string> = {
  today: 'TODAY()',
  now: 'NOW()',
  current_user: 'CURRENTUSER()',
  current_department: 'CURRENTDEPARTMENT()',
};

const TEXTUAL = new Set<FieldDefinition['type']>(['text', 'long_text', 'phone', 'email', 'url', 'region', 'select']);
const NUMERIC = new Set<FieldDefinition['type']>(['number', 'currency', 'percent']);

/** Whether a field of this type can have a default at all: a formula can give its value (multi-select cannot: formulas have no list literal). */
export function takesDefault(field: FieldDefinition): boolean {
  return RULE_SETTABLE_TYPES.has(field.type) && field.type !== 'multi_select';
}

/** The kinds offered for the field's type, in the order shown. */
export function defaultKinds(field: FieldDefinition): DefaultKind[] {
  const kinds: DefaultKind[] = ['none'];
  if (TEXTUAL.has(field.type) || NUMERIC.has(field.type) || field.type === 'checkbox' || field.type === 'date') kinds.push('fixed');
  if (field.type === 'date') kinds.push('today');
  if (field.type === 'datetime') kinds.push('now');
  if (field.type === 'user') kinds.push('current_user');
  if (field.type === 'department') kinds.push('current_department');
  kinds.push('formula');
  return kinds;
}

const DATE_CALL = /^DATE\(\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const STRING = /^"((?:[^"]|"")*)"$/;

/** Reads the field's formula back as the choice that wrote it; anything else is shown as a formula. */
export function readDefault(field: FieldDefinition): DefaultChoice {
  const source = field.default?.trim();
  if (!source) return { kind: 'none' };
  const dynamic = (Object.keys(DYNAMIC) as (keyof typeof DYNAMIC)[]).find((kind) => DYNAMIC[kind] === source.toUpperCase());
  if (dynamic) return { kind: dynamic };
  const text = STRING.exec(source);
  if (text && TEXTUAL.has(field.type)) return { kind: 'fixed', value: text[1]!.replaceAll('""', '"') };
  if (NUMBER.test(source) && NUMERIC.has(field.type)) return { kind: 'fixed', value: Number(source) };
  if ((source === 'TRUE' || source === 'FALSE') && field.type === 'checkbox') return { kind: 'fixed', value: source === 'TRUE' };
  const date = DATE_CALL.exec(source);
  if (date && field.type === 'date') return { kind: 'fixed', value: `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}` };
  return { kind: 'formula', source };
}

/** The formula a choice is kept as (undefined: no default); a fixed value in the formula language's literal for the field's type. */
export function writeDefault(field: FieldDefinition, choice: DefaultChoice): string | undefined {
  switch (choice.kind) {
    case 'none':
      return undefined;
    case 'formula':
      return choice.source.trim() || undefined;
    case 'fixed':
      return fixedLiteral(field, choice.value);
    default:
      return DYNAMIC[choice.kind];
  }
}

function fixedLiteral(field: FieldDefinition, value: string | number | boolean): string | undefined {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (value === '') return undefined;
  const date = field.type === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (date) return `DATE(${date[1]}, ${Number(date[2])}, ${Number(date[3])})`;
  return `"${value.replaceAll('"', '""')}"`;
}
