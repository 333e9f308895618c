import { describe, expect, it } from 'vitest';
import { pivotTable } from './pivot-table';
import type { ReportResult, ReportRow } from './report-result';

const dimensions = [
  { id: 'stage', field: 'stage', grain: null, label: null },
  { id: 'owner', field: 'owner_id', grain: null, label: null },
];
const measures = [{ id: 'n', label: null, format: null }];
const drillOf = (tag: string) => ({ object: 'deal', filters: [{ field: 'tag', op: 'eq' as const, value: tag }] });
const row = (keys: Record<string, string | null>, n: number, tag: string): ReportRow => ({
  keys: Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, { value: v, label: v?.toUpperCase() ?? null }])),
  values: { n },
  drill: drillOf(tag),
});
const answer = (dims: typeof dimensions, rows: ReportRow[]): ReportResult => ({ report: 'r', object: 'deal', range: null, dimensions: dims, measures, rows });

describe('pivotTable', () => {
  it('lays cells out in the order of the one-dimension answers, leaves empty crossings empty, and takes totals from their own answers', () => {
    const pivot = pivotTable(
      {
        // The crossed rows come in any order; a null key is a group of its own.
        cells: answer(dimensions, [
          row({ stage: 'won', owner: 'b' }, 2, 'won-b'),
          row({ stage: 'lead', owner: 'a' }, 1, 'lead-a'),
          row({ stage: 'lead', owner: null }, 4, 'lead-none'),
        ]),
        rows: answer([dimensions[0]!], [row({ stage: 'lead' }, 5, 'lead'), row({ stage: 'won' }, 2, 'won')]),
        columns: answer([dimensions[1]!], [row({ owner: 'b' }, 2, 'b'), row({ owner: 'a' }, 1, 'a'), row({ owner: null }, 4, 'none')]),
        // An average's grand total is not the sum of anything below it: taken as answered.
        total: answer([], [row({}, 6.5, 'all')]),
      },
      'n',
    );
    expect(pivot.columns.map((c) => [c.key.value, c.total.value])).toEqual([
      ['b', 2],
      ['a', 1],
      [null, 4],
    ]);
    expect(pivot.rows.map((r) => [r.key.label, ...r.cells.map((c) => c.value), r.total.value])).toEqual([
      ['LEAD', null, 1, 4, 5],
      ['WON', 2, null, null, 2],
    ]);
    expect(pivot.rows[0]!.cells[0]).toEqual({ value: null, drill: null });
    expect(pivot.rows[1]!.cells[0]!.drill).toEqual(drillOf('won-b'));
    expect(pivot.rows[0]!.total.drill).toEqual(drillOf('lead'));
    expect(pivot.total).toEqual({ value: 6.5, drill: drillOf('all') });
    expect([pivot.rowDimension?.id, pivot.columnDimension?.id]).toEqual(['stage', 'owner']);
  });

  it('answers an empty period with no rows, no columns and an empty total', () => {
    const pivot = pivotTable({ cells: answer(dimensions, []), rows: answer([], []), columns: answer([], []), total: answer([], []) }, 'n');
    expect([pivot.rows, pivot.columns, pivot.total]).toEqual([[], [], { value: null, drill: null }]);
  });
});
