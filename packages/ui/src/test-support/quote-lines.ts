import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';

/** A quote's line for component tests: a product, a quantity, a price and their amount as a formula. */
export const quoteLine: ObjectDefinition = {
  id: 'line',
  label: { en: 'Line' },
  parent: 'quote',
  fields: [
    { id: 'product', type: 'text', label: { en: 'Product' }, required: true },
    // Both with the total the admin asked for (a column shows one only then).
    { id: 'qty', type: 'number', label: { en: 'Qty' }, showTotal: true },
    { id: 'price', type: 'currency', label: { en: 'Price' }, currency: 'CNY' },
    { id: 'amount', type: 'formula', label: { en: 'Amount' }, formula: 'qty * price', resultType: 'currency', showTotal: true },
  ],
};

/** The quote's `lines` field, holding such lines. */
export const linesField: FieldDefinition = { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'line' };
