import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { RecordData } from '../api/types';

/** Values the system computes: nobody picks them. */
const COMPUTED = new Set<FieldDefinition['type']>(['formula', 'auto_number', 'related_list']);

/** The fields a merge lets the user pick a value for. */
export function mergeableFields(object: ObjectDefinition, hidden: ReadonlySet<string>): FieldDefinition[] {
  return object.fields.filter((f) => !COMPUTED.has(f.type) && !hidden.has(f.id));
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Which side each field's value comes from at first: the kept record's, unless it is empty and the other's is not. */
export function initialChoices(fields: readonly FieldDefinition[], kept: RecordData, other: RecordData): Record<string, 'kept' | 'other'> {
  return Object.fromEntries(fields.map((f) => [f.id, isEmpty(kept[f.id]) && !isEmpty(other[f.id]) ? 'other' : 'kept'] as const));
}

/** The `take` list of a merge: the fields whose value comes from the record merged away. */
export function takenFields(choices: Record<string, 'kept' | 'other'>): string[] {
  return Object.entries(choices)
    .filter(([, side]) => side === 'other')
    .map(([id]) => id);
}
