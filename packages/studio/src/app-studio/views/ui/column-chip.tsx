import { ArrowLeftOutlined, ArrowRightOutlined, CloseOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { useCallback } from 'react';
import { useDrag } from 'react-dnd';
import { useViewT } from '../i18n/use-view-t';
import { type ColumnDragItem, VIEW_COLUMN } from './column-drop-slot';
import { IconAction } from './icon-action';

interface ColumnChipProps {
  column: string;
  name: string;
  /** Shown columns move and leave; available fields are added. */
  shown: boolean;
  first?: boolean;
  last?: boolean;
  onAdd?: () => void;
  onRemove?: () => void;
  onStep?: (step: -1 | 1) => void;
}

/** One column or field, dragged by its handle; its buttons do the same by keyboard (add, move earlier or later, remove). */
export function ColumnChip({ column, name, shown, first, last, onAdd, onRemove, onStep }: ColumnChipProps) {
  const t = useViewT();
  const [{ dragging }, drag] = useDrag<ColumnDragItem, void, { dragging: boolean }>(
    () => ({ type: VIEW_COLUMN, item: { column }, collect: (monitor) => ({ dragging: monitor.isDragging() }) }),
    [column],
  );
  const attach = useCallback((element: HTMLDivElement | null) => void drag(element), [drag]);
  return (
    <Flex
      ref={attach}
      align="center"
      gap={2}
      className={`views-chip${dragging ? ' views-chip-dragging' : ''}`}
      data-testid={`${shown ? 'view-column' : 'view-field'}-${column}`}
    >
      <HolderOutlined className="views-chip-handle" aria-hidden />
      <span className="views-chip-name">{name}</span>
      {shown ? (
        <>
          <IconAction icon={<ArrowLeftOutlined />} disabled={first} label={t('views.columnLeft', { name })} onClick={() => onStep?.(-1)} />
          <IconAction icon={<ArrowRightOutlined />} disabled={last} label={t('views.columnRight', { name })} onClick={() => onStep?.(1)} />
          <IconAction icon={<CloseOutlined />} label={t('views.removeColumn', { name })} onClick={onRemove} />
        </>
      ) : (
        <IconAction icon={<PlusOutlined />} label={t('views.addColumn', { name })} onClick={onAdd} />
      )}
    </Flex>
  );
}
