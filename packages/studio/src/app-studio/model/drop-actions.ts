import type { AppDocument, FormDefinition } from '@tessera/schemas';
import { addField } from './document-edits';
import { accepts, canMove, type DropPosition, fieldNode, insertNodes, layoutNodes, moveNode, withDesignedForm } from './form-edits';
import { newField, PALETTE_FIELD_TYPES, type PaletteFieldType } from './new-field';
import type { DragItem, Selection } from './studio-store';

function isPaletteType(type: string): type is PaletteFieldType {
  return (PALETTE_FIELD_TYPES as readonly string[]).includes(type);
}

/** Whether `item` may land at `at` on `form` (null: the object has no form yet, everything lands at its top level). */
export function canDrop(form: FormDefinition | null, item: DragItem, at: DropPosition): boolean {
  const parentKind = at.parent === null ? null : (form?.nodes.find((n) => n.id === at.parent)?.kind ?? null);
  if (at.parent !== null && parentKind === null) return false;
  switch (item.kind) {
    case 'node':
      return form !== null && canMove(form, item.nodeId, at);
    case 'new-layout':
      return accepts(parentKind, item.layout);
    // The flow designer's items land on flows only.
    case 'new-flow-node':
    case 'flow-node':
      return false;
    default:
      return accepts(parentKind, 'field');
  }
}

/**
 * What one drop does to the document, as one undo step: a new field type becomes a new field of
 * the object placed on its form; a layout element arrives with its first tab or two columns; a
 * field not on the form yet is placed; a node moves with everything inside it. The object gets its
 * form on the first drop. The selection moves to what was dropped.
 */
export function dropOnForm(
  document: AppDocument,
  objectId: string,
  item: DragItem,
  at: DropPosition,
  formId: string | null = null,
): { document: AppDocument; selection: Partial<Selection> } | null {
  const object = document.objects.find((o) => o.id === objectId);
  if (!object) return null;
  const { document: withForm, form } = withDesignedForm(document, objectId, formId);
  if (!canDrop(form, item, at)) return null;
  switch (item.kind) {
    case 'new-field': {
      if (!isPaletteType(item.fieldType)) return null;
      const field = newField(withForm, object, item.fieldType);
      const node = fieldNode(form, field.id);
      return { document: insertNodes(addField(withForm, objectId, field), form.id, [node], at), selection: { fieldId: field.id, nodeId: node.id } };
    }
    case 'new-layout': {
      const nodes = layoutNodes(form, item.layout);
      return { document: insertNodes(withForm, form.id, nodes, at), selection: { fieldId: null, nodeId: nodes[0]?.id ?? null } };
    }
    case 'field': {
      if (form.nodes.some((n) => n.kind === 'field' && n.field === item.fieldId)) return null;
      const node = fieldNode(form, item.fieldId);
      return { document: insertNodes(withForm, form.id, [node], at), selection: { fieldId: item.fieldId, nodeId: node.id } };
    }
    case 'node':
      return { document: moveNode(withForm, form.id, item.nodeId, at), selection: { nodeId: item.nodeId } };
    default:
      return null;
  }
}
