import { appTimeZone, type FieldDefinition, type ObjectDefinition } from '@tessera/schemas';
import { Alert, ConfigProvider } from 'antd';
import { type ReactElement, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { isPlainText, previewKind } from '../../form-runtime/light-preview';
import { localized } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import type { WidgetContext } from '../../records/field-widget';
import type { FormValue } from '../../records/form-values';
import { whenIdle } from '../../scheduling/when-idle';
import { useAuthStore } from '../../stores/auth-store';
import { useCurrentAppStore } from '../../stores/current-app-store';
import { CellDeferredInput } from './cell-deferred-input';
import { CellTextInput } from './cell-text-input';
import { ChildGrid } from './child-grid';
import { type ChildRows, childObjectOf, isChildRows } from './child-row';
import { gridColumns } from './grid-columns';
import { createGridStore, setGridRows } from './grid-store';
import { sharedRowFormulas } from './row-formulas';
import { useLineLabels } from './use-line-labels';
import './child-table.css';

/** The record form's input for one field type (field-widget.tsx), handed in so the modules stay acyclic. */
export type InputFor = (field: FieldDefinition, ctx: WidgetContext) => ReactElement;

interface ChildTableProps {
  field: FieldDefinition;
  ctx: WidgetContext;
  inputFor: InputFor;
  /** From the form item, as every input of field-widget.tsx gets them. */
  id?: string;
  value?: FormValue;
  onChange?: (rows: ChildRows) => void;
  disabled?: boolean;
}

const NO_ROWS: ChildRows = [];
/** Typing reaches the form within this (sooner when idle); without idle callbacks, in the next task. */
const HAND_OVER = { timeout: 300, otherwiseAfter: 0 };

/** The input of a `child_table` field (a quote's lines): a grid of its child object's records. */
export function ChildTable(props: ChildTableProps) {
  const t = useT();
  const child = useMemo(() => childObjectOf(props.field, props.ctx.objects), [props.field, props.ctx.objects]);
  if (!child) return <Alert type="warning" showIcon title={t('childTable.missingObject')} />;
  return <ChildTableEditor {...props} child={child} />;
}

function formulaContext() {
  return {
    now: new Date(),
    timeZone: appTimeZone(useCurrentAppStore.getState().document),
    currentUser: useAuthStore.getState().me?.userId ?? null,
  };
}

/**
 * Keeps the grid's own store in step with the form. The form's value flows in (a loaded record,
 * a resumed draft); the grid's edits flow out through `onChange`. A keystroke lands in the grid
 * store at once (its row re-renders) and is handed to the form when the browser is next idle, so
 * the frame the user waits for holds one row's work, not the form's rules and item as well (B6).
 * Adding, moving and removing lines, and leaving the grid (a click on Save), hand over at once.
 */
function ChildTableEditor({ field, ctx, inputFor, id, value, onChange, disabled, child }: ChildTableProps & { child: ObjectDefinition }) {
  const rows = isChildRows(value) ? value : NO_ROWS;
  const [grid] = useState(() => createGridStore(rows));
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  /** The last list the form holds, whether it came from the form or from us. */
  const handed = useRef<ChildRows>(rows);
  /** Cancels the handover waiting for the browser to idle, if one is. */
  const pending = useRef<(() => void) | null>(null);

  const handOver = useCallback(() => {
    pending.current?.();
    pending.current = null;
    const current = grid.getState().rows;
    if (current === handed.current) return;
    handed.current = current;
    onChangeRef.current?.(current);
  }, [grid]);

  // Our own edit coming back is nothing new; any other list replaces the lines, and an edit not yet handed over.
  useLayoutEffect(() => {
    if (rows === handed.current) return;
    pending.current?.();
    pending.current = null;
    handed.current = rows;
    setGridRows(grid, rows);
  }, [grid, rows]);
  useEffect(() => handOver, [handOver]);

  const commit = useCallback(
    (change: (rows: ChildRows) => ChildRows, when: 'now' | 'soon' = 'now') => {
      const before = grid.getState().rows;
      const next = change(before);
      if (next === before) return next;
      setGridRows(grid, next);
      if (when === 'now') handOver();
      else pending.current ??= whenIdle(handOver, HAND_OVER);
      return next;
    },
    [grid, handOver],
  );

  const columns = useMemo(() => gridColumns(child), [child]);
  const inputs = useMemo(
    () =>
      columns.map((c) => {
        if (c.kind !== 'input' || c.field.type === 'relation') return null;
        // One line of text per cell (a long text too, rather than the form's text area): the browser's input.
        if (c.field.type === 'long_text' || isPlainText(c.field)) return <CellTextInput field={c.field} />;
        const kind = previewKind(c.field);
        // biome-ignore lint/correctness/useJsxKeyInIterable: one input per column, each handed to its own cell (GridRow's `inputs[c]`), never rendered as a list
        return kind ? <CellDeferredInput kind={kind} field={c.field} ctx={ctx} /> : inputFor(c.field, ctx);
      }),
    [columns, inputFor, ctx],
  );
  const targets = useMemo(
    () =>
      new Map(columns.filter((c) => c.field.type === 'relation').map((c) => [c.field.id, ctx.objects.find((o) => o.id === c.field.target) ?? null] as const)),
    [columns, ctx.objects],
  );
  const formulas = useMemo(() => sharedRowFormulas(child, ctx.objects, formulaContext), [child, ctx.objects]);
  const read = useCallback(() => grid.getState().rows, [grid]);
  const labels = useLineLabels(ctx.appId, targets, read, grid.subscribe);
  const inherited = ConfigProvider.useConfig().componentDisabled === true;

  return (
    <DndProvider backend={HTML5Backend}>
      <ChildGrid
        id={id}
        label={localized(field.label, ctx.locale, field.id)}
        grid={grid}
        commit={commit}
        onLeave={handOver}
        tableField={field.id}
        columns={columns}
        inputs={inputs}
        formulas={formulas}
        labels={labels}
        appId={ctx.appId}
        targets={targets}
        locked={disabled === true || inherited}
      />
    </DndProvider>
  );
}
