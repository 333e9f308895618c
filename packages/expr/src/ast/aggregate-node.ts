import type { SourceRange } from './source-range';

export const AGGREGATE_FUNCTIONS = ['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT'] as const;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

/**
 * An aggregate over the rows of a child table or the records of a relation: `SUM(lines.amount)`,
 * `COUNT(visits)`. The parser sees an ordinary call; the typechecker rewrites it to this node once
 * it knows `lines` is a child_table/relation field. `field` is null for `COUNT(visits)`.
 */
export interface AggregateNode {
  readonly kind: 'aggregate';
  readonly fn: AggregateFunction;
  readonly relation: string;
  readonly field: string | null;
  readonly range: SourceRange;
}

export const AggregateNode = {
  create(fn: AggregateFunction, relation: string, field: string | null, range: SourceRange): AggregateNode {
    return Object.freeze({ kind: 'aggregate', fn, relation, field, range });
  },
};
