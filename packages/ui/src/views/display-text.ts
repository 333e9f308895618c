import type { ObjectDefinition } from '@tessera/schemas';
import type { RecordData } from '../api/types';

/** A record's title on a card or a calendar day: its display field, else the start of its id. */
export function displayText(object: ObjectDefinition, record: RecordData): string {
  const value = object.displayField ? record[object.displayField] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : record.id.slice(0, 8);
}
