import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';

/** A small sales app: customers, opportunities pointing at them, quotes with child lines. */
export function salesApp(id = 'sales'): AppDocument {
  const customer: ObjectDefinition = {
    id: 'customer',
    label: { 'zh-CN': '客户', en: 'Customer' },
    displayField: 'name',
    fields: [
      { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true },
      { id: 'code', type: 'text', label: { en: 'Code' }, unique: true },
      {
        id: 'tier',
        type: 'select',
        label: { en: 'Tier' },
        options: [
          { value: 'a', label: { en: 'A' } },
          { value: 'b', label: { en: 'B' } },
        ],
      },
      { id: 'revenue', type: 'currency', label: { en: 'Revenue' }, scale: 2 },
      { id: 'founded', type: 'text', label: { en: 'Founded' } },
    ],
    views: [{ id: 'by_tier', label: { en: 'By tier' }, filters: [{ field: 'tier', op: 'eq', value: 'a' }], sort: [{ field: 'name', direction: 'asc' }] }],
  };
  const opportunity: ObjectDefinition = {
    id: 'opportunity',
    label: { en: 'Opportunity' },
    displayField: 'title',
    fields: [
      { id: 'title', type: 'text', label: { en: 'Title' } },
      { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' },
      { id: 'amount', type: 'number', label: { en: 'Amount' } },
    ],
  };
  const quote: ObjectDefinition = {
    id: 'quote',
    label: { en: 'Quote' },
    fields: [
      { id: 'number', type: 'auto_number', label: { en: 'Number' }, numberFormat: 'Q-{0000}' },
      { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'quote_line' },
    ],
  };
  const quoteLine: ObjectDefinition = {
    id: 'quote_line',
    label: { en: 'Quote line' },
    parent: 'quote',
    fields: [
      { id: 'product', type: 'text', label: { en: 'Product' } },
      { id: 'quantity', type: 'number', label: { en: 'Quantity' } },
    ],
  };
  return { id, label: { 'zh-CN': '销售', en: 'Sales' }, objects: [customer, opportunity, quote, quoteLine] };
}

export function withField(app: AppDocument, objectId: string, field: FieldDefinition): AppDocument {
  return mapObject(app, objectId, (o) => ({ ...o, fields: [...o.fields, field] }));
}

export function mapObject(app: AppDocument, objectId: string, change: (o: ObjectDefinition) => ObjectDefinition): AppDocument {
  return { ...app, objects: app.objects.map((o) => (o.id === objectId ? change(o) : o)) };
}

export function mapField(app: AppDocument, objectId: string, fieldId: string, change: (f: FieldDefinition) => FieldDefinition): AppDocument {
  return mapObject(app, objectId, (o) => ({ ...o, fields: o.fields.map((f) => (f.id === fieldId ? change(f) : f)) }));
}
