import type { PlainValue } from '@tessera/expr';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { cloneElement, memo, type ReactElement, useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import type { FieldValue } from '../../api/types';
import { keepPage } from '../../form-runtime/field-frame';
import { valueFromChange } from '../../form-runtime/use-form-field';
import type { WidgetProps } from '../../form-runtime/widget-props';
import { localized } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { FieldCell } from '../../objects/field-cell';
import { toFieldValue, toFormValue } from '../../records/form-values';
import { RelationSelect } from '../../records/relation-select';
import { useSessionStore } from '../../stores/session-store';
import type { GridColumn } from './grid-columns';
import type { LabelStore } from './relation-labels';
import { rowAsRecord } from './row-record';
import { useCellErrors } from './use-cell-errors';

/** Where a cell sends its new value: the line's index, the field and the wire value. */
export type CellChange = (index: number, fieldId: string, value: FieldValue) => void;

/** What a grid cell hands its input, as a form field does (widget-props.ts), with its own label. */
type InputProps = WidgetProps & Required<Pick<WidgetProps, 'aria-label'>>;

/** Typed text keeps its spaces while the user types; it is trimmed when they leave the cell, as the form does on save. */
const TRIMMED_ON_BLUR: ReadonlySet<string> = new Set(['text', 'long_text', 'phone', 'email', 'url']);

interface GridCellProps {
  column: GridColumn;
  /** The input for this column, built once per column (field-widget.tsx), or null for a formula. */
  input: ReactElement | null;
  index: number;
  rowKey: string;
  tableField: string;
  value: FieldValue | undefined;
  formulaValue: PlainValue | undefined;
  labels: LabelStore;
  appId: string;
  target: ObjectDefinition | null;
  onCell: CellChange;
}

function FormulaCell({ field, value }: { field: FieldDefinition; value: PlainValue | undefined }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const record = useMemo(() => rowAsRecord({ [field.id]: value ?? null }), [field.id, value]);
  return <FieldCell field={field} record={record} locale={locale} t={t} />;
}

/**
 * A relation cell names its record from the grid's label store (lines carry bare ids). Names
 * arrive after the lines; the picker takes one whenever it comes, without mounting again.
 */
function RelationCell({
  labels,
  value,
  ...props
}: {
  labels: LabelStore;
  appId: string;
  target: ObjectDefinition | null;
  id: string;
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const label = useStore(labels, (s) => (value ? s.labels[value] : undefined));
  const named = useMemo(() => (value && label !== undefined ? { value, label } : null), [value, label]);
  return <RelationSelect {...props} value={value} named={named} fetchName={false} />;
}

/**
 * One cell of a line: the field's own input in the grid's small size, its server messages under
 * it. Memoised: a keystroke re-renders the cell typed into, not its neighbours. Read-only comes
 * from antd's disabled context, which the grid sets for the whole table.
 */
export const GridCell = memo(function GridCell({
  column,
  input,
  index,
  rowKey,
  tableField,
  value,
  formulaValue,
  labels,
  appId,
  target,
  onCell,
}: GridCellProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { field } = column;
  const errors = useCellErrors(tableField, rowKey, field.id);
  const formValue = useMemo(() => toFormValue(field, value), [field, value]);
  const trimmed = TRIMMED_ON_BLUR.has(field.type);

  const onChange = useCallback(
    (arg: unknown) => {
      const next = valueFromChange(arg);
      // Raw text while typing (a trailing space is the start of the next word), converted otherwise.
      onCell(index, field.id, trimmed ? (typeof next === 'string' && next !== '' ? next : null) : toFieldValue(field, next));
    },
    [onCell, index, field, trimmed],
  );
  const onBlur = useCallback(() => {
    if (trimmed && typeof value === 'string' && value.trim() !== value) onCell(index, field.id, value.trim() || null);
  }, [onCell, index, field.id, trimmed, value]);

  const label = t('childTable.cellLabel', { field: localized(field.label, locale, field.id), row: index + 1 });
  const id = `record-form_${tableField}_${index}_${field.id}`;
  let content: ReactElement | null;
  if (column.kind === 'formula') {
    content = (
      <span className="child-table-formula">
        <FormulaCell field={field} value={formulaValue} />
      </span>
    );
  } else if (field.type === 'relation') {
    content = (
      <RelationCell
        labels={labels}
        appId={appId}
        target={target}
        id={id}
        value={typeof value === 'string' ? value : null}
        onChange={(next) => onCell(index, field.id, next)}
      />
    );
  } else if (input) {
    const props: InputProps = {
      id,
      ...(field.type === 'checkbox' ? { checked: formValue === true } : { value: formValue }),
      onChange,
      onBlur,
      size: 'small',
      'aria-label': label,
      ...(field.type === 'currency' ? { prefix: undefined } : {}),
      ...(errors ? { status: 'error', 'aria-invalid': true } : {}),
    };
    // Its own form: Chrome's autofill re-reads the form of an input on each keystroke, and in one
    // form for the whole grid that was every cell on screen, ~500 style and layout passes a key (B6).
    content = (
      <form className="child-table-cell-form" noValidate onSubmit={keepPage}>
        {cloneElement(input as ReactElement<InputProps>, props)}
      </form>
    );
  } else {
    content = null;
  }

  return (
    <div role="gridcell" className={`child-table-cell child-table-align-${column.align}`} data-field={field.id} style={{ width: column.width }}>
      {content}
      {errors && (
        <div className="child-table-cell-error" data-testid="child-table-cell-error" title={errors.join(' ')}>
          {errors.join(' ')}
        </div>
      )}
    </div>
  );
});
