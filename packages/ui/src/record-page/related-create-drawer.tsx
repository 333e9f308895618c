import { Alert, Button, ConfigProvider, Drawer, Flex, Form } from 'antd';
import type { RecordData } from '../api/types';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { fieldWidget } from '../records/field-widget';
import type { FormValues } from '../records/form-values';
import { useDrawerSize } from '../records/use-drawer-size';
import { useCurrentAppStore } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import type { RelatedListSpec } from './related-lists';
import { useRelatedCreate } from './use-related-create';

interface RelatedCreateDrawerProps {
  appId: string;
  list: RelatedListSpec;
  parent: { id: string; label: string };
  onCreated: (record: RecordData) => void;
  onClose: () => void;
}

/**
 * "New visit" from a customer's page: the record drawer's form for the target object, with the
 * relation back to this customer filled in and locked (that is what adding it here means).
 */
export function RelatedCreateDrawer({ appId, list, parent, onCreated, onClose }: RelatedCreateDrawerProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const objects = useCurrentAppStore((s) => s.document?.objects ?? []);
  const size = useDrawerSize(list.target);
  const create = useRelatedCreate({ appId, list, parent, onCreated, onClose });
  const ctx = { appId, locale, record: create.displayRecord, objects };

  return (
    <Drawer
      open
      onClose={onClose}
      size={size}
      title={t('record.createTitle', { object: localized(list.target.label, locale, list.target.id) })}
      data-testid="record-drawer"
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.saving} onClick={() => void create.save()} data-testid="record-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {create.generalErrors.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={create.generalErrors.map((m) => <div key={m}>{m}</div>)} />
      )}
      {/* Same form name as the record drawer, so inputs keep their `record-form_<field>` ids. */}
      <Form<FormValues>
        form={create.form}
        name="record-form"
        layout="vertical"
        disabled={create.saving}
        initialValues={create.initialValues}
        scrollToFirstError
      >
        {create.fields.map((field) => {
          const label = localized(field.label, locale, field.id);
          const item = (
            <Form.Item
              key={field.id}
              name={field.id}
              label={label}
              valuePropName={field.type === 'checkbox' ? 'checked' : 'value'}
              rules={field.required ? [{ required: true, message: t('record.required', { field: label }) }] : []}
            >
              {fieldWidget(field, ctx)}
            </Form.Item>
          );
          // The relation back to this record is the point of adding from here: shown, not changeable.
          return field.id === list.via.id ? (
            <ConfigProvider key={field.id} componentDisabled>
              {item}
            </ConfigProvider>
          ) : (
            item
          );
        })}
      </Form>
    </Drawer>
  );
}
