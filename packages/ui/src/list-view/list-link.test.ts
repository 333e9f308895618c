import { encodeListFilters } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import type { RecordFilter } from '../api/types';
import { isRefusedQuery, readLinkedFilters, searchWithFilters } from './list-link';

const filterable = new Set(['name', 'code', 'owner_id']);
const filters: RecordFilter[] = [
  { field: 'code', op: 'breaks_format', value: 'cn-uscc' },
  { field: 'name', op: 'contains', value: '华为 & 子公司?' },
];

describe('list filters in the address', () => {
  it('reads back what it wrote, other parameters kept', () => {
    const search = searchWithFilters('?tab=2', filters);
    expect(search).toMatch(/^\?tab=2&f=1\.[A-Za-z0-9_-]+$/);
    expect(readLinkedFilters(search, filterable)).toEqual({ filters, problem: null });
  });

  it('writes nothing for no filters, and removes the old ones', () => {
    expect(searchWithFilters('', [])).toBe('');
    expect(searchWithFilters(`?f=${encodeListFilters(filters)}&tab=2`, [])).toBe('?tab=2');
    expect(readLinkedFilters('', filterable)).toEqual({ filters: null, problem: null });
    // Unless the view has filters the user took off: the address says "none", so a reload keeps them off.
    expect(searchWithFilters('?tab=2', [], true)).toBe(`?tab=2&f=${encodeListFilters([])}`);
    expect(readLinkedFilters(`?f=${encodeListFilters([])}`, filterable)).toEqual({ filters: [], problem: null });
  });

  it('says why a link’s filters are not shown, and shows none of them', () => {
    expect(readLinkedFilters('?f=garbage', filterable)).toEqual({ filters: null, problem: { kind: 'malformed' } });
    expect(readLinkedFilters(`?f=9${encodeListFilters(filters).slice(1)}`, filterable)).toEqual({ filters: null, problem: { kind: 'version' } });
    const stale = searchWithFilters('', [...filters, { field: 'gone', op: 'is_empty' }, { field: 'gone', op: 'is_not_empty' }]);
    expect(readLinkedFilters(stale, filterable)).toEqual({ filters: null, problem: { kind: 'stale', fields: ['gone'] } });
  });

  it('tells a refused query from other failures', () => {
    expect(isRefusedQuery(new ApiError(400, 'query.invalid', null))).toBe(true);
    expect(isRefusedQuery(new ApiError(0, 'network', null))).toBe(false);
    expect(isRefusedQuery(new ApiError(403, 'record.forbidden', null))).toBe(false);
  });
});
