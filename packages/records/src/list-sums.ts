import type { ObjectDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { queryableColumn } from './query-fields';
import type { RecordContext } from './record-context';
import { type FieldIssue, RecordError } from './record-error';

/** Field kinds whose values add up to something a person reads (a pipeline's amount). */
const SUMMABLE_TYPES: ReadonlySet<string> = new Set(['currency', 'number', 'percent']);

/**
 * The columns a list may be summed over: visible, stored, not encrypted, numeric. Anything else
 * is a `query.sum_field` naming the field, so a hidden amount never leaks through its total.
 */
function summableColumns(ctx: RecordContext, object: ObjectDefinition, ids: readonly string[], rollups: ReadonlySet<string>): string[] {
  const hidden = ctx.access.hiddenFields(object.id);
  const issues: FieldIssue[] = [];
  ids.forEach((id, i) => {
    const column = queryableColumn(object, id, hidden, rollups);
    const field = column?.field;
    if (!field || field.encrypted || !SUMMABLE_TYPES.has(field.type) || column.sqlType !== 'numeric')
      issues.push({ field: id, pointer: `/sums/${i}`, code: 'query.sum_field', params: { field: id } });
  });
  if (issues.length) throw new RecordError('query.invalid', issues, { count: issues.length });
  return [...new Set(ids)];
}

/**
 * The sum of each named field over every row the list's conditions match (not just the page),
 * under the same row scope and filters: the rows a viewer may not read never count. Exact
 * decimals, as text.
 */
export async function sumRows(
  ctx: RecordContext,
  object: ObjectDefinition,
  ids: readonly string[],
  rollups: ReadonlySet<string>,
  from: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
): Promise<Record<string, string>> {
  const columns = summableColumns(ctx, object, ids, rollups);
  const selections = columns.map((id) => sql`coalesce(sum(${sql.ref(id)}), 0)::text as ${sql.id(id)}`);
  const { rows } = await sql<Record<string, string>>`select ${sql.join(selections)} from ${from} where ${where}`.execute(ctx.db);
  return Object.fromEntries(columns.map((id) => [id, rows[0]?.[id] ?? '0']));
}
