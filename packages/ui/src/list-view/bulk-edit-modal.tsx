import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/error-message';
import { ApiError, fieldErrorsOf } from '../api/problem';
import type { RecordValues } from '../api/types';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { fieldWidget } from '../records/field-widget';
import { type FormValue, toFieldValue } from '../records/form-values';
import { useSessionStore } from '../stores/session-store';

interface BulkEditModalProps {
  appId: string;
  objects: readonly ObjectDefinition[];
  /** The fields the user may set in bulk. */
  fields: readonly FieldDefinition[];
  count: number;
  onSubmit: (values: RecordValues) => Promise<void>;
  onClose: () => void;
}

/**
 * One field, one value, for every selected record. The value input is the record form's own
 * widget, so a bulk edit takes exactly what a single edit takes; the server checks it once up
 * front (a bad value changes nothing) and then each record with the user's access.
 */
export function BulkEditModal({ appId, objects, fields, count, onSubmit, onClose }: BulkEditModalProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  // No field preselected: changing many records at once starts from a deliberate choice.
  const [fieldId, setFieldId] = useState<string | null>(null);
  const [form] = Form.useForm<{ value: FormValue }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = fields.find((f) => f.id === fieldId) ?? null;
  const widget = useMemo(() => (field ? fieldWidget(field, { appId, locale, record: null, objects }) : null), [field, appId, locale, objects]);

  const submit = async () => {
    if (!field) return;
    setBusy(true);
    setError(null);
    try {
      const value = form.getFieldValue('value') as FormValue;
      // An untouched switch is "no", not "no value".
      await onSubmit({ [field.id]: field.type === 'checkbox' ? value === true : toFieldValue(field, value) });
      onClose();
    } catch (failure) {
      // A refused value names the field: show the server's words (in the user's language) for it.
      const problem = failure instanceof ApiError ? failure.problem : null;
      const { byField, general } = fieldErrorsOf(problem);
      const lines = [...Object.values(byField).flat(), ...general];
      setError(lines.length > 0 ? lines.join(' ') : errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('listView.bulk.editTitle', { count })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('listView.bulk.apply', { count })}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: !field, ...({ 'data-testid': 'bulk-edit-apply' } as object) }}
      destroyOnHidden
    >
      {fields.length === 0 ? (
        <Typography.Text type="secondary">{t('listView.bulk.noEditable')}</Typography.Text>
      ) : (
        <Form form={form} layout="vertical" component="div">
          <Form.Item label={t('listView.bulk.field')}>
            <Select
              data-testid="bulk-edit-field"
              aria-label={t('listView.bulk.field')}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('listView.filter.pickField')}
              value={fieldId}
              onChange={(id: string) => {
                setFieldId(id);
                form.resetFields();
                setError(null);
              }}
              options={fields.map((f) => ({ value: f.id, label: localized(f.label, locale, f.id) }))}
            />
          </Form.Item>
          {field && widget && (
            // Keyed by field, so a value typed for one field never carries over to the next.
            <Form.Item
              key={field.id}
              name="value"
              label={t('listView.bulk.value')}
              valuePropName={field.type === 'checkbox' ? 'checked' : 'value'}
              extra={field.type === 'checkbox' ? undefined : t('listView.bulk.emptyClears')}
            >
              {widget}
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon title={error} data-testid="bulk-edit-error" />}
        </Form>
      )}
    </Modal>
  );
}
