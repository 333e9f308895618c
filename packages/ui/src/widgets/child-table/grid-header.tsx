import { CalculatorOutlined } from '@ant-design/icons';
import type { FieldDefinition } from '@tessera/schemas';
import { Tooltip } from 'antd';
import { memo, useMemo } from 'react';
import { useStore } from 'zustand';
import { localized } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { FieldCell } from '../../objects/field-cell';
import { useSessionStore } from '../../stores/session-store';
import { columnSums } from './column-sums';
import { ACTIONS_WIDTH, type GridColumn, LEAD_WIDTH } from './grid-columns';
import type { GridStore } from './grid-store';
import type { RowFormulas } from './row-formulas';
import { rowAsRecord } from './row-record';

/** Column titles; a currency column names its currency once here rather than in every cell. */
export const GridHeader = memo(function GridHeader({ columns }: { columns: readonly GridColumn[] }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  return (
    <div role="row" aria-rowindex={1} className="child-table-header">
      <div role="columnheader" className="child-table-lead" style={{ width: LEAD_WIDTH }}>
        {t('childTable.rowNumber')}
      </div>
      {columns.map(({ field, kind, width, align }) => (
        <div
          key={field.id}
          role="columnheader"
          className={`child-table-cell child-table-align-${align}`}
          style={{ width }}
          title={field.description ? localized(field.description, locale) : undefined}
        >
          {field.required && (
            <span className="child-table-required" aria-hidden>
              *
            </span>
          )}
          {localized(field.label, locale, field.id)}
          {field.type === 'currency' && <span className="child-table-unit"> ({field.currency ?? 'CNY'})</span>}
          {kind === 'formula' && (
            <Tooltip title={t('childTable.computed')}>
              <CalculatorOutlined className="child-table-unit" style={{ marginInlineStart: 4 }} aria-label={t('childTable.computed')} />
            </Tooltip>
          )}
        </div>
      ))}
      <div role="columnheader" className="child-table-actions" style={{ width: ACTIONS_WIDTH }}>
        {t('childTable.actions')}
      </div>
    </div>
  );
});

const Total = memo(function Total({ field, value }: { field: FieldDefinition; value: string | undefined }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const record = useMemo(() => rowAsRecord({ [field.id]: value ?? null }), [field.id, value]);
  return <FieldCell field={field} record={record} locale={locale} t={t} />;
});

/**
 * The totals row: the sums of the quantity and amount columns, computed ones included, updated
 * as the user types (one line's change adjusts the sums, see column-sums.ts). It subscribes to
 * the totals, not the lines: typing a product name re-renders no part of it.
 */
export const GridFooter = memo(function GridFooter({ grid, columns, formulas }: { grid: GridStore; columns: readonly GridColumn[]; formulas: RowFormulas }) {
  const t = useT();
  const summed = useMemo(() => columns.filter((c) => c.summed).map((c) => c.field), [columns]);
  const sums = useMemo(() => {
    const computed = new Set(columns.filter((c) => c.kind === 'formula').map((c) => c.field.id));
    return columnSums(summed, (row, id) => (computed.has(id) ? formulas.valuesOf(row)[id] : row.values[id]));
  }, [columns, summed, formulas]);
  // `sums` hands back the same object while no total changed, so the selector is stable.
  const totals = useStore(grid, (s) => sums(s.rows));
  if (summed.length === 0) return null;
  return (
    <div role="row" className="child-table-footer" data-testid="child-table-totals">
      <div role="gridcell" className="child-table-lead" style={{ width: LEAD_WIDTH }}>
        {t('childTable.total')}
      </div>
      {columns.map(({ field, width, align, summed: isSummed }) => (
        <div key={field.id} role="gridcell" className={`child-table-cell child-table-align-${align}`} data-field={field.id} style={{ width }}>
          {isSummed && <Total field={field} value={totals[field.id]} />}
        </div>
      ))}
      <div role="gridcell" className="child-table-actions" style={{ width: ACTIONS_WIDTH }} />
    </div>
  );
});
