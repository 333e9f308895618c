import { analyze, compileToSql, dependenciesOf } from '@tessera/expr';
import { measureFields, type ReportColumn, reportColumn, tableRef } from '@tessera/meta';
import { filterPredicates, formulaContext, formulaPredicate, type RecordContext, rowScopeAt } from '@tessera/records';
import type { DateGrain, FilterCondition, ObjectDefinition, ReportDefinition, ReportDimension, ReportMeasure } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { type ResolvedRange, startOfLocalDay } from './date-range';
import { ReportError } from './report-error';

export interface PlannedDimension {
  dimension: ReportDimension;
  column: ReportColumn;
  /** Output column of the group key (`d0`), and of its display name (`d0_label`) for people, departments and related records. */
  alias: string;
  labelled: boolean;
}

export interface PlannedMeasure {
  measure: ReportMeasure;
  alias: string;
}

/** A report compiled for one viewer and one period: the statement, and what its columns mean. */
export interface ReportPlan {
  report: ReportDefinition;
  object: ObjectDefinition;
  dimensions: PlannedDimension[];
  measures: PlannedMeasure[];
  /** The report's list conditions plus its period: what a drill-down hands to the records list. */
  filters: FilterCondition[];
  range: ResolvedRange | null;
  query: RawBuilder<Record<string, unknown>>;
}

/** The period as list conditions on the date field (instants for a date-time field), so a drill-down lists exactly the counted records. */
function periodConditions(column: ReportColumn, range: ResolvedRange, timeZone: string): FilterCondition[] {
  const at = (date: string) => (column.sqlType === 'timestamptz' ? startOfLocalDay(date, timeZone) : date);
  return [
    { field: column.id, op: 'gte', value: at(range.from) },
    { field: column.id, op: 'lt', value: at(range.to) },
  ];
}

/** Every field the report reads, so one the viewer's role hides refuses the report instead of being aggregated. */
function fieldsRead(report: ReportDefinition, object: ObjectDefinition): string[] {
  const fromFormula = (formula: string | undefined) => {
    const checked = formula ? analyze(formula, { fields: object.fields }) : null;
    return checked?.ok ? dependenciesOf(checked.formula).fields : [];
  };
  return [
    ...(report.dimensions ?? []).map((d) => d.field),
    ...report.measures.flatMap((m) => [...(m.field ? [m.field] : []), ...fromFormula(m.filter)]),
    ...(report.filters ?? []).map((f) => f.field),
    ...fromFormula(report.where),
    ...(report.dateField ? [report.dateField] : []),
  ];
}

function requireReadable(ctx: RecordContext, report: ReportDefinition, object: ObjectDefinition): void {
  if (!ctx.access.can('read', object.id)) throw new ReportError('report.forbidden', { object: object.id });
  const hidden = ctx.access.hiddenFields(object.id);
  const field = fieldsRead(report, object).find((id) => hidden.has(id));
  if (field) throw new ReportError('report.field_hidden', { field: object.fields.find((f) => f.id === field)?.label.en ?? field, id: field });
}

function columnOf(ctx: RecordContext, object: ObjectDefinition, id: string, pointer: string): ReportColumn {
  const rollups = new Set((ctx.app.rollups.get(object.id) ?? []).map((r) => r.fieldId));
  const column = reportColumn(object, id, rollups);
  if (!column) throw new ReportError('report.invalid', { count: 1 }, [{ pointer, code: 'meta.report_field', params: { object: object.id, id } }]);
  return column;
}

/** The group key: a date bucketed by a validated grain literal in the app's zone (as 'YYYY-MM-DD'), else the value itself. */
function dimensionSql(ref: RawBuilder<unknown>, column: ReportColumn, grain: DateGrain | undefined, timeZone: string): RawBuilder<unknown> {
  if (column.kind !== 'date' || !grain) return ref;
  const unit = sql.lit(grain);
  if (column.sqlType === 'date') return sql`to_char(date_trunc(${unit}, ${ref}::timestamp), 'YYYY-MM-DD')`;
  return sql`to_char(date_trunc(${unit}, ${ref}, ${timeZone}) at time zone ${timeZone}, 'YYYY-MM-DD')`;
}

/** One aggregate over the group's rows, over only those its filter keeps when it has one. */
function aggregateSql(measure: ReportMeasure, ref: RawBuilder<unknown> | null, keep: RawBuilder<unknown> | null): RawBuilder<unknown> {
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
    case 'min':
      return sql`min(${ref})${filter}`;
    case 'max':
      return sql`max(${ref})${filter}`;
    default:
      throw new Error(`not an aggregate: ${measure.aggregate}`);
  }
}

/** The name shown for a group key: a person's or department's name, a related record's display field (if the viewer may see it). */
function labelSql(ctx: RecordContext, planned: PlannedDimension): RawBuilder<unknown> | null {
  const key = sql.ref(`g.${planned.alias}`);
  if (planned.column.kind === 'user') return sql`(select u.name from users as u where u.id = ${key})`;
  if (planned.column.kind === 'department') return sql`(select dep.name from departments as dep where dep.id = ${key})`;
  const target = planned.column.field?.type === 'relation' && planned.column.field.target ? ctx.app.objects.get(planned.column.field.target) : undefined;
  const display = target?.displayField;
  if (!target || !display || !ctx.access.can('read', target.id) || ctx.access.hiddenFields(target.id).has(display)) return null;
  if (target.fields.find((f) => f.id === display)?.encrypted) return null;
  return sql`(select ${sql.ref(`t.${display}`)}::text from ${tableRef(ctx.app.appId, target.id)} as t
    where t.id = ${key} and t.deleted_at is null and ${rowScopeAt(ctx, target, 't')})`;
}

/** ORDER BY: the sort keys asked for, then each dimension in its natural order (options as defined, names, dates ascending). */
function orderSql(report: ReportDefinition, dimensions: readonly PlannedDimension[], measures: readonly PlannedMeasure[]): RawBuilder<unknown>[] {
  const aliases = new Map<string, string>([
    ...dimensions.map((d) => [d.dimension.id, d.alias] as const),
    ...measures.map((m) => [m.measure.id, m.alias] as const),
  ]);
  const keys = (report.sort ?? []).flatMap((key) => {
    const alias = aliases.get(key.by);
    return alias ? [sql`${sql.id(alias)} ${sql.raw(key.direction === 'desc' ? 'desc' : 'asc')} nulls last`] : [];
  });
  for (const planned of dimensions) {
    const key = sql.ref(`g.${planned.alias}`);
    const options = planned.column.field?.type === 'select' ? (planned.column.field.options ?? []).map((o) => o.value) : null;
    if (options) keys.push(sql`array_position(${options}::text[], ${key}) nulls last`);
    if (planned.labelled) keys.push(sql`${sql.id(`${planned.alias}_label`)} nulls last`);
    keys.push(sql`${key} nulls last`);
  }
  return keys;
}

/**
 * Compiles a report to one parameterized statement under the viewer's access: their row scope
 * at the source table, the list's own filter compiler for conditions and the period, the
 * formula compiler for formula filters and measures. Aggregates run in an inner query grouped
 * by ordinal (a grain literal and a zone parameter appear once), names and formula measures over
 * the groups in the outer one, then sort and top-N.
 */
export function compileReport(ctx: RecordContext, report: ReportDefinition, range: ResolvedRange | null): ReportPlan {
  const object = ctx.app.objects.get(report.object);
  if (!object) throw new ReportError('report.invalid', { count: 1 }, [{ pointer: '/object', code: 'meta.unknown_object', params: { id: report.object } }]);
  requireReadable(ctx, report, object);
  const context = formulaContext(ctx);
  const dateColumn = report.dateField ? columnOf(ctx, object, report.dateField, '/dateField') : null;
  const filters = [...(report.filters ?? []), ...(dateColumn && range ? periodConditions(dateColumn, range, context.timeZone) : [])];

  const dimensions: PlannedDimension[] = (report.dimensions ?? []).map((dimension, i) => ({
    dimension,
    column: columnOf(ctx, object, dimension.field, `/dimensions/${i}/field`),
    alias: `d${i}`,
    labelled: false,
  }));
  const measures: PlannedMeasure[] = report.measures.map((measure, i) => ({ measure, alias: `m${i}` }));
  const aliasOf = new Map(measures.map((m) => [m.measure.id, m.alias] as const));

  const inner = [
    ...dimensions.map((d) => sql`${dimensionSql(sql.ref(`${object.id}.${d.column.id}`), d.column, d.dimension.grain, context.timeZone)} as ${sql.id(d.alias)}`),
    ...measures
      .filter((m) => m.measure.aggregate !== 'formula')
      .map(({ measure, alias }, i) => {
        const ref = measure.field ? sql.ref(`${object.id}.${columnOf(ctx, object, measure.field, `/measures/${i}/field`).id}`) : null;
        const keep = measure.filter ? formulaPredicate(ctx, object, measure.filter, `/measures/${i}/filter`) : null;
        return sql`${aggregateSql(measure, ref, keep)} as ${sql.id(alias)}`;
      }),
  ];
  // A report of formula measures only still needs a select list to group.
  if (inner.length === 0) inner.push(sql`count(*) as _rows`);
  const where = [
    sql`${sql.ref(`${object.id}.deleted_at`)} is null`,
    rowScopeAt(ctx, object, object.id),
    ...filterPredicates(ctx, object, filters),
    ...(report.where ? [formulaPredicate(ctx, object, report.where)] : []),
  ];
  const groupBy = dimensions.length ? sql` group by ${sql.join(dimensions.map((_, i) => sql.lit(i + 1)))}` : sql``;

  const outer: RawBuilder<unknown>[] = [sql`g.*`];
  for (const planned of dimensions) {
    const label = labelSql(ctx, planned);
    planned.labelled = label !== null;
    if (label) outer.push(sql`${label} as ${sql.id(`${planned.alias}_label`)}`);
  }
  const fields = measureFields(report.measures);
  measures.forEach(({ measure, alias }, i) => {
    if (measure.aggregate !== 'formula') return;
    const checked = measure.formula ? analyze(measure.formula, { fields }) : null;
    if (!checked?.ok) {
      const issues = (checked?.errors ?? []).map((e) => ({ pointer: `/measures/${i}/formula`, code: e.code, params: e.params }));
      throw new ReportError('report.invalid', { count: issues.length }, issues);
    }
    const compiled = compileToSql(checked.formula, { column: (id) => sql`cast(${sql.ref(`g.${aliasOf.get(id) ?? id}`)} as numeric)`, context });
    if (!compiled.ok)
      throw new ReportError('report.invalid', { count: 1 }, [{ pointer: `/measures/${i}/formula`, code: compiled.error.code, params: compiled.error.params }]);
    outer.push(sql`${compiled.sql} as ${sql.id(alias)}`);
  });

  const order = orderSql(report, dimensions, measures);
  const query = sql<Record<string, unknown>>`select ${sql.join(outer)} from (
    select ${sql.join(inner)} from ${tableRef(ctx.app.appId, object.id)} as ${sql.id(object.id)}
    where ${sql.join(where, sql` and `)}${groupBy}
  ) as g${order.length ? sql` order by ${sql.join(order)}` : sql``}${report.limit ? sql` limit ${report.limit}` : sql``}`;
  return { report, object, dimensions, measures, filters, range, query };
}
