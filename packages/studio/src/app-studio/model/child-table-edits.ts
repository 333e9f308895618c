import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { addField, addObject } from './document-edits';
import { freeId } from './new-field';

/**
 * A new child-table field on `objectId` and the child object that holds its rows (quote lines):
 * the child's fields are the table's columns, edited in the same panel as any field and checked by
 * the same rules. Returns the document and the new field's id.
 */
export function addChildTable(document: AppDocument, objectId: string): { document: AppDocument; fieldId: string } {
  const object = document.objects.find((o) => o.id === objectId);
  if (!object) return { document, fieldId: '' };
  const childId = freeId(`${objectId}_line`, new Set(document.objects.map((o) => o.id)));
  const child: ObjectDefinition = {
    id: childId,
    parent: objectId,
    label: { 'zh-CN': '明细', en: 'Lines' },
    displayField: 'name',
    fields: [{ id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' } }],
  };
  const fieldId = freeId('lines', new Set(object.fields.map((f) => f.id)));
  const field: FieldDefinition = { id: fieldId, type: 'child_table', target: childId, label: { 'zh-CN': '明细', en: 'Lines' } };
  return { document: addField(addObject(document, child), objectId, field), fieldId };
}

/** The object holding a child-table field's rows, when it is a child of the field's object. */
export function childObjectOf(document: AppDocument, objectId: string, field: FieldDefinition): ObjectDefinition | null {
  if (field.type !== 'child_table') return null;
  return document.objects.find((o) => o.id === field.target && o.parent === objectId) ?? null;
}

/** `index` counts the dragged column among the columns; the move counts without it. */
export function dropIndex(fields: readonly FieldDefinition[], fieldId: string, index: number): number {
  const from = fields.findIndex((f) => f.id === fieldId);
  return from >= 0 && from < index ? index - 1 : index;
}
