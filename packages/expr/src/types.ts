import type { FieldDefinition } from '@tessera/schemas';

/** The value types a formula computes with; `select` and `user` behave as text, `currency` as number. */
export const EXPR_TYPES = ['number', 'currency', 'text', 'boolean', 'date', 'datetime', 'select', 'user', 'list'] as const;
export type ExprType = (typeof EXPR_TYPES)[number];

export const isNumeric = (type: ExprType): boolean => type === 'number' || type === 'currency';
export const isTextual = (type: ExprType): boolean => type === 'text' || type === 'select' || type === 'user';
export const isTemporal = (type: ExprType): boolean => type === 'date' || type === 'datetime';

/** The common type of two branches or operands, or null when they cannot meet. */
export function unifyTypes(a: ExprType, b: ExprType): ExprType | null {
  if (a === b) return a;
  if (isNumeric(a) && isNumeric(b)) return a === 'currency' || b === 'currency' ? 'currency' : 'number';
  if (isTextual(a) && isTextual(b)) return 'text';
  return null;
}

/** How a stored field reads inside a formula; `relation` fields are only usable through aggregates. */
export type FieldKind = { kind: 'scalar'; type: ExprType } | { kind: 'relation'; target: string } | { kind: 'unsupported' };

const SCALAR_FIELD_TYPES: Partial<Record<FieldDefinition['type'], ExprType>> = {
  number: 'number',
  percent: 'number',
  currency: 'currency',
  text: 'text',
  long_text: 'text',
  phone: 'text',
  email: 'text',
  url: 'text',
  region: 'text',
  auto_number: 'text',
  department: 'text',
  date: 'date',
  datetime: 'datetime',
  select: 'select',
  multi_select: 'list',
  checkbox: 'boolean',
  user: 'user',
};

export function fieldKind(field: FieldDefinition): FieldKind {
  if (field.type === 'relation' || field.type === 'child_table' || field.type === 'related_list') {
    return field.target ? { kind: 'relation', target: field.target } : { kind: 'unsupported' };
  }
  if (field.type === 'formula') return field.resultType ? { kind: 'scalar', type: field.resultType } : { kind: 'unsupported' };
  const type = Object.hasOwn(SCALAR_FIELD_TYPES, field.type) ? SCALAR_FIELD_TYPES[field.type] : undefined;
  return type ? { kind: 'scalar', type } : { kind: 'unsupported' };
}
