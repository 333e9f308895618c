import { analyze, type CheckedFormula, compileToSql, dependenciesOf } from '@tessera/expr';
import { appSchemaName, rollupFieldIds } from '@tessera/meta';
import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { selectableColumns } from './record-columns';
import { formulaContext, type RecordContext } from './record-context';
import { rowScopeAt } from './row-scope';

/** An object's rollup formulas (over related lists), analyzed once per published version. */
export type RollupPlan = { fieldId: string; formula: CheckedFormula; reads: RollupRead[] }[];

/** What a rollup reads of another object: the related list, its target, and the target's fields. */
interface RollupRead {
  target: string;
  fields: string[];
}

export function planRollups(object: ObjectDefinition, document: AppDocument): RollupPlan {
  const relatedFields = Object.fromEntries(document.objects.map((o) => [o.id, o.fields] as const));
  const plan: RollupPlan = [];
  for (const fieldId of rollupFieldIds(object, document)) {
    const field = object.fields.find((f) => f.id === fieldId);
    const checked = field?.formula ? analyze(field.formula, { fields: object.fields, relatedFields }) : null;
    if (!checked?.ok) continue;
    const reads = new Map<string, RollupRead>();
    for (const { relation, field: read } of dependenciesOf(checked.formula).related) {
      const target = object.fields.find((f) => f.id === relation)?.target;
      if (!target) continue;
      const entry = reads.get(relation) ?? { target, fields: [] };
      if (read) entry.fields.push(read);
      reads.set(relation, entry);
    }
    plan.push({ fieldId, formula: checked.formula, reads: [...reads.values()] });
  }
  return plan;
}

/**
 * A rollup aggregates what its viewer may see, or is not shown: a rep's visit count counts the
 * visits the rep can list, and a sum over a field the rep's role hides (or over an object the
 * rep may not read) is withheld like a hidden field, never computed over rows they cannot see.
 */
function rollupVisible(ctx: RecordContext, reads: readonly RollupRead[]): boolean {
  return reads.every(({ target, fields }) => ctx.access.can('read', target) && !fields.some((f) => ctx.access.hiddenFields(target).has(f)));
}

/** The rollups the actor is not shown: hidden on the object, or reading what the actor may not see. */
export function withheldRollups(ctx: RecordContext, object: ObjectDefinition): ReadonlySet<string> {
  const hidden = ctx.access.hiddenFields(object.id);
  return new Set((ctx.app.rollups.get(object.id) ?? []).filter((r) => hidden.has(r.fieldId) || !rollupVisible(ctx, r.reads)).map((r) => r.fieldId));
}

/**
 * The rollups as select-list expressions over the table (or CTE) named after the object: a
 * correlated subquery per related list over the live rows the actor may read (their row scope
 * applies at the related table, as it does when they list it), so a customer's visit count is
 * always the current one without anything to keep in sync.
 */
export function rollupSelections(ctx: RecordContext, object: ObjectDefinition, withheld: ReadonlySet<string>): RawBuilder<unknown>[] {
  const plan = ctx.app.rollups.get(object.id) ?? [];
  const context = formulaContext(ctx);
  return plan
    .filter((r) => !withheld.has(r.fieldId))
    .flatMap(({ fieldId, formula }) => {
      const compiled = compileToSql(formula, {
        column: (id) => sql.ref(`${object.id}.${id}`),
        relation: (listId) => {
          const list = object.fields.find((f) => f.id === listId && f.type === 'related_list');
          const target = list?.target ? ctx.app.objects.get(list.target) : undefined;
          if (!target || !list?.via) return undefined;
          return {
            table: `${appSchemaName(ctx.app.appId)}.${target.id}`,
            parentKey: list.via,
            parentId: sql.ref(`${object.id}.id`),
            filter: (rows) => sql`${sql.ref(`${rows}.deleted_at`)} is null and ${rowScopeAt(ctx, target, rows)}`,
          };
        },
        context,
      });
      return compiled.ok ? [sql`(${compiled.sql}) as ${sql.id(fieldId)}`] : [];
    });
}

/** The select list of a read: stored columns the actor may see, then the rollups they may see, computed now. */
export function readSelections(ctx: RecordContext, object: ObjectDefinition): RawBuilder<unknown>[] {
  const hidden = ctx.access.hiddenFields(object.id);
  const onRead = new Set((ctx.app.rollups.get(object.id) ?? []).map((r) => r.fieldId));
  return [...selectableColumns(object, hidden, onRead).map((c) => sql.ref(c)), ...rollupSelections(ctx, object, withheldRollups(ctx, object))];
}
