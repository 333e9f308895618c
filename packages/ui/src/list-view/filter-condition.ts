import { fieldFormat } from '@tessera/forms';
import type { FilterOperator } from '@tessera/schemas';
import dayjs from 'dayjs';
import type { RecordFilter } from '../api/types';
import type { FilterableField } from './filter-fields';
import { valueShape } from './filter-operators';

/**
 * A condition while the user builds it. Values are what the inputs hold: text, decimal strings
 * (InputNumber stringMode), `YYYY-MM-DD` days, ids, a list for "any of", a pair for a range
 * with either end open.
 */
export type DraftValue = string | string[] | [string | null, string | null] | null;

export interface FilterDraft {
  field: string;
  op: FilterOperator;
  value: DraftValue;
}

const DECIMAL = /^-?\d{1,28}(\.\d{1,12})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A region field holds a six-digit GB/T 2260 code; the picker's nine-digit towns are never stored. */
const REGION_CODE = /^\d{6}$/;

/** One value as the server takes it for this kind, or null when it is missing or malformed. */
function oneValue(target: FilterableField, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  switch (target.kind) {
    case 'number':
      return DECIMAL.test(text) ? text : null;
    case 'date':
    case 'datetime':
      return DAY.test(text) && dayjs(text).isValid() ? text : null;
    case 'region':
      return REGION_CODE.test(text) ? text : null;
    default:
      return text;
  }
}

/**
 * A picked day against a moment column covers the whole local day: "after 5 May" starts at the
 * end of 5 May, "on or before 5 May" ends there.
 */
function dayBound(day: string, edge: 'start' | 'end'): string {
  const moment = dayjs(day);
  return (edge === 'start' ? moment.startOf('day') : moment.endOf('day')).toISOString();
}

function momentValue(target: FilterableField, op: FilterOperator, day: string): string {
  if (target.kind !== 'datetime') return day;
  return dayBound(day, op === 'gt' || op === 'lte' ? 'end' : 'start');
}

/**
 * The condition to send, or null while the draft is incomplete. A range with one end open
 * becomes "at least" / "at most", so "amount from 10 000" needs no upper bound.
 */
export function toCondition(draft: FilterDraft, target: FilterableField): RecordFilter | null {
  const base = { field: draft.field };
  switch (valueShape(target.kind, draft.op)) {
    case 'none':
      if (draft.op === 'breaks_format') {
        const format = target.field ? fieldFormat(target.field) : undefined;
        return format ? { ...base, op: draft.op, value: format } : null;
      }
      return target.kind === 'checkbox' ? { ...base, op: draft.op, value: true } : { ...base, op: draft.op };
    case 'many': {
      const values = (Array.isArray(draft.value) ? draft.value : []).map((v) => oneValue(target, v)).filter((v): v is string => v !== null);
      return values.length > 0 ? { ...base, op: 'in', value: [...new Set(values)] } : null;
    }
    case 'range': {
      const [rawFrom, rawTo] = Array.isArray(draft.value) ? draft.value : [null, null];
      const from = oneValue(target, rawFrom);
      const to = oneValue(target, rawTo);
      if (from !== null && to !== null) {
        const ordered = target.kind === 'number' ? Number(from) <= Number(to) : from <= to;
        const [low, high] = ordered ? [from, to] : [to, from];
        return { ...base, op: 'between', value: target.kind === 'datetime' ? [dayBound(low, 'start'), dayBound(high, 'end')] : [low, high] };
      }
      if (from !== null) return { ...base, op: 'gte', value: momentValue(target, 'gte', from) };
      if (to !== null) return { ...base, op: 'lte', value: momentValue(target, 'lte', to) };
      return null;
    }
    case 'one': {
      const value = oneValue(target, draft.value);
      return value === null ? null : { ...base, op: draft.op, value: momentValue(target, draft.op, value) };
    }
  }
}

/** A moment sent for a day bound, back to the local day the user picked. */
function dayOf(value: unknown): string | null {
  return typeof value === 'string' && dayjs(value).isValid() ? dayjs(value).format('YYYY-MM-DD') : null;
}

/** An applied condition back in the builder, to change it. */
export function toDraft(condition: RecordFilter, target: FilterableField): FilterDraft {
  const { field, op, value } = condition;
  const asDay = target.kind === 'datetime';
  switch (valueShape(target.kind, op)) {
    case 'none':
      return { field, op, value: null };
    case 'many':
      return { field, op, value: Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [] };
    case 'range': {
      const [from, to] = Array.isArray(value) ? value : [];
      const read = (v: unknown) => (asDay ? dayOf(v) : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
      return { field, op, value: [read(from), read(to)] };
    }
    case 'one':
      return { field, op, value: asDay ? dayOf(value) : typeof value === 'number' ? String(value) : typeof value === 'string' ? value : null };
  }
}

/** A fresh draft for a field: its first operator, no value yet. */
export function emptyDraft(target: FilterableField, firstOp: FilterOperator): FilterDraft {
  return { field: target.id, op: firstOp, value: valueShape(target.kind, firstOp) === 'range' ? [null, null] : null };
}

/** The value a draft keeps when the operator changes: a list and a range do not carry over to one value. */
export function changeOperator(draft: FilterDraft, target: FilterableField, op: FilterOperator): FilterDraft {
  const before = valueShape(target.kind, draft.op);
  const after = valueShape(target.kind, op);
  if (before === after) return { ...draft, op };
  if (after === 'range') return { ...draft, op, value: [typeof draft.value === 'string' ? draft.value : null, null] };
  if (after === 'many') return { ...draft, op, value: typeof draft.value === 'string' ? [draft.value] : [] };
  if (after === 'one') return { ...draft, op, value: Array.isArray(draft.value) ? (draft.value[0] ?? null) : draft.value };
  return { ...draft, op, value: null };
}

/**
 * What the list asks the server: the applied conditions (all ANDed) and the quick search as one
 * more `contains`, so searching narrows a filtered list instead of replacing its filters.
 */
export function queryFilters(applied: readonly RecordFilter[], searchFieldId: string | null, searchText: string): RecordFilter[] {
  const text = searchText.trim();
  return searchFieldId && text ? [...applied, { field: searchFieldId, op: 'contains', value: text }] : [...applied];
}
