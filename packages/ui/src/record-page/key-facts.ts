import type { FieldDefinition, FieldType, ObjectDefinition } from '@tessera/schemas';

const MAX_STATES = 3;
const MAX_FIGURES = 2;

/** Names people give to the select that says where a record stands, most telling first. */
const STATE_NAMES = ['status', 'stage', 'tier', 'level', 'grade', 'priority', 'rating', 'type', 'kind', 'industry', 'source'];

const FIGURE_TYPES: ReadonlySet<FieldType> = new Set(['currency', 'number', 'percent']);

function stateRank(field: FieldDefinition): number {
  const index = STATE_NAMES.findIndex((name) => field.id === name || field.id.endsWith(`_${name}`));
  return index === -1 ? STATE_NAMES.length : index;
}

/** A rollup or computed amount (visit count, pipeline total) is the figure a manager looks for first. */
function isFigure(field: FieldDefinition): boolean {
  if (field.type === 'formula') return field.resultType === 'number' || field.resultType === 'currency';
  return FIGURE_TYPES.has(field.type);
}

/**
 * The few fields shown in the page header, before any scrolling: up to three selects saying where
 * the record stands (status, stage, tier… by name, else in field order) and up to two figures,
 * formulas first because they summarise the related records. The owner is added by the page
 * from the system column. Encrypted values and the display field (already the title) are left out.
 */
export function pickKeyFacts(object: ObjectDefinition): FieldDefinition[] {
  const candidates = object.fields.filter((f) => f.id !== object.displayField && f.encrypted !== true);
  const states = candidates
    .filter((f) => f.type === 'select')
    .map((field, order) => ({ field, order, rank: stateRank(field) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, MAX_STATES)
    .map((s) => s.field);
  const figures = candidates
    .filter(isFigure)
    .map((field, order) => ({ field, order, rank: field.type === 'formula' ? 0 : 1 }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, MAX_FIGURES)
    .map((s) => s.field);
  return [...states, ...figures];
}
