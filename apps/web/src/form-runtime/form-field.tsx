import type { FieldDefinition, FormNode } from '@tessera/schemas';
import { Form } from 'antd';
import { cloneElement, memo, useMemo, type ReactElement } from 'react';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { FieldCell } from '../objects/field-cell';
import { fieldWidget } from '../records/field-widget';
import { isEditable, type FormValue } from '../records/form-values';
import { useFormRuntime } from './form-runtime-context';
import { useFormField } from './use-form-field';

/** The props every widget of field-widget.tsx accepts from its form item. */
interface WidgetProps {
  id?: string;
  value?: FormValue;
  checked?: boolean;
  disabled?: boolean;
  placeholder?: string;
  options?: { value: string; label: string }[];
  onChange?: (arg: unknown) => void;
  onBlur?: () => void;
}

interface FormFieldProps {
  field: FieldDefinition;
  node: FormNode;
}

/**
 * One field: label, input and messages. A plain antd Form.Item without `name`: it only lays out,
 * the value lives in the form store (see use-form-field.ts), so antd's form does no bookkeeping.
 * The input id stays `record-form_<field>` as before (tests and label clicks rely on it).
 */
export const FormField = memo(function FormField({ field, node }: FormFieldProps) {
  const t = useT();
  const { widgets } = useFormRuntime();
  const { value, state, errors, taken, onChange, onBlur, options } = useFormField(field);
  const label = localized(node.label ?? field.label, widgets.locale, field.id);
  const widget = useMemo(() => (isEditable(field) ? fieldWidget(field, widgets) : null), [field, widgets]);

  if (state && !state.visible) return null;
  if (!widget) {
    // Computed by the server (formula, auto number) or not editable here yet: shown when filled.
    const record = widgets.record;
    if (!record || record[field.id] === null || record[field.id] === undefined) return null;
    return (
      <Form.Item label={label} extra={t('record.readOnly')}>
        <FieldCell field={field} record={record} locale={widgets.locale} t={t} />
      </Form.Item>
    );
  }

  const messages = [...(errors ?? []), ...(taken ? [t('form.valueTaken')] : [])];
  const placeholder = node.placeholder ? localized(node.placeholder, widgets.locale) : undefined;
  const props: WidgetProps = {
    id: `record-form_${field.id}`,
    ...(field.type === 'checkbox' ? { checked: value === true } : { value }),
    onChange,
    onBlur,
    ...(state?.readOnly ? { disabled: true } : {}),
    ...(placeholder ? { placeholder } : {}),
    ...(options ? { options } : {}),
  };
  return (
    <Form.Item
      label={label}
      htmlFor={props.id}
      required={state?.required === true}
      tooltip={field.description ? localized(field.description, widgets.locale) : undefined}
      validateStatus={messages.length > 0 ? 'error' : undefined}
      help={messages.length > 0 ? messages.map((m) => <div key={m}>{m}</div>) : undefined}
    >
      {cloneElement(widget as ReactElement<WidgetProps>, props)}
    </Form.Item>
  );
});
