import type { AppDocument } from '@tessera/schemas';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A quote with line items of the common kinds and a computed amount: the "1,000-row child table" of B6. */
export function childTableApp(): AppDocument {
  return {
    id: 'lines_bench',
    label: label('Lines bench', '明细基准'),
    objects: [
      {
        id: 'quote',
        label: label('Quote', '报价单'),
        displayField: 'name',
        fields: [
          { id: 'name', type: 'text', label: label('Name', '名称'), required: true },
          { id: 'lines', type: 'child_table', label: label('Lines', '明细'), target: 'quote_line' },
        ],
      },
      {
        id: 'quote_line',
        label: label('Quote line', '报价明细'),
        parent: 'quote',
        displayField: 'product',
        fields: [
          { id: 'product', type: 'text', label: label('Product', '产品'), required: true },
          { id: 'delivery', type: 'date', label: label('Delivery', '交付日期') },
          {
            id: 'unit',
            type: 'select',
            label: label('Unit', '单位'),
            options: [
              { value: 'pcs', label: label('pcs', '件') },
              { value: 'box', label: label('box', '箱') },
            ],
          },
          { id: 'qty', type: 'number', label: label('Quantity', '数量'), scale: 2 },
          { id: 'price', type: 'currency', label: label('Unit price', '单价'), currency: 'CNY', scale: 2 },
          { id: 'discount', type: 'percent', label: label('Discount', '折扣'), scale: 2 },
          { id: 'amount', type: 'formula', label: label('Amount', '金额'), formula: 'ROUND(qty * price * (1 - discount / 100), 2)', resultType: 'currency' },
        ],
      },
    ],
  };
}

/** `count` filled lines, as the API takes them. */
export function quoteLines(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    product: `Product ${i + 1}`,
    delivery: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    unit: i % 2 === 0 ? 'pcs' : 'box',
    qty: String((i % 9) + 1),
    price: `${(i % 50) + 10}.90`,
    discount: String(i % 15),
  }));
}
