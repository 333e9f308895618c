import { createHash } from 'node:crypto';
import type { ObjectDefinition } from '@tessera/schemas';
import { TEXT_LIKE_TYPES } from './column-types';
import type { IndexDefinition } from './ddl-steps';
import { viewIndexColumns } from './view-index';

type Unnamed = Omit<IndexDefinition, 'name'>;

function named(index: Unnamed): IndexDefinition {
  const hash = createHash('sha1').update(JSON.stringify(index)).digest('hex').slice(0, 10);
  return { ...index, name: `ix_${index.object}_${hash}` };
}

function matchRuleKeyFields(object: ObjectDefinition): Set<string> {
  const keys = new Set<string>();
  for (const rule of object.matchRules ?? []) for (const id of [...(rule.fields ?? []), ...(rule.contactFields ?? [])]) keys.add(id);
  return keys;
}

/** A composite index per saved list view (view-index.ts, shared with the studio's preview). */
function viewIndex(object: ObjectDefinition, view: NonNullable<ObjectDefinition['views']>[number]): Unnamed | null {
  const columns = viewIndexColumns(view);
  return columns.length === 0 ? null : { object: object.id, columns, method: 'btree', unique: false, liveRowsOnly: true };
}

/**
 * Indexes follow use: relation keys, unique fields, region fields, the default and "mine" list
 * orders, saved views, and trigram indexes for text search. Admins never create indexes by hand.
 */
export function desiredIndexes(object: ObjectDefinition): IndexDefinition[] {
  const wanted: Unnamed[] = [
    {
      object: object.id,
      columns: [
        { column: 'created_at', direction: 'desc' },
        { column: 'id', direction: 'desc' },
      ],
      method: 'btree',
      unique: false,
      liveRowsOnly: true,
    },
    {
      object: object.id,
      columns: [
        { column: 'owner_id', direction: 'asc' },
        { column: 'created_at', direction: 'desc' },
        { column: 'id', direction: 'desc' },
      ],
      method: 'btree',
      unique: false,
      liveRowsOnly: true,
    },
  ];
  if (object.parent) {
    wanted.push({
      object: object.id,
      columns: [
        { column: 'parent_id', direction: 'asc' },
        { column: 'sort_index', direction: 'asc' },
      ],
      method: 'btree',
      unique: false,
      liveRowsOnly: false,
    });
  }
  const searched = new Set<string>(object.displayField ? [object.displayField] : []);
  for (const view of object.views ?? []) {
    const index = viewIndex(object, view);
    if (index) wanted.push(index);
    for (const filter of view.filters ?? []) if (filter.op === 'contains') searched.add(filter.field);
  }
  for (const field of object.fields) {
    if (field.type === 'relation')
      wanted.push({ object: object.id, columns: [{ column: field.id, direction: 'asc' }], method: 'btree', unique: false, liveRowsOnly: false });
    if (field.unique) wanted.push({ object: object.id, columns: [{ column: field.id, direction: 'asc' }], method: 'btree', unique: true, liveRowsOnly: true });
    // Every region field offers the list filter `within` (a province, city or district and what
    // lies inside it), asked ad hoc rather than from saved views: a code range the btree answers
    // (records' region-filter.ts). A unique region field's own index already serves it.
    if (field.type === 'region' && !field.unique) {
      wanted.push({ object: object.id, columns: [{ column: field.id, direction: 'asc' }], method: 'btree', unique: false, liveRowsOnly: true });
    }
    if (searched.has(field.id) && TEXT_LIKE_TYPES.has(field.type)) {
      wanted.push({ object: object.id, columns: [{ column: field.id, direction: 'asc' }], method: 'trigram', unique: false, liveRowsOnly: true });
    }
  }
  // Duplicate checks look records up by the match rules' key and contact fields (records'
  // duplicates.ts): one btree each, so a form's check stays a few index probes at a million rows.
  // The batch scan groups them by raw value through that btree, in order, as one plain GROUP BY
  // does, and keys one by one only the values that differ from their key (a capital, a space):
  // found through an index on that difference, whose statistics also tell the planner how few they are.
  for (const id of matchRuleKeyFields(object)) {
    if (!object.fields.some((f) => f.id === id && f.unique))
      wanted.push({ object: object.id, columns: [{ column: id, direction: 'asc' }], method: 'btree', unique: false, liveRowsOnly: true });
    wanted.push({ object: object.id, columns: [{ column: id, direction: 'asc' }], method: 'dedup_variants', unique: false, liveRowsOnly: true });
  }
  const byName = new Map(wanted.map((index) => named(index)).map((index) => [index.name, index] as const));
  return [...byName.values()];
}
