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

/** One source's latest activity for the row aliased `alias`, or null when the actor may not read it (then it does not count). */
function latestOf(ctx: RecordContext, object: ObjectDefinition, alias: string, source: ActivitySource, index: number): RawBuilder<unknown> | null {
  const field = source.field ?? 'updated_at';
  if (!source.object || !source.via) return readableDate(ctx, object, field) ? sql`${sql.ref(`${alias}.${field}`)}::timestamptz` : null;
  const related = ctx.app.objects.get(source.object);
  if (!related || !ctx.access.can('read', related.id) || ctx.access.hiddenFields(related.id).has(source.via)) return null;
  if (!readableDate(ctx, related, field)) return null;
  const at = `_act${index}`;
  // The related records the actor may read: a visit a colleague keeps to themselves is not activity the rep knows of.
  return sql`(select max(${sql.ref(`${at}.${field}`)})::timestamptz from ${tableRef(ctx.app.appId, related.id)} as ${sql.id(at)}
    where ${sql.ref(`${at}.${source.via}`)} = ${sql.ref(`${alias}.id`)} and ${sql.ref(`${at}.deleted_at`)} is null and ${rowScopeAt(ctx, related, at)})`;
}

/** The local calendar day `days` before today in the app's zone, as YYYY-MM-DD. */
function dayBefore(today: Date, timeZone: string, days: number): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(today);
  const shifted = new Date(`${local}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() - days);
  return shifted.toISOString().slice(0, 10);
}

/**
 * Whether the row aliased `alias` is dormant: its latest activity (its own dates, its related
 * records', as the object's quality.activity lists them, each as far as the actor may read) began
 * before the start of the local day `dormantAfterDays` ago, or it has none. The cutoff is a
 * day-granular parameter, so a cached result is keyed by it and expires at midnight. Null when
 * the object has no dormancy rule.
 */
export function dormantSql(ctx: RecordContext, object: ObjectDefinition, alias: string = object.id): RawBuilder<boolean> | null {
  const days = object.quality?.dormantAfterDays;
  if (!days) return null;
  const { timeZone, now } = formulaContext(ctx);
  const sources = (object.quality?.activity ?? OWN_LAST_CHANGE).flatMap((s, i) => latestOf(ctx, object, alias, s, i) ?? []);
  const cutoff = sql`(${dayBefore(now, timeZone, days)}::date::timestamp at time zone ${timeZone})`;
  if (!sources.length) return sql<boolean>`true`;
  return sql<boolean>`coalesce(greatest(${sql.join(sources)}) < ${cutoff}, true)`;
}

/** The list's and the record page's flag, and the list filter's field: `_dormant`, true or false (absent on an object without a dormancy rule). */
export const DORMANT_FLAG = '_dormant';

/** The flag as a selected column, for an object that has a dormancy rule. */
export function dormantSelection(ctx: RecordContext, object: ObjectDefinition): RawBuilder<unknown>[] {
  const dormant = dormantSql(ctx, object);
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
