import type { FieldDefinition, FormNode } from '@tessera/schemas';
import { memo, useContext } from 'react';
import { localized } from '../i18n/localized';
import { type Translate, translate } from '../i18n/messages';
import { isEditable } from '../records/form-values';
import { ComputedField } from './computed-field';
import { FieldControl } from './field-control';
import { descriptionIdOf, FieldFrame, helpIdOf } from './field-frame';
import { FormDisabledContext, useFormRuntime } from './form-runtime-context';
import { useFormField } from './use-form-field';
import type { WidgetProps } from './widget-props';

interface FormFieldProps {
  field: FieldDefinition;
  node: FormNode;
}

/**
 * One field: label, input and messages. The value lives in the form store (use-form-field.ts), so
 * typing re-renders this field alone. The input id stays `record-form_<field>` (label clicks,
 * error scrolling and tests rely on it).
 */
export const FormField = memo(function FormField({ field, node }: FormFieldProps) {
  const { widgets } = useFormRuntime();
  // The drawer's language, without a session-store subscription in each of 200 fields.
  const t: Translate = (key, params) => translate(widgets.locale, key, params);
  const saving = useContext(FormDisabledContext);
  const { value, state, errors, taken, onChange, onBlur, options } = useFormField(field);
  const label = localized(node.label ?? field.label, widgets.locale, field.id);
  const description = field.description ? localized(field.description, widgets.locale) : undefined;

  if (state && !state.visible) return null;
  // Filled in by the server (formula, auto number): shown, never an input.
  if (!isEditable(field)) return <ComputedField field={field} label={label} description={description} t={t} />;

  const id = `record-form_${field.id}`;
  const messages = [...(errors ?? []), ...(taken ? [t('form.valueTaken')] : [])];
  const invalid = messages.length > 0;
  const required = state?.required === true;
  const describedBy = [invalid ? helpIdOf(id) : '', description ? descriptionIdOf(id) : ''].filter(Boolean).join(' ');
  const placeholder = node.placeholder ? localized(node.placeholder, widgets.locale) : undefined;
  const props: WidgetProps = {
    id,
    ...(field.type === 'checkbox' ? { checked: value === true } : { value }),
    onChange,
    onBlur,
    ...(saving || state?.readOnly ? { disabled: true } : {}),
    ...(placeholder ? { placeholder } : {}),
    ...(options ? { options } : {}),
    ...(required ? { 'aria-required': true } : {}),
    ...(invalid ? { 'aria-invalid': true } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
  return (
    <FieldFrame inputId={id} label={label} required={required} description={description} messages={messages} asForm={field.type !== 'child_table'}>
      <FieldControl field={field} widgets={widgets} props={props} invalid={invalid} />
    </FieldFrame>
  );
});
