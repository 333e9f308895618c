import type { RecordContext } from '@tessera/records';
import type { FieldDefinition, ObjectDefinition, ReportFunnel } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';

/** A funnel's steps: those asked for, else the field's options as defined. */
export function funnelSteps(funnel: ReportFunnel, field: FieldDefinition): string[] {
  return funnel.steps ?? (field.options ?? []).map((o) => o.value);
}

/**
 * One row: `counts` (records per step, a JSON array in step order) and `days` (step index → the
 * average days of completed stays in it). Visits come from the record history (every create and
 * every change of the field is a row there), of the records in `source` only — the viewer's
 * readable, filtered records — so a funnel never counts a record its viewer may not see.
 * Ordered: the first visit to step k after the one counted for step k−1, by history order.
 * Reached: the furthest step a record was ever at. A stay is completed when the field changed
 * again; open stays are left out so the figure does not drift with the clock.
 */
export function funnelSql(
  ctx: RecordContext,
  object: ObjectDefinition,
  source: RawBuilder<unknown>,
  field: string,
  funnel: ReportFunnel,
  steps: readonly string[],
): RawBuilder<unknown> {
  const visits = sql`_records as (select ${sql.ref(`${object.id}.id`)} as id from ${source}),
    _visits as (
      select h.record_id, h.id as seq, h.at, c.value->>'new' as stage
      from record_history as h cross join lateral jsonb_array_elements(h.changes) as c(value)
      where h.app_id = ${ctx.app.appId} and h.object_id = ${object.id} and h.record_id in (select id from _records)
        and c.value->>'field' = ${field} and h.operation in ('create', 'update', 'restore')
    ),
    _spans as (
      select record_id, seq, array_position(${steps}::text[], stage) as step,
        extract(epoch from lead(at) over (partition by record_id order by seq) - at) / 86400 as days
      from _visits
    )`;
  const days = sql`(select coalesce(json_object_agg(step, days), '{}'::json) from (
      select step, avg(days) as days from _spans where step is not null and days is not null group by step) as d)`;
  if (funnel.mode === 'ordered') {
    const laterals = steps.map((_, i) => {
      const after = i === 0 ? sql`` : sql` and v.seq > ${sql.ref(`s${i}.seq`)}`;
      return sql` left join lateral (select min(v.seq) as seq from _spans as v where v.record_id = r.id and v.step = ${i + 1}${after}) as ${sql.id(`s${i + 1}`)} on true`;
    });
    const counts = steps.map((_, i) => sql`count(${sql.ref(`s${i + 1}.seq`)}) as ${sql.id(`c${i + 1}`)}`);
    return sql`with ${visits}, _ordered as (select ${sql.join(counts)} from _records as r${sql.join(laterals, sql``)})
      select (select json_build_array(${sql.join(steps.map((_, i) => sql.ref(`_ordered.c${i + 1}`)))}) from _ordered) as counts, ${days} as days`;
  }
  const reached = steps.map((_, i) => sql`count(*) filter (where top >= ${i + 1})`);
  return sql`with ${visits}, _reached as (select record_id, max(step) as top from _spans group by record_id)
    select (select json_build_array(${sql.join(reached)}) from _reached) as counts, ${days} as days`;
}
