import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import type { RecordFilter } from '../api/types';
import { monthQuery, neighbourQuery, yearCountsReport } from './calendar-query';

const visitDate: FieldDefinition = { id: 'visit_date', type: 'date', label: { en: 'Visit date' } };
const visit: ObjectDefinition = {
  id: 'visit',
  label: { en: 'Visit' },
  fields: [visitDate, { id: 'kind', type: 'select', label: { en: 'Kind' }, options: [{ value: 'onsite', label: { en: 'On site' } }] }],
};
const onsite: RecordFilter[] = [{ field: 'kind', op: 'eq', value: 'onsite' }];
const march = { year: 2026, month: 3 };

describe('the calendar asks the server for the view’s records only', () => {
  it('narrows the month by the view’s filters and the date range together, sorted by date', () => {
    expect(monthQuery(visitDate, march, onsite)).toEqual({
      filters: [
        { field: 'kind', op: 'eq', value: 'onsite' },
        { field: 'visit_date', op: 'between', value: ['2026-03-01', '2026-03-31'] },
      ],
      sort: [{ field: 'visit_date', direction: 'asc' }],
      limit: 500,
    });
    expect(monthQuery(visitDate, march, []).filters).toEqual([{ field: 'visit_date', op: 'between', value: ['2026-03-01', '2026-03-31'] }]);
  });

  it('looks for the nearest matching record before and after the month, not any record', () => {
    expect(neighbourQuery(visitDate, march, 'before', onsite)).toEqual({
      filters: [
        { field: 'kind', op: 'eq', value: 'onsite' },
        { field: 'visit_date', op: 'lt', value: '2026-03-01' },
      ],
      sort: [{ field: 'visit_date', direction: 'desc' }],
      limit: 1,
      count: false,
    });
    expect(neighbourQuery(visitDate, march, 'after', onsite).filters?.[1]).toEqual({ field: 'visit_date', op: 'gt', value: '2026-03-31' });
  });

  it('counts the year’s months with the same filters, and without a filters key when the view has none', () => {
    const report = yearCountsReport(visit, visitDate, 2026, onsite);
    expect(report).toMatchObject({
      object: 'visit',
      dimensions: [{ id: 'month', field: 'visit_date', grain: 'month' }],
      filters: [{ field: 'kind', op: 'eq', value: 'onsite' }],
      dateField: 'visit_date',
      dateRange: { from: '2026-01-01', to: '2027-01-01' },
    });
    expect(yearCountsReport(visit, visitDate, 2026, [])).not.toHaveProperty('filters');
  });
});
