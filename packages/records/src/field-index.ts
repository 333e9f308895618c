import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';

const indexes = new WeakMap<ObjectDefinition, ReadonlyMap<string, FieldDefinition>>();

/**
 * The object's field with this id, from a map built once per object definition (a published
 * version's objects do not change): a write looks up each of its values' fields, and an import
 * does that for every cell of 50,000 rows, where scanning the field list each time showed.
 */
export function fieldById(object: ObjectDefinition, id: string): FieldDefinition | undefined {
  let index = indexes.get(object);
  if (!index) {
    index = new Map(object.fields.map((f) => [f.id, f]));
    indexes.set(object, index);
  }
  return index.get(id);
}
