import { sql, type RawBuilder } from 'kysely';
import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { analyze, compileToSql, type CheckedFormula } from '@tessera/expr';
import { appSchemaName, rollupFieldIds } from '@tessera/meta';
import type { RecordContext } from './record-context';
import { selectableColumns } from './record-columns';

/** An object's rollup formulas (over related lists), analyzed once per published version. */
export type RollupPlan = { fieldId: string; formula: CheckedFormula }[];

export function planRollups(object: ObjectDefinition, document: AppDocument): RollupPlan {
  const relatedFields = Object.fromEntries(document.objects.map((o) => [o.id, o.fields] as const));
  const plan: RollupPlan = [];
  for (const fieldId of rollupFieldIds(object, document)) {
    const field = object.fields.find((f) => f.id === fieldId);
    const checked = field?.formula ? analyze(field.formula, { fields: object.fields, relatedFields }) : null;
    if (checked?.ok) plan.push({ fieldId, formula: checked.formula });
  }
  return plan;
}

/**
 * The rollups as select-list expressions over the table (or CTE) named after the object: a
 * correlated subquery per related list, live rows only, so a customer's visit count is always
 * the current one without anything to keep in sync.
 */
export function rollupSelections(ctx: RecordContext, object: ObjectDefinition, hidden: ReadonlySet<string>): RawBuilder<unknown>[] {
  const plan = ctx.app.rollups.get(object.id) ?? [];
  const context = { now: new Date(), timeZone: ctx.app.document.timeZone ?? 'Asia/Shanghai', currentUser: ctx.access.actor.userId };
  return plan.filter((r) => !hidden.has(r.fieldId)).flatMap(({ fieldId, formula }) => {
    const compiled = compileToSql(formula, {
      column: (id) => sql.ref(`${object.id}.${id}`),
      relation: (listId) => {
        const list = object.fields.find((f) => f.id === listId && f.type === 'related_list');
        if (!list?.target || !list.via) return undefined;
        return { table: `${appSchemaName(ctx.app.appId)}.${list.target}`, parentKey: list.via, parentId: sql.ref(`${object.id}.id`), filter: (rows) => sql`${sql.ref(`${rows}.deleted_at`)} is null` };
      },
      context,
    });
    return compiled.ok ? [sql`(${compiled.sql}) as ${sql.id(fieldId)}`] : [];
  });
}

/** The select list of a read: stored columns the actor may see, then the rollups computed now. */
export function readSelections(ctx: RecordContext, object: ObjectDefinition): RawBuilder<unknown>[] {
  const hidden = ctx.access.hiddenFields(object.id);
  const onRead = new Set((ctx.app.rollups.get(object.id) ?? []).map((r) => r.fieldId));
  return [...selectableColumns(object, hidden, onRead).map((c) => sql.ref(c)), ...rollupSelections(ctx, object, hidden)];
}
