import type { FieldDefinition } from '@tessera/schemas';
import { ConfigProvider } from 'antd';
import { DeferredWidget } from '../../form-runtime/deferred-widget';
import type { PreviewKind } from '../../form-runtime/light-preview';
import type { WidgetProps } from '../../form-runtime/widget-props';
import type { WidgetContext } from '../../records/field-widget';

interface CellDeferredInputProps extends Partial<WidgetProps> {
  kind: PreviewKind;
  field: FieldDefinition;
  ctx: WidgetContext;
}

function ignore(): void {}

/**
 * A number, date, select or switch cell: a light native input until the user comes to it, then
 * antd's, as in the form (deferred-widget.tsx). A grid keeps some twenty lines of such cells in the
 * DOM and mounts more on every scroll; as antd widgets they were ~90 elements a line, and every
 * keystroke's paint, layerization and hover hit-test walked them all (B6). The rest of the props
 * come from the grid cell (grid-cell.tsx), which clones this element with them; locked with the
 * rest of the grid by antd's disabled context, which the light input cannot read for itself.
 */
export function CellDeferredInput({ kind, field, ctx, id, onChange, ...props }: CellDeferredInputProps) {
  const disabled = ConfigProvider.useConfig().componentDisabled === true;
  return <DeferredWidget kind={kind} field={field} ctx={ctx} props={{ ...props, id: id ?? field.id, onChange: onChange ?? ignore, disabled }} />;
}
