import { PlusOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button, ConfigProvider, Flex, Form, Typography } from 'antd';
import { memo, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { FormRuntimeContext } from '../../form-runtime/form-runtime-context';
import { useT } from '../../i18n/use-t';
import { cellErrorKey } from './cell-errors';
import type { ChildRows } from './child-row';
import { gridWidth } from './grid-columns';
import { GridFooter, GridHeader } from './grid-header';
import { GridRow, type RowActions, type RowShared } from './grid-row';
import { addRow, moveRow, removeRow, setCell } from './row-ops';
import { clearCellErrors, useMarkedLines } from './use-cell-errors';

/**
 * Heights of the header and of a row, without and with a line of messages under its cells
 * (child-table.css). Fixed, not measured: the virtualizer never waits on layout, and a row's
 * height changes only when the server's messages come or go.
 */
const HEADER_HEIGHT = 36;
const ROW_HEIGHT = 40;
const MARKED_ROW_HEIGHT = 60;
/** About ten lines on screen; the rest scroll inside the table, never the whole form. */
const VIEWPORT_HEIGHT = 440;

/** The grid's own props, plus everything its rows share except the actions it builds for them. */
export interface ChildGridProps extends Omit<RowShared, 'actions'> {
  id: string | undefined;
  label: string;
  /** Applies a change to the lines and hands the result to the form, now or (typing) in the next task. */
  commit: (change: (rows: ChildRows) => ChildRows, when?: 'now' | 'soon') => ChildRows;
  /** Focus left the grid: whatever was typed goes to the form before anything else happens (a click on Save). */
  onLeave: () => void;
}

/**
 * The lines grid: sticky header and totals, rows virtualized (only those on screen, plus a few,
 * are in the DOM, so 1,000 lines open and type as fast as ten), add/move/remove, and the server's
 * messages on their cells. It subscribes to the list of line keys only: typing in a cell does not
 * re-render it, only the row typed in and the totals.
 */
export const ChildGrid = memo(function ChildGrid(props: ChildGridProps) {
  const { id, label, grid, commit, onLeave, tableField, columns, inputs, formulas, labels, appId, targets, locked } = props;
  const t = useT();
  const keys = useStore(grid, (s) => s.keys);
  const formStore = useContext(FormRuntimeContext)?.store ?? null;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const focusOnMount = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const marked = useMarkedLines(formStore, tableField);
  const virtualizer = useVirtualizer({
    count: keys.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (marked.has(keys[index] ?? '') ? MARKED_ROW_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => keys[index] ?? index,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
    // Rows render on the first paint (and in tests), before the scroll box has been measured.
    initialRect: { width: 960, height: VIEWPORT_HEIGHT },
  });
  const scrollTo = useRef(virtualizer.scrollToIndex);
  scrollTo.current = virtualizer.scrollToIndex;
  useEffect(() => virtualizer.measure(), [virtualizer, marked]);

  const actions = useMemo<RowActions>(
    () => ({
      cell: (index, fieldId, value) => {
        const row = grid.getState().rows[index];
        if (row) clearCellErrors(formStore, cellErrorKey(tableField, row.key, fieldId));
        commit((rows) => setCell(rows, index, fieldId, value), 'soon');
      },
      move: (from, to) => {
        const rows = grid.getState().rows;
        if (to < 0 || to >= rows.length) return;
        commit((current) => moveRow(current, from, to));
        setAnnouncement(t('childTable.moved', { row: to + 1 }));
        scrollTo.current(to, { align: 'auto' });
      },
      remove: (index) => {
        commit((rows) => removeRow(rows, index));
        setAnnouncement(t('childTable.removed', { row: index + 1 }));
      },
      focusOnMount,
    }),
    [grid, commit, formStore, tableField, t],
  );

  const shared = useMemo<RowShared>(
    () => ({
      grid,
      tableField,
      columns,
      inputs,
      formulas,
      labels,
      appId,
      targets,
      locked,
      actions,
    }),
    [grid, tableField, columns, inputs, formulas, labels, appId, targets, locked, actions],
  );

  const add = () => {
    const rows = commit((current) => addRow(current));
    const added = rows.length - 1;
    focusOnMount.current = rows[added]?.key ?? null;
    setAnnouncement(t('childTable.added', { row: added + 1 }));
    // The new row mounts once it is within the scrolled window.
    requestAnimationFrame(() => scrollTo.current(added, { align: 'end' }));
  };

  // After a refused save, bring the first line with a message into view.
  useEffect(() => {
    const first = grid.getState().keys.findIndex((key) => marked.has(key));
    if (first >= 0) scrollTo.current(first, { align: 'center' });
  }, [grid, marked]);

  const count = keys.length;
  return (
    <ConfigProvider componentDisabled={locked}>
      {/* The table's own form item turns red when a line has a message; only the marked cells should. */}
      <Form.Item noStyle validateStatus="">
        {/* biome-ignore lint/a11y/noStaticElementInteractions: React's blur bubbles, so this hears focus leave any cell's input; the div itself takes no input */}
        <div className="child-table" id={id} data-testid={`child-table-${tableField}`} onBlur={onLeave}>
          <div
            ref={scrollRef}
            className="child-table-scroll"
            role="grid"
            aria-label={label}
            aria-rowcount={count + 1}
            style={{ maxHeight: VIEWPORT_HEIGHT + HEADER_HEIGHT + ROW_HEIGHT }}
          >
            <div className="child-table-inner" style={{ width: gridWidth(columns) }}>
              <GridHeader columns={columns} />
              <div className="child-table-body" style={{ height: virtualizer.getTotalSize() }}>
                {virtualizer.getVirtualItems().map((item) => (
                  <GridRow key={item.key} shared={shared} index={item.index} start={item.start - HEADER_HEIGHT} size={item.size} />
                ))}
              </div>
              {count > 0 && <GridFooter grid={grid} columns={columns} formulas={formulas} />}
            </div>
            {count === 0 && (
              <Typography.Text type="secondary" className="child-table-empty">
                {t('childTable.empty')}
              </Typography.Text>
            )}
          </div>
          <Flex justify="space-between" align="center" className="child-table-toolbar">
            <Button size="small" icon={<PlusOutlined />} disabled={locked} onClick={add} data-testid="child-table-add">
              {t('childTable.addLine')}
            </Button>
            <Typography.Text type="secondary" data-testid="child-table-count">
              {count === 1 ? t('childTable.lineOne') : t('childTable.lines', { count })}
            </Typography.Text>
          </Flex>
          <div className="child-table-announce" role="status" aria-live="polite">
            {announcement}
          </div>
        </div>
      </Form.Item>
    </ConfigProvider>
  );
});
