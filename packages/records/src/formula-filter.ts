import { analyze, compileToSql, dependenciesOf } from '@tessera/expr';
import type { ObjectDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { formulaContext, type RecordContext } from './record-context';
import { RecordError } from './record-error';

/**
 * A yes/no formula as a predicate over the object's table (blank counts as no): a flow's "update
 * many" step, a list or a report drill-down. It may not read a field the actor's role hides —
 * filtering by a hidden value would tell it — and reads only the record's own fields.
 */
export function formulaPredicate(ctx: RecordContext, object: ObjectDefinition, formula: string, pointer = '/where'): RawBuilder<unknown> {
  const checked = analyze(formula, { fields: object.fields });
  const hidden = ctx.access.hiddenFields(object.id);
  const readable = checked.ok && checked.formula.type === 'boolean' && !dependenciesOf(checked.formula).fields.some((f) => hidden.has(f));
  const compiled =
    checked.ok && readable ? compileToSql(checked.formula, { column: (id) => sql.ref(`${object.id}.${id}`), context: formulaContext(ctx) }) : null;
  if (!compiled?.ok) throw new RecordError('query.invalid', [{ field: 'where', pointer, code: 'query.formula', params: { formula } }], { count: 1 });
  return sql`coalesce(${compiled.sql}, false)`;
}
