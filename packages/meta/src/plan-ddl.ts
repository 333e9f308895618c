import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { type SqlType, sqlTypeOf } from './column-types';
import type { DdlStep } from './ddl-steps';
import { desiredIndexes } from './desired-indexes';
import { MetaError, type MetaIssue } from './issue';
import { columnKey, type PhysicalColumn, type PhysicalState } from './physical-state';
import { classifyConversion } from './type-conversion';

/** Parents before children, so a child table's foreign key always has its target. */
function parentsFirst(objects: readonly ObjectDefinition[]): ObjectDefinition[] {
  return [...objects].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
}

export type TypeChangeStep = Extract<DdlStep, { kind: 'change_column_type' }>;

/**
 * What giving an existing column a field type's SQL type does to its values: nothing ('same'),
 * refused ('unsupported'), or the step that converts them — for the publish plan and the
 * studio's preview of the change alike.
 */
export function columnTypeChange(
  objectId: string,
  fieldId: string,
  fieldType: string,
  sqlType: SqlType,
  existing: PhysicalColumn,
): TypeChangeStep | 'same' | 'unsupported' {
  const conversion = classifyConversion(existing.sqlType, sqlType);
  if (conversion === 'same' || conversion === 'unsupported') return conversion;
  return {
    kind: 'change_column_type',
    object: objectId,
    field: fieldId,
    from: { fieldType: existing.fieldType, sqlType: existing.sqlType },
    to: { fieldType, sqlType },
    conversion,
  };
}

function planColumn(object: ObjectDefinition, field: FieldDefinition, state: PhysicalState, steps: DdlStep[], refusals: MetaIssue[], pointer: string): void {
  const sqlType = sqlTypeOf(field);
  if (!sqlType) return;
  const target = field.type === 'relation' ? (field.target ?? null) : null;
  const existing = state.columns.get(columnKey(object.id, field.id));
  if (field.encrypted && existing) steps.push({ kind: 'seal_column', object: object.id, field: field.id });
  // The counter of an auto-number lives in a sequence: numbers are never handed out twice, even under concurrency.
  if (field.type === 'auto_number' && existing?.fieldType !== 'auto_number') steps.push({ kind: 'create_sequence', object: object.id, field: field.id });
  if (!existing) {
    steps.push({ kind: 'add_column', object: object.id, field: field.id, fieldType: field.type, sqlType, target });
    if (target) steps.push({ kind: 'add_foreign_key', object: object.id, field: field.id, target });
    return;
  }
  if (existing.retired) steps.push({ kind: 'reactivate_column', object: object.id, field: field.id, fieldType: field.type });
  const change = columnTypeChange(object.id, field.id, field.type, sqlType, existing);
  if (change === 'unsupported') {
    refusals.push({
      pointer: `${pointer}/type`,
      code: 'meta.type_change_unsupported',
      params: { object: object.id, field: field.id, from: existing.fieldType, to: field.type },
    });
    return;
  }
  if (change === 'same') {
    if (existing.target !== target) steps.push({ kind: 'retarget_relation', object: object.id, field: field.id, from: existing.target, to: target });
    else if (existing.fieldType !== field.type)
      steps.push({ kind: 'set_field_type', object: object.id, field: field.id, from: existing.fieldType, to: field.type });
    return;
  }
  steps.push(change);
}

function planIndexes(object: ObjectDefinition, state: PhysicalState, steps: DdlStep[]): void {
  const existing = state.indexes.get(object.id) ?? new Set<string>();
  const wanted = desiredIndexes(object);
  const wantedNames = new Set(wanted.map((index) => index.name));
  for (const name of existing) if (!wantedNames.has(name)) steps.push({ kind: 'drop_index', object: object.id, name });
  for (const index of wanted) if (!existing.has(index.name)) steps.push({ kind: 'create_index', index });
}

/**
 * What it takes to make the database match a document: pure, so it is shown before publishing
 * and unit-tested without a database. Removing a field or object retires it (data kept until an
 * explicit purge); a type change that cannot keep every value is refused here, before any DDL.
 */
export function planDdl(document: AppDocument, state: PhysicalState): DdlStep[] {
  const steps: DdlStep[] = [{ kind: 'create_schema' }];
  const refusals: MetaIssue[] = [];
  const objects = parentsFirst(document.objects);
  const pointerOf = new Map(document.objects.map((o, i) => [o.id, `/objects/${i}`] as const));

  for (const object of objects) {
    const table = state.tables.get(object.id);
    if (!table) steps.push({ kind: 'create_table', object: object.id, parent: object.parent ?? null });
    else if (table.retired) steps.push({ kind: 'reactivate_table', object: object.id });
  }
  for (const object of objects) {
    const pointer = pointerOf.get(object.id) ?? '';
    object.fields.forEach((field, index) => planColumn(object, field, state, steps, refusals, `${pointer}/fields/${index}`));
    const liveFields = new Set(object.fields.map((f) => f.id));
    for (const [key, column] of state.columns) {
      const [objectId, fieldId = ''] = key.split('.');
      if (objectId === object.id && !column.retired && !liveFields.has(fieldId)) steps.push({ kind: 'retire_column', object: object.id, field: fieldId });
    }
    planIndexes(object, state, steps);
  }
  const liveObjects = new Set(document.objects.map((o) => o.id));
  for (const [objectId, table] of state.tables) {
    if (!table.retired && !liveObjects.has(objectId)) steps.push({ kind: 'retire_table', object: objectId });
  }
  if (refusals.length) throw new MetaError('meta.invalid', 422, refusals, { count: refusals.length });
  return steps;
}
