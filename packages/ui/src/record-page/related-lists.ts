import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { columnFields } from '../objects/list-columns';

const MAX_COLUMNS = 3;

/** One related list of a record page: the records of `target` whose `via` points at the record. */
export interface RelatedListSpec {
  /** The related_list field on this object (its label titles the card). */
  field: FieldDefinition;
  target: ObjectDefinition;
  via: FieldDefinition;
  /** The target's display field, shown as the link to each record. */
  title: FieldDefinition | null;
  /** A few more of the target's fields, shown under the title. */
  columns: FieldDefinition[];
}

/**
 * The related lists of an object, in field order. A list whose target or back-pointing relation
 * is gone from the live document is skipped (publishing checks them; an old tab may lag behind).
 * The columns follow the target's first list view, minus the title and the relation back here
 * (every row would repeat this record's name).
 */
export function relatedLists(object: ObjectDefinition, objects: readonly ObjectDefinition[]): RelatedListSpec[] {
  const specs: RelatedListSpec[] = [];
  for (const field of object.fields) {
    if (field.type !== 'related_list' || !field.target || !field.via) continue;
    const target = objects.find((o) => o.id === field.target);
    const via = target?.fields.find((f) => f.id === field.via && f.type === 'relation' && f.target === object.id);
    if (!target || !via) continue;
    const title = target.fields.find((f) => f.id === target.displayField) ?? null;
    const columns = columnFields(target)
      .filter((f) => f.id !== via.id && f.id !== title?.id && f.type !== 'long_text' && f.encrypted !== true)
      .slice(0, MAX_COLUMNS);
    specs.push({ field, target, via, title, columns });
  }
  return specs;
}
