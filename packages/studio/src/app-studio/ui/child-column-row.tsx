import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import type { FieldDefinition } from '@tessera/schemas';
import { Button, Flex, Tag, Typography } from 'antd';
import { type KeyboardEvent, useCallback } from 'react';
import { useDrag, useDrop } from 'react-dnd';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { dropIndex } from '../model/child-table-edits';
import { moveField } from '../model/document-edits';

/** The drag type of a child-table column: its own, so no other designer's drop place takes one. */
export const CHILD_COLUMN = 'tessera-child-column';
interface ColumnDragItem {
  childId: string;
  fieldId: string;
}

/** A place before column `index` (or after the last) where a dragged column of the same table lands. */
export function ColumnDropSlot({ childId, columns, index }: { childId: string; columns: readonly FieldDefinition[]; index: number }) {
  const edit = useStudio((s) => s.edit);
  const [{ over }, ref] = useDrop<ColumnDragItem, void, { over: boolean }>(
    () => ({
      accept: CHILD_COLUMN,
      canDrop: (item) => item.childId === childId,
      drop: (item) => edit((d) => moveField(d, childId, item.fieldId, dropIndex(columns, item.fieldId, index))),
      collect: (monitor) => ({ over: monitor.isOver() && monitor.canDrop() }),
    }),
    [childId, columns, index, edit],
  );
  const attach = useCallback((element: HTMLDivElement | null) => void ref(element), [ref]);
  return <div ref={attach} className={`child-column-slot${over ? ' child-column-slot-over' : ''}`} data-testid={`column-slot-${index}`} />;
}

interface ColumnRowProps {
  childId: string;
  column: FieldDefinition;
  index: number;
  count: number;
  selected: boolean;
  onSelect: () => void;
}

/** One column of a child table: click to edit it, drag it by the pointer, or move it by Alt+↑/↓ or its buttons. */
export function ChildColumnRow({ childId, column, index, count, selected, onSelect }: ColumnRowProps) {
  const t = useStudioT();
  const label = useLabel();
  const edit = useStudio((s) => s.edit);
  const name = label(column.label, column.id);
  const [{ dragging }, drag] = useDrag<ColumnDragItem, void, { dragging: boolean }>(
    () => ({ type: CHILD_COLUMN, item: { childId, fieldId: column.id }, collect: (monitor) => ({ dragging: monitor.isDragging() }) }),
    [childId, column.id],
  );
  const attach = useCallback((element: HTMLDivElement | null) => void drag(element), [drag]);
  const move = (to: number) => edit((d) => moveField(d, childId, column.id, to));
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') onSelect();
    else if (event.altKey && event.key === 'ArrowUp' && index > 0) move(index - 1);
    else if (event.altKey && event.key === 'ArrowDown' && index < count - 1) move(index + 1);
    else return;
    event.preventDefault();
    // The row keeps the focus in its new place, so the next Alt+↑/↓ moves it on.
    const row = event.currentTarget;
    requestAnimationFrame(() => row.ownerDocument.querySelector<HTMLElement>(`[data-testid="column-row-${column.id}"]`)?.focus());
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable row holding buttons cannot be a <button>
    <div
      ref={attach}
      role="button"
      tabIndex={0}
      className={`child-column${dragging ? ' child-column-dragging' : ''}${selected ? ' child-column-selected' : ''}`}
      aria-label={t('studio.columns.row', { name })}
      aria-pressed={selected}
      data-testid={`column-row-${column.id}`}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <Flex align="center" gap={6}>
        <HolderOutlined style={{ color: '#999' }} />
        <Typography.Text strong={selected} style={{ flex: 1 }}>
          {name}
        </Typography.Text>
        <Tag>{t(`studio.type.${column.type}`)}</Tag>
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          disabled={index === 0}
          aria-label={t('studio.columns.moveUp', { name })}
          onClick={(e) => {
            e.stopPropagation();
            move(index - 1);
          }}
        />
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          disabled={index === count - 1}
          aria-label={t('studio.columns.moveDown', { name })}
          onClick={(e) => {
            e.stopPropagation();
            move(index + 1);
          }}
        />
      </Flex>
    </div>
  );
}
