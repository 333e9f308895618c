import { aggregateFits, type ReportColumn } from '@tessera/meta/validate';
import { DATE_GRAINS, type DateGrain, type ObjectDefinition, type ReportDimension, type ReportMeasure } from '@tessera/schemas';

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
  /** Count and the data-quality measures need no field; the others aggregate one. */
  needsField: boolean;
  fits: (column: ReportColumn) => boolean;
  /** What the object must declare first (a dormancy rule, match rules, key fields): the message saying so, or null when it is there. */
  missing: (object: ObjectDefinition | null) => MeasureRequirement | null;
  /** Shown as a share (0.25 → 25 %): the rates and completeness. */
  percent: boolean;
  /** Counted from a second date (`from`, default the record's creation) to the field: average days. */
  fromDate: boolean;
}

export type MeasureRequirement = 'dash.needs.keyFields' | 'dash.needs.dormancy' | 'dash.needs.matchRules';

const needs =
  (requirement: MeasureRequirement, has: (object: ObjectDefinition) => boolean) =>
  (object: ObjectDefinition | null): MeasureRequirement | null =>
    object && has(object) ? null : requirement;
const always = (): null => null;
const fieldAggregates = ['count', 'sum', 'avg', 'min', 'max', 'distinct_count', 'median'] as const;

/**
 * The aggregates the panel offers: a field's, then the data-quality measures, which read what the
 * object declares (the publish checks refuse them otherwise, so the panel says what is missing
 * instead of offering a report that cannot publish). Formula and target measures are written in
 * the JSON view for now.
 */
export const MEASURE_KINDS: readonly MeasureKind[] = [
  ...fieldAggregates.map((aggregate) => ({
    aggregate,
    needsField: aggregate !== 'count',
    fits: (column: ReportColumn) => aggregateFits(aggregate, column),
    missing: always,
    percent: false,
    fromDate: false,
  })),
  ...(
    [
      ['completeness', needs('dash.needs.keyFields', (o) => Boolean(o.quality?.keyFields?.length)), true],
      ['dormant_count', needs('dash.needs.dormancy', (o) => Boolean(o.quality?.dormantAfterDays)), false],
      ['dormant_rate', needs('dash.needs.dormancy', (o) => Boolean(o.quality?.dormantAfterDays)), true],
      ['duplicate_count', needs('dash.needs.matchRules', (o) => Boolean(o.matchRules?.length)), false],
      ['duplicate_rate', needs('dash.needs.matchRules', (o) => Boolean(o.matchRules?.length)), true],
    ] as const
  ).map(([aggregate, missing, percent]) => ({ aggregate, needsField: false, fits: () => false, missing, percent, fromDate: false })),
  {
    aggregate: 'avg_days',
    needsField: true,
    fits: (column: ReportColumn) => aggregateFits('avg_days', column),
    missing: always,
    percent: false,
    fromDate: true,
  },
];

export const dimensionKindOf = (dimension: ReportDimension | undefined, column: ReportColumn | undefined): DimensionKind | undefined =>
  dimension ? DIMENSION_KINDS.find((kind) => kind.owns(dimension, column)) : undefined;

export const measureKindOf = (measure: ReportMeasure | undefined): MeasureKind | undefined =>
  MEASURE_KINDS.find((kind) => kind.aggregate === measure?.aggregate);
