import { canonicalFieldValue } from '@tessera/forms';
import type { ObjectDefinition } from '@tessera/schemas';
import { fieldById } from './field-index';

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A write's values as they will be stored, before anything checks them: each plain-text field's
 * text cleaned by the field's rules (trimmed, half width, letter case, white space alone as blank,
 * a valid formatted value in its canonical form — `canonicalFieldValue`), child-table rows
 * likewise. Every write path runs this first, so the checks that follow (format, required,
 * unique) judge the value that is stored, and an API client, an import and a flow step store the
 * same text for the same input. What is not a plain object is passed on for the schema to refuse.
 */
export function canonicalValues(object: ObjectDefinition, input: unknown, objects: ReadonlyMap<string, ObjectDefinition>): unknown {
  if (!isPlainObject(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const field = fieldById(object, key);
    const child = field?.type === 'child_table' ? objects.get(field.target ?? '') : undefined;
    if (child && Array.isArray(value)) out[key] = value.map((row) => canonicalValues(child, row, objects));
    else out[key] = field ? canonicalFieldValue(field, value) : value;
  }
  return out;
}
