import { aggregateFits, type ReportColumn } from '@tessera/meta/validate';
import { DATE_GRAINS, type DateGrain, type ReportDimension, type ReportMeasure } from '@tessera/schemas';

/**
 * What the property panel offers to group by and to compute, one entry per kind. The engine grows
 * (number buckets, median, joins): a new kind is one more entry here, with the columns it fits,
 * how it writes the report spec and how it reads one back — the panel itself does not change.
 */
export interface DimensionKind {
  id: string;
  /** Columns this kind groups by. */
  fits: (column: ReportColumn) => boolean;
  /** The dimension for a column picked (the previous one's settings kept where they still apply). */
  make: (column: ReportColumn, previous: ReportDimension | undefined) => ReportDimension;
  /** Whether a dimension in the report is of this kind. */
  owns: (dimension: ReportDimension, column: ReportColumn | undefined) => boolean;
  /** Extra settings the kind has (a date's grain), as a choice list; absent: none. */
  option?: { key: 'grain'; values: readonly DateGrain[]; fallback: DateGrain };
}

export const DIMENSION_KINDS: readonly DimensionKind[] = [
  {
    // Select options come out in their defined order, people and departments with their names (the engine's doing).
    id: 'field',
    fits: (c) => c.kind !== 'date',
    make: (c) => ({ id: 'group', field: c.id }),
    owns: (d) => !d.grain,
  },
  {
    id: 'date',
    fits: (c) => c.kind === 'date',
    make: (c, previous) => ({ id: 'group', field: c.id, grain: previous?.grain ?? 'month' }),
    owns: (d) => Boolean(d.grain),
    option: { key: 'grain', values: DATE_GRAINS, fallback: 'month' },
  },
];

export interface MeasureKind {
  aggregate: ReportMeasure['aggregate'];
  /** Count needs no field; the others aggregate one. */
  needsField: boolean;
  fits: (column: ReportColumn) => boolean;
}

/** The aggregates the panel offers; formula, target and data-quality measures (completeness, dormant, duplicates, days) are written in the JSON view for now. */
export const MEASURE_KINDS: readonly MeasureKind[] = (['count', 'sum', 'avg', 'min', 'max', 'distinct_count', 'median'] as const).map((aggregate) => ({
  aggregate,
  needsField: aggregate !== 'count',
  fits: (column: ReportColumn) => aggregateFits(aggregate, column),
}));

export const dimensionKindOf = (dimension: ReportDimension | undefined, column: ReportColumn | undefined): DimensionKind | undefined =>
  dimension ? DIMENSION_KINDS.find((kind) => kind.owns(dimension, column)) : undefined;

export const measureKindOf = (measure: ReportMeasure | undefined): MeasureKind | undefined =>
  MEASURE_KINDS.find((kind) => kind.aggregate === measure?.aggregate);
