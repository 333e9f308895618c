import type { FieldDefinition, FormDefinition, FormNode } from '@tessera/schemas';
import { Tag } from 'antd';
import { type KeyboardEvent, useCallback } from 'react';
import { useDrag } from 'react-dnd';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { DESIGNER_ITEM } from '../hooks/use-drop-action';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { childrenOf, moveNode, removeNode, withDesignedForm } from '../model/form-edits';
import type { DragItem } from '../model/studio-store';
import { DropSlot } from './drop-slot';

interface CanvasNodeProps {
  form: FormDefinition;
  node: FormNode;
  fields: ReadonlyMap<string, FieldDefinition>;
}

/** The children of a container with a drop place before each, and one after the last. */
export function CanvasChildren({
  form,
  parent,
  fields,
  name,
}: {
  form: FormDefinition;
  parent: string | null;
  fields: ReadonlyMap<string, FieldDefinition>;
  name: string;
}) {
  const children = childrenOf(form, parent);
  return (
    <div className="studio-children">
      {children.map((child, index) => (
        <div key={child.id}>
          <DropSlot form={form} at={{ parent, index }} targetName={name} />
          <CanvasNode form={form} node={child} fields={fields} />
        </div>
      ))}
      <DropSlot form={form} at={{ parent, index: children.length }} targetName={name} empty={children.length === 0} />
    </div>
  );
}

/**
 * One element of the form on the canvas: selected by click, dragged by pointer, and by keyboard
 * — Enter picks it up (then Enter on a drop place), Alt+↑/↓ moves it among its siblings, Delete
 * takes it off the form.
 */
export function CanvasNode({ form, node, fields }: CanvasNodeProps) {
  const t = useStudioT();
  const label = useLabel();
  const store = useStudioStore();
  const selected = useStudio((s) => s.selection.nodeId === node.id);
  const carried = useStudio((s) => s.carrying?.kind === 'node' && s.carrying.nodeId === node.id);
  const [{ dragging }, drag] = useDrag<DragItem, void, { dragging: boolean }>(
    () => ({ type: DESIGNER_ITEM, item: { kind: 'node', nodeId: node.id }, collect: (m) => ({ dragging: m.isDragging() }) }),
    [node.id],
  );
  // A stable ref: a new callback each render would reconnect the source mid-drag.
  const attach = useCallback((element: HTMLDivElement | null) => void drag(element), [drag]);
  const field = node.kind === 'field' && node.field ? fields.get(node.field) : undefined;
  const name = field ? label(node.label ?? field.label, field.id) : label(node.label, t(`studio.kind.${node.kind}`));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return;
    const { edit: editDocument, carry, carrying } = store.getState();
    // The canvas may show the form the object will get: the first change makes it real.
    const edit: typeof editDocument = (change, options) => editDocument((d) => change(withDesignedForm(d, form.object, form.id).document), options);
    const siblings = childrenOf(form, node.parent ?? null);
    const index = siblings.findIndex((s) => s.id === node.id);
    if (event.key === 'Enter' || event.key === ' ') carry(carrying ? null : { kind: 'node', nodeId: node.id });
    else if (event.altKey && event.key === 'ArrowUp' && index > 0)
      edit((d) => moveNode(d, form.id, node.id, { parent: node.parent ?? null, index: index - 1 }));
    else if (event.altKey && event.key === 'ArrowDown' && index < siblings.length - 1)
      edit((d) => moveNode(d, form.id, node.id, { parent: node.parent ?? null, index: index + 2 }));
    else if (event.key === 'Delete' || event.key === 'Backspace') edit((d) => removeNode(d, form.id, node.id), { select: { nodeId: null } });
    else return;
    event.preventDefault();
  };

  const className = ['studio-node', `studio-node-${node.kind}`, selected ? 'studio-node-selected' : '', dragging || carried ? 'studio-node-dragging' : '']
    .filter(Boolean)
    .join(' ');
  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable card holding nested cards cannot be a <button>
    <div
      ref={attach}
      className={className}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${t(`studio.kind.${node.kind}`)}: ${name}. ${t('studio.canvas.pickUp')}`}
      data-testid={`canvas-node-${node.id}`}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        event.stopPropagation();
        store.getState().select({ nodeId: node.id, fieldId: field?.id ?? null });
      }}
    >
      <div className="studio-node-title">
        <span>{name}</span>
        <Tag>{field ? t(`studio.type.${field.type}`) : t(`studio.kind.${node.kind}`)}</Tag>
        {field?.required && <Tag color="red">{t('studio.field.required')}</Tag>}
      </div>
      {node.kind !== 'field' && (
        <div className={node.kind === 'columns' ? 'studio-columns' : undefined}>
          {node.kind === 'columns' || node.kind === 'tabs' || node.kind === 'steps' ? (
            childrenOf(form, node.id).map((child) => <CanvasNode key={child.id} form={form} node={child} fields={fields} />)
          ) : (
            <CanvasChildren form={form} parent={node.id} fields={fields} name={name} />
          )}
        </div>
      )}
    </div>
  );
}
