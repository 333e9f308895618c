import { dormantJoins, formulaPredicate, type RecordContext } from '@tessera/records';
import { type ObjectDefinition, QUALITY_AGGREGATES, type ReportMeasure } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { columnOf, invalid } from './report-columns';

/** The records of each object that duplicate another the viewer may read (read before the statement is compiled). */
export type DuplicateSets = ReadonlyMap<string, readonly string[]>;

const QUALITY: ReadonlySet<string> = new Set(QUALITY_AGGREGATES);
/** An aggregate about the data itself (completeness, dormancy, duplicates, days between two dates), computed here. */
export const isQualityAggregate = (aggregate: ReportMeasure['aggregate']): boolean => QUALITY.has(aggregate);

/**
 * Data completeness: per record, the share of its key fields that are filled (blank text counts
 * as empty, as the list's "is empty" has it), averaged over the group's records.
 */
function completenessSql(ctx: RecordContext, object: ObjectDefinition, measure: ReportMeasure, index: number): RawBuilder<unknown> {
  const fields = measure.fields ?? object.quality?.keyFields ?? [];
  if (!fields.length) throw invalid(`/measures/${index}/fields`, 'meta.report_completeness', { object: object.id });
  const filled = fields.map((id, f) => {
    const column = columnOf(ctx, object, id, `/measures/${index}/fields/${f}`);
    const ref = sql.ref(`${object.id}.${column.id}`);
    return column.sqlType === 'text' ? sql`(nullif(${ref}, '') is not null)::int` : sql`(${ref} is not null)::int`;
  });
  return sql`(${sql.join(filled, sql` + `)})::numeric / ${fields.length}`;
}

/** Days from `from` (default created_at) to `field`, for records with both (a won deal's sales cycle). */
function daysSql(ctx: RecordContext, object: ObjectDefinition, measure: ReportMeasure, index: number): RawBuilder<unknown> {
  const at = (id: string, pointer: string) => {
    const column = columnOf(ctx, object, id, pointer);
    if (column.kind !== 'date') throw invalid(pointer, 'meta.report_aggregate_type', { aggregate: measure.aggregate, id });
    return sql`${sql.ref(`${object.id}.${column.id}`)}::timestamptz`;
  };
  if (!measure.field) throw invalid(`/measures/${index}`, 'schema.required', { missing: 'field' });
  const end = at(measure.field, `/measures/${index}/field`);
  const start = at(measure.from ?? 'created_at', `/measures/${index}/from`);
  return sql`extract(epoch from (${end} - ${start}))::numeric / 86400`;
}

/** Whether each record is a duplicate: its id among the viewer's duplicate set of the object. */
function duplicateSql(object: ObjectDefinition, duplicates: DuplicateSets, index: number): RawBuilder<unknown> {
  const ids = duplicates.get(object.id);
  if (!ids) throw invalid(`/measures/${index}/aggregate`, 'meta.report_duplicates', { object: object.id });
  return sql`${sql.ref(`${object.id}.id`)} = any(${ids}::uuid[])`;
}

/**
 * One quality measure over the group's rows of `object` (aliased by its id), over only those the
 * measure's filter keeps: a share is an average of 0/1 per record, a count a filtered count.
 * Left joins the measure needs beside the rows (dormancy's recent activity) go into `joins`, by name.
 */
export function qualityMeasureSql(
  ctx: RecordContext,
  object: ObjectDefinition,
  measure: ReportMeasure,
  index: number,
  duplicates: DuplicateSets,
  joins: Map<string, RawBuilder<unknown>>,
): RawBuilder<unknown> {
  const keep = measure.filter ? formulaPredicate(ctx, object, measure.filter, `/measures/${index}/filter`) : null;
  const only = (extra: RawBuilder<unknown> | null) => {
    const all = [keep, extra].filter((p): p is RawBuilder<unknown> => p !== null);
    return all.length ? sql` filter (where ${sql.join(all, sql` and `)})` : sql``;
  };
  const dormant = () => {
    const dormancy = dormantJoins(ctx, object);
    if (!dormancy) throw invalid(`/measures/${index}/aggregate`, 'meta.report_dormant', { object: object.id });
    for (const [name, join] of dormancy.joins) joins.set(name, join);
    return dormancy.predicate;
  };
  switch (measure.aggregate) {
    case 'completeness':
      return sql`avg(${completenessSql(ctx, object, measure, index)})${only(null)}`;
    case 'dormant_count':
      return sql`count(*)${only(dormant())}`;
    case 'dormant_rate':
      return sql`avg((${dormant()})::int)${only(null)}`;
    case 'duplicate_count':
      return sql`count(*)${only(duplicateSql(object, duplicates, index))}`;
    case 'duplicate_rate':
      return sql`avg((${duplicateSql(object, duplicates, index)})::int)${only(null)}`;
    case 'avg_days':
      return sql`avg(${daysSql(ctx, object, measure, index)})${only(null)}`;
    default:
      throw new Error(`not a quality measure: ${measure.aggregate}`);
  }
}
