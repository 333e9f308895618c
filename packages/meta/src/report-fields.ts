import type { FieldDefinition, ObjectDefinition, ReportMeasure } from '@tessera/schemas';
import { type SqlType, sqlTypeOf } from './column-types';

/** What a report may do with a column: group by it, bucket it by date, sum it, name its values. */
export interface ReportColumn {
  id: string;
  sqlType: SqlType;
  /** Who a value is: a user or a department (its name is shown), a select option, or a plain value. */
  kind: 'user' | 'department' | 'select' | 'date' | 'number' | 'plain';
  field: FieldDefinition | null;
}

/** The system columns a report may use, with what they hold. */
const SYSTEM_REPORT_COLUMNS: Record<string, Omit<ReportColumn, 'id' | 'field'>> = {
  owner_id: { sqlType: 'uuid', kind: 'user' },
  created_by: { sqlType: 'uuid', kind: 'user' },
  updated_by: { sqlType: 'uuid', kind: 'user' },
  department_id: { sqlType: 'uuid', kind: 'department' },
  created_at: { sqlType: 'timestamptz', kind: 'date' },
  updated_at: { sqlType: 'timestamptz', kind: 'date' },
};

/** Values that can be grouped and compared; lists, files, rich text and signatures cannot. */
const GROUPABLE: ReadonlySet<SqlType> = new Set(['text', 'numeric', 'date', 'timestamptz', 'boolean', 'uuid']);
const UNGROUPABLE_TYPES: ReadonlySet<string> = new Set(['rich_text', 'long_text', 'signature']);

function kindOf(field: FieldDefinition, sqlType: SqlType): ReportColumn['kind'] {
  if (field.type === 'user') return 'user';
  if (field.type === 'department') return 'department';
  if (field.type === 'select') return 'select';
  if (sqlType === 'date' || sqlType === 'timestamptz') return 'date';
  if (sqlType === 'numeric') return 'number';
  return 'plain';
}

/**
 * A column of `object` a report may read: a system column or a stored field. Rollups are
 * computed on read per record (no column to group by; `rollups` names them, see rollupFieldIds),
 * and encrypted fields hold ciphertext.
 */
export function reportColumn(object: ObjectDefinition, id: string, rollups: ReadonlySet<string>): ReportColumn | null {
  const system = SYSTEM_REPORT_COLUMNS[id];
  if (system) return { id, field: null, ...system };
  const field = object.fields.find((f) => f.id === id);
  if (!field || field.encrypted || UNGROUPABLE_TYPES.has(field.type) || rollups.has(id)) return null;
  const sqlType = sqlTypeOf(field);
  if (!sqlType || !GROUPABLE.has(sqlType)) return null;
  return { id, sqlType, kind: kindOf(field, sqlType), field };
}

/** Every column of `object` a report may read, system columns first: what the studio offers to group, count and filter by. */
export function reportColumns(object: ObjectDefinition, rollups: ReadonlySet<string>): ReportColumn[] {
  return [...Object.keys(SYSTEM_REPORT_COLUMNS), ...object.fields.map((f) => f.id)].flatMap((id) => reportColumn(object, id, rollups) ?? []);
}

/**
 * The aggregate measures of a report as number fields, for the formulas over them (`[won] /
 * ([won] + [lost])`): a formula measure reads aggregates, never another formula, so there is no
 * cycle to look for.
 */
export function measureFields(measures: readonly ReportMeasure[]): FieldDefinition[] {
  return measures.filter((m) => m.aggregate !== 'formula').map((m) => ({ id: m.id, type: 'number', label: m.label ?? { en: m.id } }) satisfies FieldDefinition);
}

/** Aggregates whose field must hold numbers (sum, avg) or at least be ordered (min, max). */
export function aggregateFits(aggregate: ReportMeasure['aggregate'], column: ReportColumn): boolean {
  switch (aggregate) {
    case 'sum':
    case 'avg':
    case 'median':
      return column.sqlType === 'numeric';
    case 'min':
    case 'max':
      return column.sqlType === 'numeric' || column.sqlType === 'date' || column.sqlType === 'timestamptz';
    case 'avg_days':
      return column.kind === 'date';
    default:
      return true;
  }
}
