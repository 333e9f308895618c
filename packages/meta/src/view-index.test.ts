import { describe, expect, it } from 'vitest';
import { desiredIndexes } from './desired-indexes';
import { salesApp } from './test-fixtures';
import { indexColumnsText, viewIndexColumns } from './view-index';

describe('viewIndexColumns', () => {
  it('puts equality filters first, then the sort, then id in the last key’s direction', () => {
    const view = {
      filters: [
        { field: 'stage', op: 'eq' as const, value: 'won' },
        { field: 'amount', op: 'gt' as const, value: 1 },
        { field: 'owner_id', op: 'in' as const, value: [] },
      ],
      sort: [{ field: 'created_at', direction: 'desc' as const }],
    };
    expect(indexColumnsText(viewIndexColumns(view))).toBe('(stage, owner_id, created_at desc, id desc)');
  });

  it('asks for nothing when the view neither filters by equality nor sorts', () => {
    expect(viewIndexColumns({ filters: [{ field: 'name', op: 'contains', value: 'x' }] })).toEqual([]);
  });

  it('is the index publishing builds for the view', () => {
    const customer = salesApp().objects[0]!;
    const columns = viewIndexColumns(customer.views![0]!);
    expect(desiredIndexes(customer).map((i) => i.columns)).toContainEqual(columns);
  });
});
