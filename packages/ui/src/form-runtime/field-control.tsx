import type { FieldDefinition } from '@tessera/schemas';
import { Form } from 'antd';
import { cloneElement, type ReactElement, useEffect, useMemo } from 'react';
import type { WidgetContext } from '../records/field-widget';
import { DeferredWidget } from './deferred-widget';
import { isPlainText, previewKind } from './light-preview';
import { TextInput } from './text-input';
import { loadWidgets, useWidgets } from './widget-loader';
import type { WidgetProps } from './widget-props';
import { WidgetsFailed } from './widgets-failed';

interface FieldControlProps {
  field: FieldDefinition;
  widgets: WidgetContext;
  props: WidgetProps;
  invalid: boolean;
}

/**
 * The input of one editable field. One-line text is the browser's input (text-input.tsx). Other
 * common types start as a light preview (deferred-widget.tsx)
 * and take antd's `status` for their error look. The others (pickers with their own data,
 * uploads, rich text, child tables) mount as soon as the widget chunk is there and read the
 * error state from a noStyle Form.Item, as they did inside a full one.
 */
export function FieldControl({ field, widgets, props, invalid }: FieldControlProps) {
  if (isPlainText(field)) return <TextInput field={field} props={invalid ? { ...props, status: 'error' } : props} />;
  const kind = previewKind(field);
  if (kind) {
    const withStatus = invalid && kind !== 'switch' ? { ...props, status: 'error' as const } : props;
    return <DeferredWidget kind={kind} field={field} ctx={widgets} props={withStatus} />;
  }
  return <ImmediateWidget field={field} widgets={widgets} props={props} invalid={invalid} />;
}

/** A widget without a light preview: a placeholder box until the chunk is there, then the widget. */
function ImmediateWidget({ field, widgets, props, invalid }: FieldControlProps) {
  const loaded = useWidgets();
  const module = loaded.status === 'ready' ? loaded.module : null;
  // Nothing to show meanwhile: ask (idempotent; also retries after a failed fetch).
  useEffect(() => {
    if (!module) loadWidgets().catch(() => undefined);
  }, [module]);
  const widget = useMemo(() => (module ? (module.fieldWidget(field, widgets) as ReactElement<WidgetProps>) : null), [module, field, widgets]);
  if (!widget) {
    // No id yet: a label click or a test waits for the real input rather than hitting this box.
    return loaded.status === 'failed' ? (
      <WidgetsFailed locale={widgets.locale} className="tessera-field-input tessera-field-help" />
    ) : (
      <div className="tessera-field-input">
        <span className="tessera-light-box tessera-light-pending" aria-busy="true" />
      </div>
    );
  }
  return (
    <div className="tessera-field-input">
      <Form.Item noStyle validateStatus={invalid ? 'error' : undefined}>
        {cloneElement(widget, props)}
      </Form.Item>
    </div>
  );
}
