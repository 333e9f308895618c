import { MAX_REPORT_HOPS, tableRef } from '@tessera/meta';
import type { FilterCondition, ObjectDefinition, SortKey } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { DORMANT_FLAG, dormantCondition, dormantSelection } from './dormant';
import { filterSql } from './filter-sql';
import { type FormatBreaks, resolveFormatFilters } from './format-filter';
import { formulaPredicate } from './formula-filter';
import { decodeCursor, encodeCursor, keysetPredicate, type SortColumn } from './keyset';
import { planLineCounts, takeLineCounts } from './line-counts';
import { sumRows } from './list-sums';
import { objectOf } from './live-app';
import { operatorsFor, queryableColumn, SORTABLE } from './query-fields';
import { type RecordRow, toRecordJson } from './record-columns';
import { type RecordContext, requireAction } from './record-context';
import { type FieldIssue, RecordError } from './record-error';
import { expandDisplay } from './record-read';
import { readSelections } from './rollups';
import { rowScopeAt, rowScopeSql } from './row-scope';
import { openRow } from './sealed-fields';

export interface ListQuery {
  filters?: FilterCondition[] | undefined;
  /** A yes/no formula the listed records satisfy as well (a report's drill-down carries its formula filters here). */
  where?: string | undefined;
  sort?: SortKey[] | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
  offset?: number | undefined;
  count?: boolean | undefined;
  deleted?: boolean | undefined;
  /** Fields to add up over every matching row (a kanban column's amount). */
  sums?: string[] | undefined;
}

export interface ListResult {
  /** Records as `GET …/:id` has them, less child rows: `_lineCounts` (by child-table field) stands for those. */
  items: RecordRow[];
  total: number | null;
  totalIsEstimate: boolean;
  nextCursor: string | null;
  /** By field id, when the query asked for sums: exact decimals as text. */
  sums?: Record<string, string>;
}

const rollupIds = (ctx: RecordContext, object: ObjectDefinition): ReadonlySet<string> => new Set((ctx.app.rollups.get(object.id) ?? []).map((r) => r.fieldId));

/** Past this many matching rows (by the planner's estimate) a list shows an estimate, labelled as one. */
export const EXACT_COUNT_LIMIT = 100_000;
const DEFAULT_SORT: SortColumn[] = [{ column: 'created_at', direction: 'desc', sqlType: 'timestamptz' }];

/**
 * A condition on a related record's field (`customer.industry = 'retail'`, a report's drill-down
 * on a joined key): the row is kept when the record it points to exists, the actor may read it
 * and it meets the condition — compiled by this same filter compiler inside the innermost
 * subquery, so hidden fields, encrypted values and operators are checked as on the list itself.
 * Null when the path does not walk readable relations to a visible field.
 */
function pathConditionSql(ctx: RecordContext, object: ObjectDefinition, condition: FilterCondition, depth: number): RawBuilder<unknown> | null {
  const [head, ...rest] = condition.field.split('.');
  const field = object.fields.find((f) => f.id === head);
  const target = field?.type === 'relation' && field.target && !field.encrypted ? ctx.app.objects.get(field.target) : undefined;
  if (!field || !target || depth >= MAX_REPORT_HOPS || ctx.access.hiddenFields(object.id).has(field.id) || !ctx.access.can('read', target.id)) return null;
  const alias = `_f${depth}`;
  // Inside the derived table the condition's columns need no table name, so they cannot clash with the outer row's.
  const inner = filterPredicates(ctx, target, [{ ...condition, field: rest.join('.') }], undefined, depth + 1);
  const scoped = [sql`${sql.ref(`${alias}.deleted_at`)} is null`, rowScopeAt(ctx, target, alias), ...inner];
  const readable = sql`(select * from ${tableRef(ctx.app.appId, target.id)} as ${sql.id(alias)} where ${sql.join(scoped, sql` and `)}) as ${sql.id(alias)}`;
  return sql`exists (select 1 from ${readable} where ${sql.ref(`${alias}.id`)} = ${sql.ref(`${outerAliasOf(object, depth)}.${field.id}`)})`;
}

/** The outer row of a path condition: the object's own table (named by its id) at the top, the enclosing subquery's alias below. */
const outerAliasOf = (object: ObjectDefinition, depth: number) => (depth === 0 ? object.id : `_f${depth - 1}`);

/**
 * A list's filter conditions as SQL predicates over the object's table (named by its id); a field
 * may be a path along relation fields. Unknown fields and operators are a `query.invalid`. A
 * `breaks_format` condition needs its values found first (`resolveFormatFilters`): a caller that
 * did not is refused it, as a `query.value` (along a path it always is).
 */
export function filterPredicates(
  ctx: RecordContext,
  object: ObjectDefinition,
  filters: readonly FilterCondition[] | undefined,
  formatBreaks?: FormatBreaks,
  depth = 0,
): RawBuilder<unknown>[] {
  const hidden = ctx.access.hiddenFields(object.id);
  const issues: FieldIssue[] = [];
  const predicates: RawBuilder<unknown>[] = [];
  (filters ?? []).forEach((condition, i) => {
    const pointer = `/filters/${i}`;
    const unknown = () => issues.push({ field: condition.field, pointer: `${pointer}/field`, code: 'query.unknown_field', params: { field: condition.field } });
    if (condition.field === DORMANT_FLAG) {
      const predicate = dormantCondition(ctx, object, condition, pointer, issues);
      return void (predicate === undefined ? unknown() : predicate && predicates.push(predicate));
    }
    if (condition.field.includes('.')) {
      // "Blank" along a path: no readable related record with a value — a report groups a deal without a customer, or with one the viewer may not read, under the blank key.
      const blank = condition.op === 'is_empty';
      const predicate = pathConditionSql(ctx, object, blank ? { ...condition, op: 'is_not_empty' } : condition, depth);
      return void (predicate ? predicates.push(blank ? sql`not ${predicate}` : predicate) : unknown());
    }
    const column = queryableColumn(object, condition.field, hidden, rollupIds(ctx, object));
    if (!column) return void unknown();
    if (!operatorsFor(column).includes(condition.op))
      return void issues.push({
        field: condition.field,
        pointer: `${pointer}/op`,
        code: 'query.operator',
        params: { field: condition.field, op: condition.op },
      });
    const predicate = filterSql(column, condition, issues, `${pointer}/value`, formatBreaks);
    if (predicate) predicates.push(predicate);
  });
  if (issues.length) throw new RecordError('query.invalid', issues, { count: issues.length });
  return predicates;
}

function compileWhere(ctx: RecordContext, object: ObjectDefinition, query: ListQuery, formatBreaks: FormatBreaks): RawBuilder<unknown>[] {
  const where = query.where ? [formulaPredicate(ctx, object, query.where)] : [];
  return [
    query.deleted ? sql`deleted_at is not null` : sql`deleted_at is null`,
    rowScopeSql(ctx, object),
    ...filterPredicates(ctx, object, query.filters, formatBreaks),
    ...where,
  ];
}

function compileSort(ctx: RecordContext, object: ObjectDefinition, sort: SortKey[] | undefined): SortColumn[] {
  const hidden = ctx.access.hiddenFields(object.id);
  const issues: FieldIssue[] = [];
  const keys: SortColumn[] = [];
  (sort?.length ? sort : []).forEach((key, i) => {
    const column = queryableColumn(object, key.field, hidden, rollupIds(ctx, object));
    if (!column || !SORTABLE.has(column.sqlType) || column.field?.encrypted)
      return void issues.push({ field: key.field, pointer: `/sort/${i}/field`, code: 'query.unknown_field', params: { field: key.field } });
    if (key.field !== 'id') keys.push({ column: key.field, direction: key.direction ?? 'asc', sqlType: column.sqlType });
  });
  if (issues.length) throw new RecordError('query.invalid', issues, { count: issues.length });
  const ordered = keys.length ? keys : DEFAULT_SORT;
  // id breaks ties, so paging is stable even when many rows share a sort value.
  return [...ordered, { column: 'id', direction: ordered.at(-1)?.direction ?? 'asc', sqlType: 'uuid' }];
}

async function countRows(ctx: RecordContext, from: RawBuilder<unknown>, where: RawBuilder<unknown>): Promise<{ total: number; estimate: boolean }> {
  const { rows } = await sql<{
    'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] | string;
  }>`explain (format json) select 1 from ${from} where ${where}`.execute(ctx.db);
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = typeof raw === 'string' ? (JSON.parse(raw) as [{ Plan: { 'Plan Rows': number } }]) : raw;
  const estimate = plan?.[0]?.Plan['Plan Rows'] ?? 0;
  if (estimate > EXACT_COUNT_LIMIT) return { total: Math.round(estimate), estimate: true };
  const exact = await sql<{ n: string }>`select count(*) as n from ${from} where ${where}`.execute(ctx.db);
  return { total: Number(exact.rows[0]?.n ?? 0), estimate: false };
}

/** A page of records: filters, multi-key sort, keyset (or offset) paging, and a total. */
export async function listRecords(ctx: RecordContext, objectId: string, query: ListQuery): Promise<ListResult> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'read', object);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
  const conditions = compileWhere(ctx, object, query, await resolveFormatFilters(ctx, object, query.filters));
  const keys = compileSort(ctx, object, query.sort);
  const from = tableRef(ctx.app.appId, object.id);
  const baseWhere = sql.join(conditions, sql` and `);
  const pageConditions = query.cursor ? [...conditions, keysetPredicate(keys, decodeCursor(query.cursor, keys))] : conditions;
  const lineCounts = planLineCounts(ctx, object);
  // The cursor carries the sort values as PostgreSQL prints them: a timestamp keeps its microseconds
  // (a JS Date would drop them, and rows written by one statement — an import — share one instant).
  const cursorValues = sql`json_build_array(${sql.join(keys.map((k) => sql`${sql.ref(k.column)}::text`))}) as "__cursor"`;
  const columns = [...readSelections(ctx, object), ...dormantSelection(ctx, object), ...lineCounts.selections, cursorValues];
  const orderBy = sql.join(keys.map((k) => (k.direction === 'desc' ? sql`${sql.ref(k.column)} desc` : sql`${sql.ref(k.column)} asc`)));
  const offset = !query.cursor && query.offset ? sql` offset ${query.offset}` : sql``;
  const [{ rows }, count, sums] = await Promise.all([
    sql<RecordRow>`select ${sql.join(columns)} from ${from} where ${sql.join(pageConditions, sql` and `)}
      order by ${orderBy} limit ${limit + 1}${offset}`.execute(ctx.db),
    query.count === false ? Promise.resolve(null) : countRows(ctx, from, baseWhere),
    query.sums?.length ? sumRows(ctx, object, query.sums, rollupIds(ctx, object), from, baseWhere) : Promise.resolve(null),
  ]);
  const cursors = rows.map(({ __cursor }) => (typeof __cursor === 'string' ? JSON.parse(__cursor) : __cursor) as unknown[]);
  const page = rows.slice(0, limit).map(({ __cursor: _, ...row }) => takeLineCounts(row, lineCounts));
  const last = rows.length > limit ? cursors[limit - 1] : undefined;
  const items = await expandDisplay(
    ctx,
    object,
    page.map(({ row }) => openRow(ctx, object, toRecordJson(row), 'masked')),
  );
  return {
    items: lineCounts.fieldIds.length ? items.map((item, i) => ({ ...item, _lineCounts: page[i]!.counts })) : items,
    total: count?.total ?? null,
    totalIsEstimate: count?.estimate ?? false,
    nextCursor: last ? encodeCursor(last) : null,
    ...(sums ? { sums } : {}),
  };
}

export interface ListTotal {
  total: number;
  totalIsEstimate: boolean;
}

/**
 * A list's total on its own, asked for beside the rows (`count: false`) so the first page never
 * waits for a count of the whole filtered set: exact up to EXACT_COUNT_LIMIT, the planner's
 * estimate, labelled as one, past it.
 */
export async function countRecords(ctx: RecordContext, objectId: string, query: Pick<ListQuery, 'filters' | 'where' | 'deleted'>): Promise<ListTotal> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'read', object);
  const conditions = compileWhere(ctx, object, query, await resolveFormatFilters(ctx, object, query.filters));
  const { total, estimate } = await countRows(ctx, tableRef(ctx.app.appId, object.id), sql.join(conditions, sql` and `));
  return { total, totalIsEstimate: estimate };
}
