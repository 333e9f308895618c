import { isSystemColumn, sqlTypeOf, tableRef } from '@tessera/meta';
import type { ActivitySource, FilterCondition, ObjectDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { formulaContext, type RecordContext } from './record-context';
import type { FieldIssue } from './record-error';
import { rowScopeAt } from './row-scope';

/** No activity configured: a record is active while it changes. */
const OWN_LAST_CHANGE: readonly ActivitySource[] = [{ field: 'updated_at' }];

/** A date or date-time column of `object` the actor may read (a hidden date would tell whether it is recent). */
function readableDate(ctx: RecordContext, object: ObjectDefinition, id: string): boolean {
  if (ctx.access.hiddenFields(object.id).has(id)) return false;
  if (id === 'created_at' || id === 'updated_at') return true;
  if (isSystemColumn(id)) return false;
  const field = object.fields.find((f) => f.id === id);
  const type = field && !field.encrypted ? sqlTypeOf(field) : null;
  return type === 'date' || type === 'timestamptz';
}

/** Records related to the row aliased `alias` that show activity at or after the cutoff: their table, link and conditions. */
interface RecentRelated {
  from: RawBuilder<unknown>;
  link: RawBuilder<unknown>;
  recent: RawBuilder<unknown>;
}

/** What can wake the row aliased `alias`: its own dates' quiet conditions, and its related records' recent activity. */
interface Activity {
  ownQuiet: RawBuilder<unknown>[];
  related: RecentRelated[];
}

/**
 * The object's activity sources for the row aliased `alias`, each as far as the actor may read it
 * (an unreadable source does not count): "no date at or after the cutoff" per source, which
 * PostgreSQL can answer set-based, rather than "the latest date is before it", a max() per row.
 */
function activityOf(ctx: RecordContext, object: ObjectDefinition, alias: string, cutoff: RawBuilder<unknown>): Activity {
  const activity: Activity = { ownQuiet: [], related: [] };
  (object.quality?.activity ?? OWN_LAST_CHANGE).forEach((source, index) => {
    const field = source.field ?? 'updated_at';
    if (!source.object || !source.via) {
      const at = sql.ref(`${alias}.${field}`);
      if (readableDate(ctx, object, field)) activity.ownQuiet.push(sql`(${at} is null or ${at} < ${cutoff})`);
      return;
    }
    const related = ctx.app.objects.get(source.object);
    if (!related || !ctx.access.can('read', related.id) || ctx.access.hiddenFields(related.id).has(source.via)) return;
    if (!readableDate(ctx, related, field)) return;
    const at = `_act${index}`;
    // The related records the actor may read: a visit a colleague keeps to themselves is not activity the rep knows of.
    activity.related.push({
      from: sql`${tableRef(ctx.app.appId, related.id)} as ${sql.id(at)}`,
      link: sql.ref(`${at}.${source.via}`),
      recent: sql`${sql.ref(`${at}.deleted_at`)} is null and ${sql.ref(`${at}.${field}`)} >= ${cutoff} and ${rowScopeAt(ctx, related, at)}`,
    });
  });
  return activity;
}

/** The local calendar day `days` before today in the app's zone, as YYYY-MM-DD. */
function dayBefore(today: Date, timeZone: string, days: number): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(today);
  const shifted = new Date(`${local}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() - days);
  return shifted.toISOString().slice(0, 10);
}

/** The object's activity for the row aliased `alias`, with its cutoff; null when the object has no dormancy rule. */
function dormancyOf(ctx: RecordContext, object: ObjectDefinition, alias: string): Activity | null {
  const days = object.quality?.dormantAfterDays;
  if (!days) return null;
  const { timeZone, now } = formulaContext(ctx);
  // Day-granular, so a cached result is keyed by the day and expires at midnight.
  return activityOf(ctx, object, alias, sql`(${dayBefore(now, timeZone, days)}::date::timestamp at time zone ${timeZone})`);
}

const allOf = (conditions: RawBuilder<unknown>[]): RawBuilder<boolean> =>
  conditions.length ? sql<boolean>`(${sql.join(conditions, sql` and `)})` : sql<boolean>`true`;

/**
 * Whether the row aliased `alias` is dormant: no activity (its own dates, its related records',
 * as the object's quality.activity lists them, each as far as the actor may read) since the start
 * of the local day `dormantAfterDays` ago. Null when the object has no dormancy rule.
 *
 * `where` suits a filter: each related source is a NOT EXISTS, which PostgreSQL runs as one hash
 * anti-join over the related table. `row` suits a flag on a page of rows: a scalar probe per row
 * (the related link's index), which the planner cannot turn into hashing the whole related table.
 */
export function dormantSql(
  ctx: RecordContext,
  object: ObjectDefinition,
  alias: string = object.id,
  shape: 'where' | 'row' = 'where',
): RawBuilder<boolean> | null {
  const activity = dormancyOf(ctx, object, alias);
  if (!activity) return null;
  const id = sql.ref(`${alias}.id`);
  const related = activity.related.map(({ from, link, recent }) =>
    shape === 'where'
      ? sql`not exists (select from ${from} where ${link} = ${id} and ${recent})`
      : sql`(select true from ${from} where ${link} = ${id} and ${recent} limit 1) is null`,
  );
  return allOf([...activity.ownQuiet, ...related]);
}

/**
 * Dormancy for an aggregate over many rows (a report measure), where a condition cannot become
 * an anti-join: each related source as a left join to the distinct ids of the records with
 * recent activity (one hash join), the row dormant when none matched. The joins are named by
 * `alias`, so two measures over the same rows share them.
 */
export function dormantJoins(
  ctx: RecordContext,
  object: ObjectDefinition,
  alias: string = object.id,
): { joins: Map<string, RawBuilder<unknown>>; predicate: RawBuilder<boolean> } | null {
  const activity = dormancyOf(ctx, object, alias);
  if (!activity) return null;
  const joins = new Map<string, RawBuilder<unknown>>();
  const unmatched = activity.related.map(({ from, link, recent }, i) => {
    const name = `_awake_${alias}_${i}`;
    joins.set(
      name,
      sql` left join (select distinct ${link} as id from ${from} where ${recent}) as ${sql.id(name)} on ${sql.ref(`${name}.id`)} = ${sql.ref(`${alias}.id`)}`,
    );
    return sql`${sql.ref(`${name}.id`)} is null`;
  });
  return { joins, predicate: allOf([...activity.ownQuiet, ...unmatched]) };
}

/** The list's and the record page's flag, and the list filter's field: `_dormant`, true or false (absent on an object without a dormancy rule). */
export const DORMANT_FLAG = '_dormant';

/** The flag as a selected column, for an object that has a dormancy rule. */
export function dormantSelection(ctx: RecordContext, object: ObjectDefinition): RawBuilder<unknown>[] {
  const dormant = dormantSql(ctx, object, object.id, 'row');
  return dormant ? [sql`${dormant} as ${sql.id(DORMANT_FLAG)}`] : [];
}

/**
 * The list filter "dormant is yes / no" (`_dormant` eq or ne a boolean): the predicate, null
 * after naming a wrong operator or value in `issues`, undefined when the object has no dormancy rule.
 */
export function dormantCondition(
  ctx: RecordContext,
  object: ObjectDefinition,
  condition: FilterCondition,
  pointer: string,
  issues: FieldIssue[],
): RawBuilder<unknown> | null | undefined {
  const dormant = dormantSql(ctx, object);
  const { field, op, value } = condition;
  if (!dormant) return undefined;
  if (op !== 'eq' && op !== 'ne') {
    issues.push({ field, pointer: `${pointer}/op`, code: 'query.operator', params: { field, op } });
    return null;
  }
  if (typeof value !== 'boolean') {
    issues.push({ field, pointer: `${pointer}/value`, code: 'query.value', params: { field, op, expected: 'true or false' } });
    return null;
  }
  return (op === 'eq') === value ? dormant : sql`not ${dormant}`;
}
