import { describe, expect, it } from 'vitest';
import { changeOperator, emptyDraft, queryFilters, toCondition, toDraft } from './filter-condition';
import type { FilterableField } from './filter-fields';
import { operatorsForField } from './filter-operators';

const field = (id: string, kind: FilterableField['kind']): FilterableField => ({ id, kind, field: null });
const amount = field('amount', 'number');
const since = field('since', 'date');
const touched = field('updated_at', 'datetime');
const stage = field('stage', 'select');
const vip = field('vip', 'checkbox');
const name = field('name', 'text');
const area = field('area', 'region');

/** Local midnight and end of day, as the browser (and so the filter) sees them. */
const startOf = (y: number, m: number, d: number) => new Date(y, m - 1, d, 0, 0, 0, 0).toISOString();
const endOf = (y: number, m: number, d: number) => new Date(y, m - 1, d, 23, 59, 59, 999).toISOString();

describe('a draft becomes the condition sent to the server', () => {
  it('offers "has an invalid format" on a field that has a format, and sends the field’s own', () => {
    const code: FilterableField = { id: 'code', kind: 'text', field: { id: 'code', type: 'text', label: { en: 'Code' }, format: 'cn-uscc' } };
    const mobile: FilterableField = { id: 'mobile', kind: 'text', field: { id: 'mobile', type: 'phone', label: { en: 'Mobile' }, phoneKind: 'mobile' } };
    const note: FilterableField = { id: 'note', kind: 'text', field: { id: 'note', type: 'text', label: { en: 'Note' } } };
    expect(operatorsForField(code)).toContain('breaks_format');
    expect(operatorsForField(note)).not.toContain('breaks_format');
    expect(operatorsForField(name)).not.toContain('breaks_format');
    expect(toCondition(emptyDraft(code, 'breaks_format'), code)).toEqual({ field: 'code', op: 'breaks_format', value: 'cn-uscc' });
    expect(toCondition({ field: 'mobile', op: 'breaks_format', value: null }, mobile)).toEqual({ field: 'mobile', op: 'breaks_format', value: 'cn-mobile' });
    // Back in the builder from a link, it is the same condition again.
    const fromLink = toDraft({ field: 'code', op: 'breaks_format', value: 'cn-uscc' }, code);
    expect(toCondition(fromLink, code)).toEqual({ field: 'code', op: 'breaks_format', value: 'cn-uscc' });
  });

  it('waits for a value, and trims text', () => {
    expect(toCondition({ field: 'name', op: 'contains', value: '  ' }, name)).toBeNull();
    expect(toCondition({ field: 'name', op: 'contains', value: ' Acme ' }, name)).toEqual({ field: 'name', op: 'contains', value: 'Acme' });
  });

  it('refuses a number the server would refuse', () => {
    expect(toCondition({ field: 'amount', op: 'gt', value: '1e5' }, amount)).toBeNull();
    expect(toCondition({ field: 'amount', op: 'gt', value: '100000.5' }, amount)).toEqual({ field: 'amount', op: 'gt', value: '100000.5' });
  });

  it('turns a range with an open end into at least / at most, and orders a reversed one', () => {
    expect(toCondition({ field: 'amount', op: 'between', value: ['10', null] }, amount)).toEqual({ field: 'amount', op: 'gte', value: '10' });
    expect(toCondition({ field: 'amount', op: 'between', value: [null, '99'] }, amount)).toEqual({ field: 'amount', op: 'lte', value: '99' });
    expect(toCondition({ field: 'amount', op: 'between', value: ['500', '20'] }, amount)).toEqual({ field: 'amount', op: 'between', value: ['20', '500'] });
    expect(toCondition({ field: 'amount', op: 'between', value: [null, null] }, amount)).toBeNull();
    expect(toCondition({ field: 'since', op: 'between', value: ['2026-03-01', '2026-01-31'] }, since)).toEqual({
      field: 'since',
      op: 'between',
      value: ['2026-01-31', '2026-03-01'],
    });
  });

  it('reads a picked day against a moment column as that whole local day', () => {
    expect(toCondition({ field: 'updated_at', op: 'between', value: ['2026-05-01', '2026-05-05'] }, touched)).toEqual({
      field: 'updated_at',
      op: 'between',
      value: [startOf(2026, 5, 1), endOf(2026, 5, 5)],
    });
    expect(toCondition({ field: 'updated_at', op: 'gt', value: '2026-05-05' }, touched)).toEqual({ field: 'updated_at', op: 'gt', value: endOf(2026, 5, 5) });
    expect(toCondition({ field: 'updated_at', op: 'lt', value: '2026-05-05' }, touched)).toEqual({ field: 'updated_at', op: 'lt', value: startOf(2026, 5, 5) });
    expect(toCondition({ field: 'updated_at', op: 'between', value: [null, '2026-05-05'] }, touched)).toEqual({
      field: 'updated_at',
      op: 'lte',
      value: endOf(2026, 5, 5),
    });
    // A date column keeps the day as it is.
    expect(toCondition({ field: 'since', op: 'gt', value: '2026-05-05' }, since)).toEqual({ field: 'since', op: 'gt', value: '2026-05-05' });
  });

  it('sends "any of" as a list without repeats, and "checked" as a comparison with true', () => {
    expect(toCondition({ field: 'stage', op: 'in', value: ['won', 'lead', 'won'] }, stage)).toEqual({ field: 'stage', op: 'in', value: ['won', 'lead'] });
    expect(toCondition({ field: 'stage', op: 'in', value: [] }, stage)).toBeNull();
    expect(toCondition({ field: 'vip', op: 'eq', value: null }, vip)).toEqual({ field: 'vip', op: 'eq', value: true });
    expect(toCondition({ field: 'vip', op: 'ne', value: null }, vip)).toEqual({ field: 'vip', op: 'ne', value: true });
    expect(toCondition({ field: 'name', op: 'is_empty', value: 'ignored' }, name)).toEqual({ field: 'name', op: 'is_empty' });
  });

  it('sends "within" a region as the code picked, at any level, and nothing else', () => {
    expect(toCondition({ field: 'area', op: 'within', value: '440000' }, area)).toEqual({ field: 'area', op: 'within', value: '440000' });
    expect(toCondition({ field: 'area', op: 'within', value: '440300' }, area)).toEqual({ field: 'area', op: 'within', value: '440300' });
    expect(toCondition({ field: 'area', op: 'within', value: '440305' }, area)).toEqual({ field: 'area', op: 'within', value: '440305' });
    expect(toCondition({ field: 'area', op: 'within', value: null }, area)).toBeNull();
    // A picker's nine-digit town, or typed text, is never a stored region code.
    expect(toCondition({ field: 'area', op: 'within', value: '441900003' }, area)).toBeNull();
    expect(toCondition({ field: 'area', op: 'within', value: '广东' }, area)).toBeNull();
    expect(toCondition({ field: 'area', op: 'is_not_empty', value: '440000' }, area)).toEqual({ field: 'area', op: 'is_not_empty' });
  });
});

describe('an applied condition back in the builder', () => {
  it('shows moments as the local days they were picked as', () => {
    const sent = toCondition({ field: 'updated_at', op: 'between', value: ['2026-05-01', '2026-05-05'] }, touched)!;
    expect(toDraft(sent, touched)).toEqual({ field: 'updated_at', op: 'between', value: ['2026-05-01', '2026-05-05'] });
    expect(toDraft({ field: 'amount', op: 'gte', value: 10 }, amount)).toEqual({ field: 'amount', op: 'gte', value: '10' });
    expect(toDraft({ field: 'stage', op: 'in', value: ['a', 3] }, stage)).toEqual({ field: 'stage', op: 'in', value: ['a'] });
    expect(toDraft({ field: 'area', op: 'within', value: '440300' }, area)).toEqual({ field: 'area', op: 'within', value: '440300' });
  });

  it('keeps what fits when the operator changes', () => {
    const draft = emptyDraft(amount, 'eq');
    expect(draft).toEqual({ field: 'amount', op: 'eq', value: null });
    const typed = { ...draft, value: '5' };
    expect(changeOperator(typed, amount, 'between')).toEqual({ field: 'amount', op: 'between', value: ['5', null] });
    expect(changeOperator({ field: 'stage', op: 'in', value: ['won', 'lead'] }, stage, 'ne')).toEqual({ field: 'stage', op: 'ne', value: 'won' });
    expect(changeOperator(typed, amount, 'is_empty')).toEqual({ field: 'amount', op: 'is_empty', value: null });
    expect(emptyDraft(amount, 'between').value).toEqual([null, null]);
    expect(changeOperator({ field: 'area', op: 'within', value: '440000' }, area, 'is_empty')).toEqual({ field: 'area', op: 'is_empty', value: null });
    expect(changeOperator({ field: 'area', op: 'is_empty', value: null }, area, 'within')).toEqual({ field: 'area', op: 'within', value: null });
  });
});

describe('the query the list sends', () => {
  it('adds the quick search to the conditions, never instead of them', () => {
    const applied = [{ field: 'stage', op: 'in' as const, value: ['won'] }];
    expect(queryFilters(applied, 'name', ' acme ')).toEqual([...applied, { field: 'name', op: 'contains', value: 'acme' }]);
    expect(queryFilters(applied, 'name', '   ')).toEqual(applied);
    expect(queryFilters(applied, null, 'acme')).toEqual(applied);
  });
});
