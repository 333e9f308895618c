import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';

/** The aggregates a rollup offers: the formula language's functions over a child table or related list. */
export const ROLLUP_AGGREGATES = ['SUM', 'AVERAGE', 'MIN', 'MAX', 'COUNT'] as const;
export type RollupAggregate = (typeof ROLLUP_AGGREGATES)[number];

const NUMERIC_TYPES = new Set<string>(['number', 'currency', 'percent']);

/** A field a rollup can add up: a number, or a formula with a numeric result. */
export function isSummable(field: FieldDefinition): boolean {
  return field.type === 'formula' ? field.resultType === 'number' || field.resultType === 'currency' : NUMERIC_TYPES.has(field.type);
}

/** What a rollup can read: the object's child tables and related lists, each with the object holding its rows. */
export function rollupSources(document: AppDocument, object: ObjectDefinition): { field: FieldDefinition; rows: ObjectDefinition }[] {
  return object.fields.flatMap((field) => {
    if (field.type !== 'child_table' && field.type !== 'related_list') return [];
    const rows = document.objects.find((o) => o.id === field.target);
    return rows ? [{ field, rows }] : [];
  });
}

/** The formula a rollup picks: `SUM(lines.amount)`, or `COUNT(visits)` for how many rows there are. */
export function rollupFormula(aggregate: RollupAggregate, source: string, field: string | null): string {
  if (aggregate === 'COUNT' || !field) return `COUNT(${source})`;
  return `${aggregate}(${source}.${field})`;
}
