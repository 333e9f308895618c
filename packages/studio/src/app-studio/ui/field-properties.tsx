import { ENCRYPTABLE_TYPES, UNIQUE_CAPABLE_TYPES } from '@tessera/meta/validate';
import type { FieldDefinition } from '@tessera/schemas';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Popconfirm, Select, Tag, Typography } from 'antd';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { hideField, updateField } from '../model/document-edits';
import { LocalizedInputs } from './localized-inputs';
import { SelectOptionsEditor } from './select-options-editor';

const NUMERIC = new Set(['number', 'currency', 'percent']);

/** The property panel of one field: labels, help, required, unique and the settings of its type. */
export function FieldProperties({ objectId, field }: { objectId: string; field: FieldDefinition }) {
  const t = useStudioT();
  const label = useLabel();
  const edit = useStudio((s) => s.edit);
  const objects = useStudio((s) => s.document?.objects) ?? [];
  const set = (patch: Partial<FieldDefinition>, merge?: string) =>
    edit((d) => updateField(d, objectId, field.id, patch), merge === undefined ? {} : { merge: `${objectId}.${field.id}.${merge}` });
  const target = objects.find((o) => o.id === field.target);
  const targetDisplay = target?.fields.find((f) => f.id === target.displayField);

  return (
    <Form layout="vertical" size="small" data-testid="field-properties">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('studio.field.properties')}
        </Typography.Title>
        <Tag>{t(`studio.type.${field.type}`)}</Tag>
      </Flex>
      <Form.Item label={t('studio.id')} style={{ marginBottom: 8 }}>
        <Input value={field.id} disabled />
      </Form.Item>
      <LocalizedInputs
        value={field.label}
        onChange={(label) => set({ label: label ?? {} }, 'label')}
        labels={['studio.labelZh', 'studio.labelEn']}
        testId="field-label"
      />
      <LocalizedInputs
        value={field.description}
        onChange={(description) => set({ description }, 'help')}
        labels={['studio.field.help', 'studio.field.helpEn']}
        testId="field-help"
      />
      <Flex gap={16} wrap style={{ marginBottom: 8 }}>
        <Checkbox checked={field.required === true} onChange={(e) => set({ required: e.target.checked || undefined })} data-testid="field-required">
          {t('studio.field.required')}
        </Checkbox>
        {UNIQUE_CAPABLE_TYPES.has(field.type) && (
          <Checkbox checked={field.unique === true} onChange={(e) => set({ unique: e.target.checked || undefined })} data-testid="field-unique">
            {t('studio.field.unique')}
          </Checkbox>
        )}
        {ENCRYPTABLE_TYPES.has(field.type) && (
          <Checkbox checked={field.encrypted === true} onChange={(e) => set({ encrypted: e.target.checked || undefined })}>
            {t('studio.field.encrypted')}
          </Checkbox>
        )}
      </Flex>
      {(field.type === 'select' || field.type === 'multi_select') && (
        <SelectOptionsEditor options={field.options ?? []} onChange={(options, merge) => set({ options }, merge)} />
      )}
      {field.type === 'relation' && (
        <Form.Item
          label={t('studio.field.target')}
          extra={targetDisplay ? t('studio.field.targetDisplay', { field: label(targetDisplay.label, targetDisplay.id) }) : null}
        >
          <Select
            value={field.target}
            onChange={(value) => set({ target: value })}
            options={objects.filter((o) => !o.parent).map((o) => ({ value: o.id, label: label(o.label, o.id) }))}
            data-testid="field-target"
          />
        </Form.Item>
      )}
      {NUMERIC.has(field.type) && (
        <Flex gap={8}>
          <Form.Item label={t('studio.field.scale')}>
            <InputNumber min={0} max={10} value={field.scale} onChange={(scale) => set({ scale: scale ?? undefined })} />
          </Form.Item>
          <Form.Item label={t('studio.field.precision')}>
            <InputNumber min={1} max={38} value={field.precision} onChange={(precision) => set({ precision: precision ?? undefined })} />
          </Form.Item>
          {field.type === 'currency' && (
            <Form.Item label={t('studio.field.currency')}>
              <Input
                style={{ width: 70 }}
                maxLength={3}
                value={field.currency ?? ''}
                onChange={(e) => set({ currency: e.target.value.toUpperCase() || undefined }, 'currency')}
              />
            </Form.Item>
          )}
        </Flex>
      )}
      {field.type === 'phone' && (
        <Form.Item label={t('studio.field.phoneKind')}>
          <Select
            allowClear
            value={field.phoneKind}
            onChange={(phoneKind) => set({ phoneKind })}
            options={(['mobile', 'landline', 'any'] as const).map((v) => ({ value: v, label: t(`studio.phone.${v}`) }))}
          />
        </Form.Item>
      )}
      {field.type === 'region' && (
        <Form.Item label={t('studio.field.regionLevel')}>
          <Select
            allowClear
            value={field.regionLevel}
            onChange={(regionLevel) => set({ regionLevel })}
            options={(['province', 'city', 'district'] as const).map((v) => ({ value: v, label: t(`studio.region.${v}`) }))}
          />
        </Form.Item>
      )}
      {field.type === 'auto_number' && (
        <Form.Item label={t('studio.field.numberFormat')}>
          <Input value={field.numberFormat ?? ''} onChange={(e) => set({ numberFormat: e.target.value || undefined }, 'numberFormat')} />
        </Form.Item>
      )}
      <Popconfirm
        title={t('studio.fields.hideConfirm')}
        onConfirm={() => edit((d) => hideField(d, objectId, field.id), { select: { fieldId: null, nodeId: null } })}
      >
        <Button danger size="small" data-testid="field-hide">
          {t('studio.fields.hide')}
        </Button>
      </Popconfirm>
    </Form>
  );
}
