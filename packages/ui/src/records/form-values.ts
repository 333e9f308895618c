import type { FieldDefinition, FieldType, ObjectDefinition } from '@tessera/schemas';
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldValue, FileRef, RecordData, RecordValues } from '../api/types';
import { type ChildRows, isChildRows, rowsFromWire, rowsToWire } from '../widgets/child-table/child-row';
import { fileRefs } from '../widgets/file-values';

/** What an antd form item holds: dates as Dayjs, decimals as strings (InputNumber stringMode), files as the server's refs, child-table lines as rows. */
export type FormValue = string | boolean | string[] | FileRef[] | Dayjs | ChildRows | null | undefined;
export type FormValues = Record<string, FormValue>;

/**
 * Types the generic form edits today (user, region, attachment, image and child table through src/widgets).
 * The rest are computed by the server (formula, auto_number): those are shown read-only when a record
 * has a value, and never sent.
 */
const EDITABLE: ReadonlySet<FieldType> = new Set([
  'text',
  'long_text',
  'rich_text',
  'phone',
  'email',
  'url',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'select',
  'multi_select',
  'checkbox',
  'relation',
  'user',
  'region',
  'attachment',
  'image',
  'child_table',
  'department',
  'signature',
]);

export function isEditable(field: FieldDefinition): boolean {
  return EDITABLE.has(field.type);
}

export function editableFields(object: ObjectDefinition): FieldDefinition[] {
  return object.fields.filter(isEditable);
}

/** A wire value (docs/api-contract.md) as the input holds it. */
export function toFormValue(field: FieldDefinition, value: unknown): FormValue {
  if (value === null || value === undefined) return undefined;
  switch (field.type) {
    case 'date':
    case 'datetime':
      return typeof value === 'string' && dayjs(value).isValid() ? dayjs(value) : undefined;
    case 'checkbox':
      return value === true;
    case 'child_table':
      // Without the child object (a resumed draft): its own rows, which hold editable fields only.
      return rowsFromWire(value);
    case 'multi_select':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    case 'attachment':
    case 'image': {
      const files = fileRefs(value);
      return files.length > 0 ? files : undefined;
    }
    case 'number':
    case 'currency':
    case 'percent':
      return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** `objects` gives child tables their child object, so a loaded line keeps only the fields a user edits. */
export function toFormValues(object: ObjectDefinition, record: RecordData, objects: readonly ObjectDefinition[] = []): FormValues {
  const values: FormValues = {};
  for (const field of editableFields(object)) {
    const child = field.type === 'child_table' ? objects.find((o) => o.id === field.target) : undefined;
    values[field.id] = child ? rowsFromWire(record[field.id], editableFields(child)) : toFormValue(field, record[field.id]);
  }
  return values;
}

function isDayjs(value: FormValue): value is Dayjs {
  return dayjs.isDayjs(value);
}

/** Back to the wire format of docs/api-contract.md; an emptied input becomes null. */
export function toFieldValue(field: FieldDefinition, value: FormValue): FieldValue {
  if (value === undefined || value === null) return null;
  if (field.type === 'child_table') return isChildRows(value) ? rowsToWire(value) : null;
  if (isDayjs(value)) return field.type === 'date' ? value.format('YYYY-MM-DD') : value.toISOString();
  if (typeof value === 'string') {
    const trimmed = field.type === 'long_text' || field.type === 'rich_text' ? value : value.trim();
    return trimmed === '' ? null : trimmed;
  }
  // No files is no value: an emptied list is sent as null, like an emptied input.
  if (Array.isArray(value)) return (field.type === 'attachment' || field.type === 'image') && value.length === 0 ? null : value;
  // A checkbox; lines only belong to a child table (handled above).
  return typeof value === 'boolean' ? value : null;
}

/**
 * The values to send: on create every filled field, on update only what changed, so a save
 * touches (and records in history) nothing the user did not edit.
 */
export function toRecordValues(object: ObjectDefinition, values: FormValues, initial: FormValues | null): RecordValues {
  const result: RecordValues = {};
  for (const field of editableFields(object)) {
    if (!(field.id in values)) continue;
    const next = toFieldValue(field, values[field.id]);
    if (initial === null) {
      if (next !== null) result[field.id] = next;
      continue;
    }
    const before = toFieldValue(field, initial[field.id]);
    if (JSON.stringify(next) !== JSON.stringify(before)) result[field.id] = next;
  }
  return result;
}
