import type { ReportColumn } from '@tessera/meta';
import type { DateGrain, ReportBucket, ReportMeasure } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';

/** A number's bucket as its lower bound: fixed width from zero, or the last edge at or below it (the first edge takes everything below the second). */
function bucketSql(ref: RawBuilder<unknown>, bucket: ReportBucket): RawBuilder<unknown> {
  if (bucket.width !== undefined) return sql`floor(${ref} / ${String(bucket.width)}::numeric) * ${String(bucket.width)}::numeric`;
  const edges = sql`${(bucket.edges ?? []).map(String)}::numeric[]`;
  return sql`case when ${ref} is null then null else (${edges})[greatest(width_bucket(${ref}, ${edges}), 1)] end`;
}

/** The group key: a date bucketed by a validated grain literal in the app's zone (as 'YYYY-MM-DD'), a number by its bucket, else the value itself. */
export function dimensionSql(
  ref: RawBuilder<unknown>,
  column: ReportColumn,
  shape: { grain?: DateGrain | undefined; bucket?: ReportBucket | undefined },
  timeZone: string,
): RawBuilder<unknown> {
  if (column.kind === 'number' && shape.bucket) return bucketSql(ref, shape.bucket);
  if (column.kind !== 'date' || !shape.grain) return ref;
  const unit = sql.lit(shape.grain);
  if (column.sqlType === 'date') return sql`to_char(date_trunc(${unit}, ${ref}::timestamp), 'YYYY-MM-DD')`;
  return sql`to_char(date_trunc(${unit}, ${ref}, ${timeZone}) at time zone ${timeZone}, 'YYYY-MM-DD')`;
}

/** One aggregate over the group's rows, over only those its filter keeps when it has one. */
export function aggregateSql(measure: ReportMeasure, ref: RawBuilder<unknown> | null, keep: RawBuilder<unknown> | null): RawBuilder<unknown> {
  const filter = keep ? sql` filter (where ${keep})` : sql``;
  switch (measure.aggregate) {
    case 'count':
      return ref ? sql`count(${ref})${filter}` : sql`count(*)${filter}`;
    case 'distinct_count':
      return sql`count(distinct ${ref})${filter}`;
    case 'sum':
      return sql`coalesce(sum(${ref})${filter}, 0)`;
    case 'avg':
      return sql`avg(${ref})${filter}`;
    case 'median':
      // The continuous median (the mean of the two middle values for an even count), as spreadsheets' MEDIAN has it.
      return sql`percentile_cont(0.5) within group (order by ${ref})${filter}`;
    case 'min':
      return sql`min(${ref})${filter}`;
    case 'max':
      return sql`max(${ref})${filter}`;
    default:
      throw new Error(`not an aggregate: ${measure.aggregate}`);
  }
}

/** Counts, sums and targets of a group without such records are zero (or the fixed target), not blank. */
export function emptyGroupValue(measure: ReportMeasure, ref: RawBuilder<unknown>): RawBuilder<unknown> {
  // A fixed target holds for a group with a target record and no sale too.
  if (measure.aggregate === 'target' && measure.value !== undefined) return sql`coalesce(${ref}, ${String(measure.value)}::numeric)`;
  const zero = ['count', 'distinct_count', 'sum', 'target'].includes(measure.aggregate);
  return zero ? sql`coalesce(${ref}, 0)` : ref;
}
