import type { Locale } from '@tessera/i18n';
import type { PivotCell, PivotTable } from '@tessera/reports';
import { useT } from '../i18n/use-t';
import { systemColumnLabel } from '../list-view/field-label';
import { useAppDocument } from '../stores/document-source';
import { formatValue, keyText, labelText } from './chart-options';
import type { DrillDown, ReportAnswer } from './dashboards-api';

type Pick = (name: string, drill: DrillDown) => void;

function Cell({
  cell,
  format,
  locale,
  name,
  onPick,
  total,
}: {
  cell: PivotCell;
  format: string | null;
  locale: Locale;
  name: string;
  onPick: Pick;
  total?: boolean;
}) {
  const { drill } = cell;
  const text = formatValue(cell.value, format, locale);
  return (
    <td className={total ? 'pivot-total' : undefined}>
      {drill ? (
        <button type="button" className="pivot-cell" onClick={() => onPick(name, drill)}>
          {text}
        </button>
      ) : (
        text
      )}
    </td>
  );
}

/**
 * A pivot widget: the first dimension down, the second across, one measure in the cells, totals
 * per row, per column and overall as the server computed them. A plain table (not antd's) so the
 * whole grid is in the page for a dashboard export; each number drills to its records.
 */
export function PivotGrid({ pivot, result, locale, onPick }: { pivot: PivotTable; result: ReportAnswer; locale: Locale; onPick: Pick }) {
  const t = useT();
  const format = result.measures.find((m) => m.id === pivot.measure)?.format ?? null;
  // The live app's, or the studio's draft in its preview: the names the admin is giving the fields.
  const object = useAppDocument()?.objects.find((o) => o.id === result.object);
  // A dimension without a label of its own is named as its field is (a system column as the list names it).
  const nameOf = (dimension: PivotTable['rowDimension']) => {
    if (!dimension) return '';
    const field = object?.fields.find((f) => f.id === dimension.field);
    const fallback = field ? labelText(field.label, locale, field.id) : (systemColumnLabel(dimension.field, locale, t) ?? dimension.field);
    return labelText(dimension.label, locale, fallback);
  };
  const rowName = nameOf(pivot.rowDimension);
  const columnName = nameOf(pivot.columnDimension);
  const totalText = t('dashboard.pivot.total');
  return (
    <div className="tessera-pivot">
      <table>
        <thead>
          <tr>
            <th scope="col">{`${rowName} \\ ${columnName}`}</th>
            {pivot.columns.map((column) => (
              <th key={JSON.stringify(column.key.value)} scope="col">
                {keyText(column.key, locale)}
              </th>
            ))}
            <th scope="col" className="pivot-total">
              {totalText}
            </th>
          </tr>
        </thead>
        <tbody>
          {pivot.rows.map((row) => {
            const rowText = keyText(row.key, locale);
            return (
              <tr key={JSON.stringify(row.key.value)}>
                <th scope="row">{rowText}</th>
                {row.cells.map((cell, i) => {
                  const column = pivot.columns[i];
                  return (
                    <Cell
                      key={JSON.stringify(column?.key.value ?? i)}
                      cell={cell}
                      format={format}
                      locale={locale}
                      name={`${rowText} · ${keyText(column?.key, locale)}`}
                      onPick={onPick}
                    />
                  );
                })}
                <Cell cell={row.total} format={format} locale={locale} name={`${rowText} · ${totalText}`} onPick={onPick} total />
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{totalText}</th>
            {pivot.columns.map((column) => (
              <Cell
                key={JSON.stringify(column.key.value)}
                cell={column.total}
                format={format}
                locale={locale}
                name={`${totalText} · ${keyText(column.key, locale)}`}
                onPick={onPick}
                total
              />
            ))}
            <Cell cell={pivot.total} format={format} locale={locale} name={totalText} onPick={onPick} total />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
