import { validateDocument } from '@tessera/meta/validate';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { addChildTable, childObjectOf, dropIndex } from './child-table-edits';
import { addField, hideField, moveField } from './document-edits';
import { withType } from './field-type-change';
import { newField } from './new-field';
import { ROLLUP_AGGREGATES, rollupFormula, rollupSources } from './rollup-formula';

const app: AppDocument = {
  id: 'sales',
  label: { en: 'Sales' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' }, required: true, unique: true },
        { id: 'stage', type: 'select', label: { en: 'Stage' }, options: [{ value: 'new', label: { en: 'New' }, color: '#1677ff' }] },
        { id: 'discount', type: 'number', label: { en: 'Discount' }, scale: 1 },
      ],
    },
  ],
};

const quote = (d: AppDocument) => d.objects.find((o) => o.id === 'quote')!;
const field = (d: AppDocument, id: string) => quote(d).fields.find((f) => f.id === id)!;

describe('a field given another type', () => {
  it('keeps its id, labels and the rules the new type has; starts the new settings as a new field does', () => {
    expect(withType(app, 'quote', field(app, 'name'), 'select')).toEqual({
      id: 'name',
      type: 'select',
      label: { en: 'Name' },
      required: true,
      options: [expect.objectContaining({ value: 'option_1' })],
    });
    expect(withType(app, 'quote', field(app, 'name'), 'number')).toMatchObject({ unique: true, required: true });
    expect(withType(app, 'quote', field(app, 'name'), 'formula')).toMatchObject({ formula: '0', resultType: 'number' });
  });

  it('carries options between selects and digits between numbers', () => {
    expect(withType(app, 'quote', field(app, 'stage'), 'multi_select').options).toEqual(field(app, 'stage').options);
    expect(withType(app, 'quote', field(app, 'discount'), 'currency')).toMatchObject({ scale: 1, currency: 'CNY' });
    expect(withType(app, 'quote', field(app, 'discount'), 'number')).toBe(field(app, 'discount'));
  });
});

describe('child-table columns', () => {
  it('adds a child table with a child object holding its rows, valid as it stands', () => {
    const { document, fieldId } = addChildTable(app, 'quote');
    expect(field(document, fieldId)).toMatchObject({ type: 'child_table', target: 'quote_line_1' });
    const child = childObjectOf(document, 'quote', field(document, fieldId));
    expect(child).toMatchObject({ id: 'quote_line_1', parent: 'quote' });
    expect(validateDocument(document).ok).toBe(true);
    expect(app.objects).toHaveLength(1);
  });

  it('adds, reorders and removes columns as fields of the child object, checked like any field', () => {
    const { document } = addChildTable(app, 'quote');
    const child = document.objects.find((o) => o.id === 'quote_line_1')!;
    const qty = newField(document, child, 'number');
    const price = newField(document, child, 'currency');
    let next = addField(addField(document, child.id, qty), child.id, price);
    const columns = () => next.objects.find((o) => o.id === child.id)!.fields.map((f) => f.id);
    expect(columns()).toEqual(['name', 'number_1', 'currency_1']);
    // Dropped at the slot before the first column…
    next = moveField(next, child.id, 'currency_1', dropIndex(next.objects.find((o) => o.id === child.id)!.fields, 'currency_1', 0));
    expect(columns()).toEqual(['currency_1', 'name', 'number_1']);
    // …and at the slot after `name` (index 2 counts the dragged column itself).
    next = moveField(next, child.id, 'currency_1', dropIndex(next.objects.find((o) => o.id === child.id)!.fields, 'currency_1', 2));
    expect(columns()).toEqual(['name', 'currency_1', 'number_1']);
    next = hideField(next, child.id, 'number_1');
    expect(columns()).toEqual(['name', 'currency_1']);
    const broken = addField(next, child.id, { id: 'bad', type: 'select', label: { en: 'Bad' } } as never);
    const verdict = validateDocument(broken);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.issues.some((i) => i.pointer.startsWith('/objects/1/fields/2'))).toBe(true);
  });
});

describe('rollups', () => {
  it('lists child tables as sources and writes the aggregate as a formula', () => {
    const { document, fieldId } = addChildTable(app, 'quote');
    expect(rollupSources(document, quote(document)).map((s) => [s.field.id, s.rows.id])).toEqual([[fieldId, 'quote_line_1']]);
    expect(rollupFormula('SUM', 'lines_1', 'amount')).toBe('SUM(lines_1.amount)');
    expect(rollupFormula('COUNT', 'lines_1', 'amount')).toBe('COUNT(lines_1)');
    expect(ROLLUP_AGGREGATES).toContain('AVERAGE');
  });
});
