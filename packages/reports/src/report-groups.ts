import { type ResolvedJoin, tableRef } from '@tessera/meta';
import { formulaContext, formulaPredicate, type RecordContext, rowScopeAt } from '@tessera/records';
import type { ObjectDefinition, ReportDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import type { PlannedDimension, PlannedMeasure } from './compile-report';
import type { ResolvedRange } from './date-range';
import { type DuplicateSets, isQualityAggregate, qualityMeasureSql } from './quality-measures';
import { columnOf, invalid } from './report-columns';
import { ReportError } from './report-error';
import { joinChainSql, ParentJoins, readableRows } from './report-joins';
import { aggregateSql, dimensionSql, emptyGroupValue } from './report-sql';

/** What the groups are computed over: the source's records, and the report and period asked for. */
export interface GroupsInput {
  object: ObjectDefinition;
  report: ReportDefinition;
  range: ResolvedRange | null;
  /** What the source's counted records satisfy besides being readable and not deleted (conditions naming columns without a table). */
  conditions: RawBuilder<unknown>[];
  dimensions: readonly PlannedDimension[];
  measures: readonly PlannedMeasure[];
  duplicates: DuplicateSets;
}

/**
 * The aggregates over `object`'s rows (the source's, or a join's), each under its alias; a
 * measure's pointer is its index in the report. Left joins quality measures need go into `joins`.
 */
function aggregateSelections(
  ctx: RecordContext,
  object: ObjectDefinition,
  measures: readonly PlannedMeasure[],
  duplicates: DuplicateSets,
  joins: Map<string, RawBuilder<unknown>>,
): RawBuilder<unknown>[] {
  return measures.flatMap(({ measure, alias, index }) => {
    if (measure.aggregate === 'formula' || measure.targets) return [];
    // A fixed target is the same for every group.
    if (measure.aggregate === 'target') return [sql`${String(measure.value ?? 0)}::numeric as ${sql.id(alias)}`];
    if (isQualityAggregate(measure.aggregate)) return [sql`${qualityMeasureSql(ctx, object, measure, index, duplicates, joins)} as ${sql.id(alias)}`];
    const ref = measure.field ? sql.ref(`${object.id}.${columnOf(ctx, object, measure.field, `/measures/${index}/field`).id}`) : null;
    const keep = measure.filter ? formulaPredicate(ctx, object, measure.filter, `/measures/${index}/filter`) : null;
    return [sql`${aggregateSql(measure, ref, keep)} as ${sql.id(alias)}`];
  });
}

const groupBy = (dimensions: readonly PlannedDimension[]) => (dimensions.length ? sql` group by ${sql.join(dimensions.map((_, i) => sql.lit(i + 1)))}` : sql``);

/** The source's measures (join null) or one join's, grouped by the dimensions: each child row counted once per group. */
function sourceGroups(ctx: RecordContext, input: GroupsInput, join: ResolvedJoin | null): RawBuilder<unknown> {
  const { object, dimensions } = input;
  const timeZone = formulaContext(ctx).timeZone;
  const parents = new ParentJoins(ctx, object.id);
  const measureJoins = new Map<string, RawBuilder<unknown>>();
  const select = [
    ...dimensions.map((d) => sql`${dimensionSql(parents.refOf(d.path), d.column, d.dimension, timeZone)} as ${sql.id(d.alias)}`),
    ...aggregateSelections(
      ctx,
      join?.object ?? object,
      input.measures.filter((m) => m.join === join),
      input.duplicates,
      measureJoins,
    ),
  ];
  // A report of formula measures only still needs a select list to group.
  if (select.length === 0) select.push(sql`count(*) as _rows`);
  if (!parents.joins.length && !join && !measureJoins.size) {
    // The source alone: the plain statement a person would write (conditions cannot clash with a joined table's columns).
    const where = [sql`${sql.ref(`${object.id}.deleted_at`)} is null`, rowScopeAt(ctx, object, object.id), ...input.conditions];
    return sql`select ${sql.join(select)} from ${tableRef(ctx.app.appId, object.id)} as ${sql.id(object.id)} where ${sql.join(where, sql` and `)}${groupBy(dimensions)}`;
  }
  const source = readableRows(ctx, object, object.id, input.conditions);
  const joins = [...parents.joins, ...(join ? [joinChainSql(ctx, join, object.id)] : []), ...measureJoins.values()];
  return sql`select ${sql.join(select)} from ${source}${sql.join(joins, sql``)}${groupBy(dimensions)}`;
}

/**
 * A targets measure's groups: the targets the viewer may read, in the report's period, summed by
 * the group keys they have — the person for a user dimension, the month bucketed by the date
 * dimension's grain. A dimension targets do not have (a stage) cannot be targeted.
 */
function targetGroups(ctx: RecordContext, input: GroupsInput, planned: PlannedMeasure): RawBuilder<unknown> {
  const targets = planned.measure.targets;
  const at = `/measures/${planned.index}/targets`;
  const object = targets ? ctx.app.objects.get(targets.object) : undefined;
  if (!targets || !object) throw invalid(`${at}/object`, 'meta.unknown_object', { id: targets?.object ?? '' });
  if (!ctx.access.can('read', object.id)) throw new ReportError('report.forbidden', { object: object.id });
  const amount = columnOf(ctx, object, targets.field, `${at}/field`);
  const month = columnOf(ctx, object, targets.month, `${at}/month`);
  const person = columnOf(ctx, object, targets.person ?? 'owner_id', `${at}/person`);
  const hidden = [amount, month, person].find((c) => ctx.access.hiddenFields(object.id).has(c.id));
  if (hidden) throw new ReportError('report.field_hidden', { field: hidden.field?.label.en ?? hidden.id, id: hidden.id });
  const timeZone = formulaContext(ctx).timeZone;
  const keys = input.dimensions.map((d) => {
    if (d.column.kind === 'user' && !d.path.hops.length) return sql`${sql.ref(`_t.${person.id}`)} as ${sql.id(d.alias)}`;
    if (d.dimension.field === input.report.dateField && d.dimension.grain && ['month', 'quarter', 'year'].includes(d.dimension.grain))
      return sql`${dimensionSql(sql.ref(`_t.${month.id}`), month, d.dimension, timeZone)} as ${sql.id(d.alias)}`;
    throw invalid(at, 'meta.report_target_dimension', { id: d.dimension.field });
  });
  const period = input.range
    ? [sql`${sql.ref(`_t.${month.id}`)} >= ${input.range.from}::date`, sql`${sql.ref(`_t.${month.id}`)} < ${input.range.to}::date`]
    : [];
  const value = sql`coalesce(sum(${sql.ref(`_t.${amount.id}`)}), 0) as ${sql.id(planned.alias)}`;
  return sql`select ${sql.join([...keys, value])} from ${readableRows(ctx, object, '_t', period)}${groupBy(input.dimensions)}`;
}

/**
 * The groups with their aggregates, as one select: the source's measures grouped by the
 * dimensions, and each join's and each targets measure's grouped by the same keys in a query of
 * their own — a child row is counted once per group before it meets the source's groups (a naive
 * join of customers, deals and contracts would count a customer once per contract). The groups
 * are the source's; with targets, also those with a target and no records yet (a rep with a quota
 * and no sale).
 */
export function groupsSql(ctx: RecordContext, input: GroupsInput): RawBuilder<unknown> {
  const { dimensions, measures } = input;
  const joins = [...new Set(measures.flatMap((m) => (m.join ? [m.join] : [])))];
  const targets = measures.filter((m) => m.measure.aggregate === 'target' && m.measure.targets);
  if (joins.length === 0 && targets.length === 0) return sourceGroups(ctx, input, null);
  const parts = [
    { alias: '_g0', sql: sourceGroups(ctx, input, null), measures: measures.filter((m) => !m.join && !targets.includes(m)) },
    ...joins.map((join, j) => ({ alias: `_g${j + 1}`, sql: sourceGroups(ctx, input, join), measures: measures.filter((m) => m.join === join) })),
    ...targets.map((m, t) => ({ alias: `_t${t}`, sql: targetGroups(ctx, input, m), measures: [m] })),
  ];
  const keyList = (alias: string) => sql.join(dimensions.map((d) => sql.ref(`${alias}.${d.alias}`)));
  const keys = !dimensions.length
    ? sql`(select 1) as _k`
    : targets.length
      ? sql`(${sql.join(
          parts.filter((p) => p.alias === '_g0' || p.alias.startsWith('_t')).map((p) => sql`select ${keyList(p.alias)} from ${sql.id(p.alias)}`),
          sql` union `,
        )}) as _k`
      : sql`(select ${keyList('_g0')} from _g0) as _k`;
  const columns = [
    ...dimensions.map((d) => sql.ref(`_k.${d.alias}`)),
    ...parts.flatMap((p) =>
      p.measures
        .filter((m) => m.measure.aggregate !== 'formula')
        .map((m) => sql`${emptyGroupValue(m.measure, sql.ref(`${p.alias}.${m.alias}`))} as ${sql.id(m.alias)}`),
    ),
  ];
  const joined = parts.map((p) => {
    const same = dimensions.map((d) => sql`${sql.ref(`_k.${d.alias}`)} is not distinct from ${sql.ref(`${p.alias}.${d.alias}`)}`);
    return sql` left join ${sql.id(p.alias)} on ${same.length ? sql.join(same, sql` and `) : sql`true`}`;
  });
  const ctes = parts.map((p) => sql`${sql.id(p.alias)} as (${p.sql})`);
  return sql`with ${sql.join(ctes)} select ${sql.join(columns)} from ${keys}${sql.join(joined, sql``)}`;
}
