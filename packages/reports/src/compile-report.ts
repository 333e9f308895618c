import { analyze, compileToSql, dependenciesOf } from '@tessera/expr';
import { measureFields, type ReportColumn, type ReportPath, type ResolvedJoin, resolveJoins, tableRef } from '@tessera/meta';
import { filterPredicates, formulaContext, formulaPredicate, type RecordContext, rowScopeAt } from '@tessera/records';
import type { FieldDefinition, FilterCondition, ObjectDefinition, ReportDefinition, ReportDimension, ReportMeasure } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { type ResolvedRange, startOfLocalDay } from './date-range';
import { funnelSql, funnelSteps } from './funnel-sql';
import type { DuplicateSets } from './quality-measures';
import { columnOf, invalid, pathOf } from './report-columns';
import { ReportError } from './report-error';
import { groupsSql } from './report-groups';
import { readableRows } from './report-joins';

export interface PlannedDimension {
  dimension: ReportDimension;
  /** The column grouped by, and the relations walked to reach it (none for the source's own field). */
  column: ReportColumn;
  path: ReportPath;
  /** Output column of the group key (`d0`), and of its display name (`d0_label`) for people, departments and related records. */
  alias: string;
  labelled: boolean;
}

export interface PlannedMeasure {
  measure: ReportMeasure;
  alias: string;
  /** Its place in the report's measures, for error pointers. */
  index: number;
  /** The join whose records it aggregates; null: the source's. */
  join: ResolvedJoin | null;
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
  /** A funnel report: the select field followed and its steps in order. */
  funnel?: { field: FieldDefinition; steps: string[] } | undefined;
}

/** The period as list conditions on the date field (instants for a date-time field), so a drill-down lists exactly the counted records. */
function periodConditions(column: ReportColumn, range: ResolvedRange, timeZone: string): FilterCondition[] {
  const at = (date: string) => (column.sqlType === 'timestamptz' ? startOfLocalDay(date, timeZone) : date);
  return [
    { field: column.id, op: 'gte', value: at(range.from) },
    { field: column.id, op: 'lt', value: at(range.to) },
  ];
}

/** A field read by the report, on the object that holds it (the source, a related record, a joined child). */
interface FieldRead {
  object: ObjectDefinition;
  field: string;
}

/** The fields an object's match rules compare. */
const matchRuleFields = (object: ObjectDefinition): string[] =>
  (object.matchRules ?? []).flatMap((rule) => [...(rule.fields ?? []), ...(rule.contactFields ?? []), ...(rule.nameField ? [rule.nameField] : [])]);

/** Fields a formula reads on `object` (none when it does not check: that is reported where it is compiled). */
function formulaFields(object: ObjectDefinition, formula: string | undefined): FieldRead[] {
  const checked = formula ? analyze(formula, { fields: object.fields }) : null;
  return checked?.ok ? dependenciesOf(checked.formula).fields.map((field) => ({ object, field })) : [];
}

/** Every field the report reads, on every object it touches, so one the viewer's role hides refuses the report instead of being aggregated. */
function fieldsRead(report: ReportDefinition, object: ObjectDefinition, paths: readonly ReportPath[], measures: readonly PlannedMeasure[]): FieldRead[] {
  return [
    ...paths.flatMap((path) => [
      ...path.hops.map((hop, i) => ({ object: i === 0 ? object : (path.hops[i - 1]?.target ?? object), field: hop.field.id })),
      { object: path.object, field: path.column.id },
    ]),
    ...measures.flatMap(({ measure, join }) => {
      const on = join?.object ?? object;
      const keyFields = measure.aggregate === 'completeness' ? (measure.fields ?? on.quality?.keyFields ?? []) : [];
      // A duplicate rate compares the rules' fields: one the viewer may not see would tell of its values.
      const ruleFields = measure.aggregate.startsWith('duplicate_') ? matchRuleFields(on) : [];
      const from = measure.aggregate === 'avg_days' ? [measure.from ?? 'created_at'] : [];
      return [
        ...(measure.field ? [{ object: on, field: measure.field }] : []),
        ...[...ruleFields, ...from].map((field) => ({ object: on, field })),
        ...keyFields.map((field) => ({ object: on, field })),
        ...formulaFields(on, measure.filter),
      ];
    }),
    ...measures.flatMap(({ join }) => (join ? [{ object: join.object, field: join.via.id }] : [])),
    ...formulaFields(object, report.where),
    ...(report.dateField ? [{ object, field: report.dateField }] : []),
    ...(report.funnel ? [{ object, field: report.funnel.field }] : []),
  ];
}

function requireReadable(ctx: RecordContext, read: readonly FieldRead[], object: ObjectDefinition): void {
  for (const touched of new Set([object, ...read.map((r) => r.object)]))
    if (!ctx.access.can('read', touched.id)) throw new ReportError('report.forbidden', { object: touched.id });
  const hidden = read.find((r) => ctx.access.hiddenFields(r.object.id).has(r.field));
  if (hidden)
    throw new ReportError('report.field_hidden', {
      field: hidden.object.fields.find((f) => f.id === hidden.field)?.label.en ?? hidden.field,
      id: hidden.field,
    });
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

/** Formulas over the aggregates (win rate), computed in the outer query from the inner one's columns. */
function formulaMeasureSelections(
  report: ReportDefinition,
  measures: readonly PlannedMeasure[],
  context: ReturnType<typeof formulaContext>,
): RawBuilder<unknown>[] {
  const fields = measureFields(report.measures);
  const aliasOf = new Map(measures.map((m) => [m.measure.id, m.alias] as const));
  return measures.flatMap(({ measure, alias }, i) => {
    if (measure.aggregate !== 'formula') return [];
    const checked = measure.formula ? analyze(measure.formula, { fields }) : null;
    if (!checked?.ok) {
      const issues = (checked?.errors ?? []).map((e) => ({ pointer: `/measures/${i}/formula`, code: e.code, params: e.params }));
      throw new ReportError('report.invalid', { count: issues.length }, issues);
    }
    const compiled = compileToSql(checked.formula, { column: (id) => sql`cast(${sql.ref(`g.${aliasOf.get(id) ?? id}`)} as numeric)`, context });
    if (!compiled.ok)
      throw new ReportError('report.invalid', { count: 1 }, [{ pointer: `/measures/${i}/formula`, code: compiled.error.code, params: compiled.error.params }]);
    return [sql`${compiled.sql} as ${sql.id(alias)}`];
  });
}

/** The report's joins, and each measure's: the join named, or null for the source's own records. */
function planMeasures(ctx: RecordContext, report: ReportDefinition): PlannedMeasure[] {
  const { joins, issues } = resolveJoins(ctx.app.objects, report);
  const first = issues[0];
  if (first) throw invalid(`/joins/${first.index}/${first.at}`, first.code, first.params);
  return report.measures.map((measure, index) => {
    const join = measure.join && measure.aggregate !== 'formula' ? joins.get(measure.join) : null;
    if (join === undefined) throw invalid(`/measures/${index}/join`, 'meta.report_unknown_ref', { id: measure.join ?? '' });
    return { measure, alias: `m${index}`, index, join };
  });
}

/** The source's records the report counts: the list's conditions (on its own fields and on related records') and the period, the formula filter. */
function sourceConditions(ctx: RecordContext, report: ReportDefinition, object: ObjectDefinition, filters: readonly FilterCondition[]): RawBuilder<unknown>[] {
  return [...filterPredicates(ctx, object, filters), ...(report.where ? [formulaPredicate(ctx, object, report.where)] : [])];
}

/**
 * Compiles a report to one parameterized statement under the viewer's access: their row scope
 * at every table it reads (the source, related records, joined children), the list's own filter
 * compiler for conditions and the period, the formula compiler for formula filters and measures.
 * Aggregates run in an inner query grouped by ordinal (a grain literal and a zone parameter
 * appear once), names and formula measures over the groups in the outer one, then sort and top-N.
 */
export function compileReport(ctx: RecordContext, report: ReportDefinition, range: ResolvedRange | null, duplicates: DuplicateSets = new Map()): ReportPlan {
  const object = ctx.app.objects.get(report.object);
  if (!object) throw invalid('/object', 'meta.unknown_object', { id: report.object });
  const measures = planMeasures(ctx, report);
  const dimensions: PlannedDimension[] = (report.dimensions ?? []).map((dimension, i) => {
    const path = pathOf(ctx, object, dimension.field, `/dimensions/${i}/field`);
    return { dimension, path, column: path.column, alias: `d${i}`, labelled: false };
  });
  const filterPaths = (report.filters ?? []).map((f, i) => pathOf(ctx, object, f.field, `/filters/${i}/field`));
  requireReadable(ctx, fieldsRead(report, object, [...dimensions.map((d) => d.path), ...filterPaths], measures), object);
  const context = formulaContext(ctx);
  const dateColumn = report.dateField ? columnOf(ctx, object, report.dateField, '/dateField') : null;
  const filters = [...(report.filters ?? []), ...(dateColumn && range ? periodConditions(dateColumn, range, context.timeZone) : [])];
  const conditions = sourceConditions(ctx, report, object, filters);
  if (report.funnel) {
    const field = object.fields.find((f) => f.id === report.funnel?.field && f.type === 'select');
    if (!field) throw invalid('/funnel/field', 'meta.report_funnel_field', { id: report.funnel.field });
    const steps = funnelSteps(report.funnel, field);
    const query = funnelSql(ctx, object, readableRows(ctx, object, object.id, conditions), field.id, report.funnel, steps) as RawBuilder<
      Record<string, unknown>
    >;
    return { report, object, dimensions: [], measures, filters, range, query, funnel: { field, steps } };
  }

  const outer: RawBuilder<unknown>[] = [sql`g.*`];
  for (const planned of dimensions) {
    const label = labelSql(ctx, planned);
    planned.labelled = label !== null;
    if (label) outer.push(sql`${label} as ${sql.id(`${planned.alias}_label`)}`);
  }
  outer.push(...formulaMeasureSelections(report, measures, context));

  const order = orderSql(report, dimensions, measures);
  const groups = groupsSql(ctx, { object, report, range, conditions, dimensions, measures, duplicates });
  const query = sql<Record<string, unknown>>`select ${sql.join(outer)} from (${groups}) as g${
    order.length ? sql` order by ${sql.join(order)}` : sql``
  }${report.limit ? sql` limit ${report.limit}` : sql``}`;
  return { report, object, dimensions, measures, filters, range, query };
}
