import { ENCRYPTABLE_TYPES, UNIQUE_CAPABLE_TYPES } from '@tessera/meta/validate';
import { canShowTotal, type FieldDefinition } from '@tessera/schemas';
import { Checkbox, Flex, Form, Input, Tag, Typography } from 'antd';
import { useStudio } from '../hooks/studio-context';
import { useStudioT } from '../i18n/use-studio-t';
import { updateField } from '../model/document-edits';
import { FieldDefaultSettings } from './field-default-settings';
import { FieldRulesSettings } from './field-rules-settings';
import { FieldTypePicker } from './field-type-picker';
import { FieldTypeSettings } from './field-type-settings';
import { HideFieldButton } from './hide-field-button';
import { LocalizedInputs } from './localized-inputs';

/**
 * The property panel of one field: its type (with what a change does to stored rows), labels,
 * help, required, unique, the settings of its type (field-type-settings.tsx) and its default. `nested`: a
 * child-table column's panel inside its table's, which stays selected when the column goes.
 */
export function FieldProperties({ objectId, field, nested = false }: { objectId: string; field: FieldDefinition; nested?: boolean }) {
  const t = useStudioT();
  const edit = useStudio((s) => s.edit);
  const set = (patch: Partial<FieldDefinition>, merge?: string) =>
    edit((d) => updateField(d, objectId, field.id, patch), merge === undefined ? {} : { merge: `${objectId}.${field.id}.${merge}` });

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
      <FieldTypePicker objectId={objectId} field={field} />
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
        {nested && canShowTotal(field) && (
          <Checkbox checked={field.showTotal === true} onChange={(e) => set({ showTotal: e.target.checked || undefined })} data-testid="field-show-total">
            {t('studio.field.showTotal')}
          </Checkbox>
        )}
      </Flex>
      <FieldTypeSettings objectId={objectId} field={field} />
      <FieldDefaultSettings objectId={objectId} field={field} />
      <FieldRulesSettings objectId={objectId} field={field} />
      <HideFieldButton objectId={objectId} field={field} keepSelection={nested} />
    </Form>
  );
}
