import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import type { ObjectDefinition } from '@tessera/schemas';
import { Button } from 'antd';
import { memo, type ReactElement, useCallback, useEffect, useRef } from 'react';
import { useDrag, useDrop } from 'react-dnd';
import { useStore } from 'zustand';
import { useT } from '../../i18n/use-t';
import { type CellChange, GridCell } from './grid-cell';
import { ACTIONS_WIDTH, type GridColumn, LEAD_WIDTH } from './grid-columns';
import type { GridStore } from './grid-store';
import type { LabelStore } from './relation-labels';
import type { RowFormulas } from './row-formulas';

/** What a row asks of its grid; one stable object, so rows never re-render because of it. */
export interface RowActions {
  cell: CellChange;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  /** The key of a line just added: its row takes the focus once it is on screen. */
  focusOnMount: { current: string | null };
}

export interface RowShared {
  grid: GridStore;
  tableField: string;
  columns: readonly GridColumn[];
  inputs: readonly (ReactElement | null)[];
  formulas: RowFormulas;
  labels: LabelStore;
  appId: string;
  /** Relation field id → the object it points to. */
  targets: ReadonlyMap<string, ObjectDefinition | null>;
  /** Read-only from form rules or while saving: no typing, moving or removing. */
  locked: boolean;
  actions: RowActions;
}

interface DraggedLine {
  index: number;
}

interface GridRowProps {
  shared: RowShared;
  index: number;
  /** Offset from the top of the rows, and height (taller with messages under its cells), in pixels. */
  start: number;
  size: number;
}

/**
 * One line: number and drag handle, a cell per column, and move/remove buttons for keyboard
 * users. It subscribes to its own line only, so typing re-renders this row and no other.
 */
export const GridRow = memo(function GridRow({ shared, index, start, size }: GridRowProps) {
  const { grid, tableField, columns, inputs, formulas, labels, appId, targets, locked, actions } = shared;
  const t = useT();
  const row = useStore(grid, (s) => s.rows[index]);
  const count = useStore(grid, (s) => s.rows.length);
  const element = useRef<HTMLDivElement | null>(null);
  const type = `child-table-line:${tableField}`;

  const [{ dragging }, drag, preview] = useDrag<DraggedLine, unknown, { dragging: boolean }>(
    () => ({
      type,
      item: { index },
      canDrag: () => !locked,
      collect: (monitor) => ({ dragging: monitor.isDragging() }),
    }),
    [type, index, locked],
  );
  const [{ over }, drop] = useDrop<DraggedLine, unknown, { over: boolean }>(
    () => ({
      accept: type,
      canDrop: (item) => item.index !== index,
      drop: (item) => actions.move(item.index, index),
      collect: (monitor) => ({ over: monitor.isOver() && monitor.canDrop() }),
    }),
    [type, index, actions],
  );

  const setRef = useCallback(
    (node: HTMLDivElement | null) => {
      element.current = node;
      drop(node);
      preview(node);
    },
    [drop, preview],
  );

  // Stable refs: a new callback on each render would make react-dnd reconnect on every keystroke.
  const setHandle = useCallback(
    (node: HTMLSpanElement | null) => {
      drag(node);
    },
    [drag],
  );

  const key = row?.key;
  useEffect(() => {
    if (!key || actions.focusOnMount.current !== key) return;
    actions.focusOnMount.current = null;
    element.current?.querySelector<HTMLElement>('input:not([disabled]), [role="combobox"], button:not([disabled])')?.focus();
  }, [key, actions]);

  if (!row) return null;
  const computed = formulas.valuesOf(row);
  const number = index + 1;
  return (
    <div
      ref={setRef}
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-row-key={row.key}
      data-testid="child-table-row"
      className={`child-table-row${over ? ' child-table-row-over' : ''}${dragging ? ' child-table-row-dragging' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: size }}
    >
      <div role="gridcell" className="child-table-lead" style={{ width: LEAD_WIDTH }}>
        <span
          ref={setHandle}
          className={`child-table-handle${locked ? ' child-table-handle-locked' : ''}`}
          title={t('childTable.drag', { row: number })}
          aria-hidden
        >
          <HolderOutlined />
        </span>
        <span className="child-table-number">{number}</span>
      </div>
      {columns.map((column, c) => (
        <GridCell
          key={column.field.id}
          column={column}
          input={inputs[c] ?? null}
          index={index}
          rowKey={row.key}
          tableField={tableField}
          value={row.values[column.field.id]}
          formulaValue={computed[column.field.id]}
          labels={labels}
          appId={appId}
          target={targets.get(column.field.id) ?? null}
          onCell={actions.cell}
        />
      ))}
      <RowButtons index={index} count={count} locked={locked} actions={actions} />
    </div>
  );
});

interface RowButtonsProps {
  index: number;
  count: number;
  locked: boolean;
  actions: RowActions;
}

/**
 * Move up, move down and remove, for keyboard users. Memoised apart from the row: a keystroke
 * re-renders the row it lands in, and these three antd buttons need not render with it.
 */
const RowButtons = memo(function RowButtons({ index, count, locked, actions }: RowButtonsProps) {
  const t = useT();
  const number = index + 1;
  return (
    <div role="gridcell" className="child-table-actions" style={{ width: ACTIONS_WIDTH }}>
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        aria-label={t('childTable.moveUp', { row: number })}
        disabled={locked || index === 0}
        onClick={() => actions.move(index, index - 1)}
        data-testid="child-table-move-up"
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        aria-label={t('childTable.moveDown', { row: number })}
        disabled={locked || index === count - 1}
        onClick={() => actions.move(index, index + 1)}
        data-testid="child-table-move-down"
      />
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('childTable.remove', { row: number })}
        disabled={locked}
        onClick={() => actions.remove(index)}
        data-testid="child-table-remove"
      />
    </div>
  );
});
