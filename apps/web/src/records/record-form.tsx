import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { Form, type FormInstance } from 'antd';
import type { RecordData } from '../api/types';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { FieldCell } from '../objects/field-cell';
import { useSessionStore } from '../stores/session-store';
import { fieldWidget } from './field-widget';
import { isEditable, type FormValues } from './form-values';

interface RecordFormProps {
  appId: string;
  document: AppDocument;
  object: ObjectDefinition;
  form: FormInstance<FormValues>;
  record: RecordData | null;
  disabled: boolean;
}

/** A form generated from the object's fields, in their order; the form designer replaces it later. */
export function RecordForm({ appId, document, object, form, record, disabled }: RecordFormProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const ctx = { appId, locale, record, objects: document.objects };

  return (
    <Form<FormValues> form={form} name="record-form" layout="vertical" disabled={disabled} scrollToFirstError>
      {object.fields.map((field) => {
        const label = localized(field.label, locale, field.id);
        if (isEditable(field)) {
          return (
            <Form.Item
              key={field.id}
              name={field.id}
              label={label}
              valuePropName={field.type === 'checkbox' ? 'checked' : 'value'}
              rules={field.required ? [{ required: true, message: t('record.required', { field: label }) }] : []}
              tooltip={field.description ? localized(field.description, locale) : undefined}
            >
              {fieldWidget(field, ctx)}
            </Form.Item>
          );
        }
        // Not editable here yet (see form-values.ts): show what the record holds, if anything.
        if (!record || record[field.id] === null || record[field.id] === undefined) return null;
        return (
          <Form.Item key={field.id} label={label} extra={t('record.readOnly')}>
            <FieldCell field={field} record={record} locale={locale} t={t} />
          </Form.Item>
        );
      })}
    </Form>
  );
}
