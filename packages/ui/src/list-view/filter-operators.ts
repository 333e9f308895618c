import { fieldFormat } from '@tessera/forms';
import type { FilterOperator } from '@tessera/schemas';
import type { MessageKey } from '../i18n/messages';
import type { FilterableField, FilterKind } from './filter-fields';

/**
 * The operators offered per kind, in the order a user looks for them. Each is one the server
 * accepts for that column type (packages/records/src/query-fields.ts, OPERATORS_BY_TYPE); the
 * rest of what it accepts is left out where it means nothing to a reader (`gt` on a select).
 */
export const OPERATORS_BY_KIND: Record<FilterKind, readonly FilterOperator[]> = {
  text: ['contains', 'eq', 'ne', 'starts_with', 'is_empty', 'is_not_empty'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'is_empty', 'is_not_empty'],
  date: ['eq', 'between', 'gte', 'lte', 'gt', 'lt', 'is_empty', 'is_not_empty'],
  // A moment is never "equal" to a day picked in a calendar: days are ranges here.
  datetime: ['between', 'gte', 'lte', 'gt', 'lt', 'is_empty', 'is_not_empty'],
  select: ['in', 'ne', 'is_empty', 'is_not_empty'],
  multi_select: ['in', 'contains', 'is_empty', 'is_not_empty'],
  user: ['eq', 'ne', 'is_empty', 'is_not_empty'],
  department: ['eq', 'ne', 'is_empty', 'is_not_empty'],
  relation: ['eq', 'ne', 'is_empty', 'is_not_empty'],
  // "Is checked" is `= true`; "is not checked" is `is distinct from true`, so unset rows count as unchecked.
  checkbox: ['eq', 'ne'],
  // "Within 广东省" takes in its cities and districts: what a reader means by a place.
  region: ['within', 'is_empty', 'is_not_empty'],
  presence: ['is_empty', 'is_not_empty'],
};

/** What the value input of an operator looks like: none, one value, a list, or a from–to range. */
export type ValueShape = 'none' | 'one' | 'many' | 'range';

export function valueShape(kind: FilterKind, op: FilterOperator): ValueShape {
  // "Has an invalid format" checks the field's own format: nothing to type.
  if (op === 'is_empty' || op === 'is_not_empty' || op === 'breaks_format' || kind === 'checkbox') return 'none';
  if (op === 'in') return 'many';
  if (op === 'between') return 'range';
  return 'one';
}

export function operatorsFor(kind: FilterKind): readonly FilterOperator[] {
  return OPERATORS_BY_KIND[kind];
}

/** The operators offered for a field: its kind's, and "has an invalid format" where the field has one (a phone, a credit code). */
export function operatorsForField(target: FilterableField): readonly FilterOperator[] {
  const own = operatorsFor(target.kind);
  return target.field && fieldFormat(target.field) ? [...own, 'breaks_format'] : own;
}

const OP_LABEL: Record<FilterOperator, MessageKey> = {
  eq: 'listView.op.eq',
  ne: 'listView.op.ne',
  gt: 'listView.op.gt',
  gte: 'listView.op.gte',
  lt: 'listView.op.lt',
  lte: 'listView.op.lte',
  in: 'listView.op.in',
  contains: 'listView.op.contains',
  starts_with: 'listView.op.starts_with',
  between: 'listView.op.between',
  is_empty: 'listView.op.is_empty',
  is_not_empty: 'listView.op.is_not_empty',
  within: 'listView.op.within',
  // Read with the format's name after it on a chip ("is not a valid credit code"); in the builder's list, `listView.op.breaks_own_format`.
  breaks_format: 'listView.op.breaks_format',
};

/** Words that read naturally for the kind: a date is "after", a tag list "has any of", a checkbox "is checked". */
const KIND_OP_LABEL: Partial<Record<FilterKind, Partial<Record<FilterOperator, MessageKey>>>> = {
  date: { eq: 'listView.op.date.eq', gt: 'listView.op.date.gt', gte: 'listView.op.date.gte', lt: 'listView.op.date.lt', lte: 'listView.op.date.lte' },
  datetime: { gt: 'listView.op.date.gt', gte: 'listView.op.date.gte', lt: 'listView.op.date.lt', lte: 'listView.op.date.lte' },
  multi_select: { in: 'listView.op.multi.in', contains: 'listView.op.multi.contains' },
  checkbox: { eq: 'listView.op.checked', ne: 'listView.op.unchecked' },
};

export function operatorLabel(kind: FilterKind, op: FilterOperator): MessageKey {
  return KIND_OP_LABEL[kind]?.[op] ?? OP_LABEL[op];
}
