import type { FieldDefinition } from './app.schema';

/**
 * Whether a child-table column can show a total under its lines: amounts and quantities, typed or
 * computed. Whether it does is the admin's choice (`showTotal: true`): a sum of unit prices, or of
 * quantities counted in different units, means nothing.
 */
export function canShowTotal(field: FieldDefinition): boolean {
  if (field.type === 'formula') return field.resultType === 'number' || field.resultType === 'currency';
  return field.type === 'number' || field.type === 'currency';
}
