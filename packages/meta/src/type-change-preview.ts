import type { SystemTables } from '@tessera/db';
import type { FieldDefinition } from '@tessera/schemas';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { sqlTypeOf } from './column-types';
import type { DdlStep } from './ddl-steps';
import { columnKey, type PhysicalState } from './physical-state';
import { columnTypeChange, type TypeChangeStep } from './plan-ddl';
import { tableRef } from './sql-names';
import { conversionExpression, unconvertible } from './type-change-sql';
import type { FieldTypeChangePreview, TypeChangePreview } from './type-change-types';

export type { FieldTypeChangePreview, TypeChangePreview };

/** Examples of each outcome shown with a preview: enough to recognise the pattern, few enough to read. */
const EXAMPLES = 5;

type Db = Kysely<SystemTables>;

/** The table's rows with the old value as text, whether it fails, and the value it would become. */
function outcomes(appId: string, step: TypeChangeStep): RawBuilder<{ before: string | null; fails: boolean; after: string | null }> {
  const column = sql.ref(step.field);
  const fails = step.conversion === 'checked' ? unconvertible(column, step.to.sqlType) : sql`false`;
  const after = conversionExpression(column, step.from.sqlType, step.to.sqlType);
  return sql`select ${column}::text as before, fails, (case when fails then null else ${after} end)::text as after
    from (select ${column}, ${fails} as fails from ${tableRef(appId, step.object)}) rows`;
}

async function examplesOf(db: Db, rows: RawBuilder<unknown>, where: RawBuilder<boolean>): Promise<{ before: string; after: string }[]> {
  const { rows: found } = await sql<{ before: string; after: string | null }>`select before, min(after) as after from (${rows}) o
    where ${where} group by before order by count(*) desc, before limit ${EXAMPLES}`.execute(db);
  return found.map((r) => ({ before: r.before, after: r.after ?? '' }));
}

export async function previewTypeChange(db: Db, appId: string, step: TypeChangeStep): Promise<TypeChangePreview> {
  const rows = outcomes(appId, step);
  const { rows: counts } = await sql<Record<'rows' | 'empty' | 'failing' | 'blanked' | 'converted', string>>`select count(*) as rows,
      count(*) filter (where before is null) as empty,
      count(*) filter (where before is not null and fails) as failing,
      count(*) filter (where before is not null and not fails and after is null) as blanked,
      count(*) filter (where after is not null) as converted
    from (${rows}) o`.execute(db);
  const n = (key: keyof (typeof counts)[number]) => Number(counts[0]?.[key] ?? 0);
  const failing = await examplesOf(db, rows, sql<boolean>`before is not null and fails`);
  const blanked = await examplesOf(db, rows, sql<boolean>`before is not null and not fails and after is null`);
  const converted = await examplesOf(db, rows, sql<boolean>`after is not null`);
  return {
    object: step.object,
    field: step.field,
    from: step.from.fieldType,
    to: step.to.fieldType,
    conversion: step.conversion,
    rows: n('rows'),
    converted: n('converted'),
    blanked: n('blanked'),
    empty: n('empty'),
    failing: n('failing'),
    examples: { failing: failing.map((e) => e.before), blanked: blanked.map((e) => e.before), converted },
  };
}

/** The publish review's previews: one per column the plan converts. */
export async function previewPlanTypeChanges(db: Db, appId: string, plan: readonly DdlStep[]): Promise<TypeChangePreview[]> {
  const previews: TypeChangePreview[] = [];
  for (const step of plan) if (step.kind === 'change_column_type') previews.push(await previewTypeChange(db, appId, step));
  return previews;
}

/** The field panel's preview of giving a stored field another type (and, for a formula, result type). */
export async function previewFieldTypeChange(
  db: Db,
  appId: string,
  physical: PhysicalState,
  objectId: string,
  field: Pick<FieldDefinition, 'id' | 'type' | 'resultType'>,
): Promise<FieldTypeChangePreview> {
  const existing = physical.columns.get(columnKey(objectId, field.id));
  const sqlType = sqlTypeOf(field);
  if (!existing || !sqlType) return { kind: 'none' };
  const change = columnTypeChange(objectId, field.id, field.type, sqlType, existing);
  if (change === 'same') return { kind: 'same' };
  if (change === 'unsupported') return { kind: 'unsupported', from: existing.fieldType, to: field.type };
  return { kind: 'convert', ...(await previewTypeChange(db, appId, change)) };
}
