import type { ObjectDefinition } from '@tessera/schemas';
import { Form, Input, Select, Typography } from 'antd';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { updateObject } from '../model/document-edits';
import { LocalizedInputs } from './localized-inputs';

/** The property panel of an object: its labels and the field shown when a record points at it. */
export function ObjectProperties({ object }: { object: ObjectDefinition }) {
  const t = useStudioT();
  const label = useLabel();
  const edit = useStudio((s) => s.edit);
  const set = (patch: Partial<ObjectDefinition>, merge?: string) =>
    edit((d) => updateObject(d, object.id, patch), merge === undefined ? {} : { merge: `${object.id}.${merge}` });
  return (
    <Form layout="vertical" size="small" data-testid="object-properties">
      <Typography.Title level={5}>{t('studio.object.properties')}</Typography.Title>
      <Form.Item label={t('studio.id')} style={{ marginBottom: 8 }}>
        <Input value={object.id} disabled />
      </Form.Item>
      <LocalizedInputs
        value={object.label}
        onChange={(next) => set({ label: next ?? {} }, 'label')}
        labels={['studio.labelZh', 'studio.labelEn']}
        testId="object-label"
      />
      <Form.Item label={t('studio.object.displayField')}>
        <Select
          allowClear
          value={object.displayField}
          onChange={(displayField) => set({ displayField })}
          options={object.fields.filter((f) => f.type === 'text' || f.type === 'auto_number').map((f) => ({ value: f.id, label: label(f.label, f.id) }))}
        />
      </Form.Item>
    </Form>
  );
}
