import type { FieldDefinition } from '@tessera/schemas';
import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { updateField } from '../model/document-edits';
import { ChildColumnsEditor } from './child-columns-editor';
import { FormulaFieldSettings } from './formula-field-settings';
import { SelectOptionsEditor } from './select-options-editor';

const NUMERIC = new Set(['number', 'currency', 'percent']);

/**
 * The settings only some field types have — select options, a relation's target, digits and
 * currency, phone kind, region level, number pattern, a formula, a child table's columns — in the field panel and in the form
 * designer's panel alike, so a field dropped on the form is set up without leaving it.
 */
export function FieldTypeSettings({ objectId, field }: { objectId: string; field: FieldDefinition }) {
  const t = useStudioT();
  const label = useLabel();
  const edit = useStudio((s) => s.edit);
  const objects = useStudio((s) => s.document?.objects) ?? [];
  const set = (patch: Partial<FieldDefinition>, merge?: string) =>
    edit((d) => updateField(d, objectId, field.id, patch), merge === undefined ? {} : { merge: `${objectId}.${field.id}.${merge}` });
  const target = objects.find((o) => o.id === field.target);
  const targetDisplay = target?.fields.find((f) => f.id === target.displayField);

  return (
    <>
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
      {field.type === 'formula' && <FormulaFieldSettings objectId={objectId} field={field} />}
      {field.type === 'child_table' && <ChildColumnsEditor objectId={objectId} field={field} />}
      {field.type === 'auto_number' && (
        <Form.Item label={t('studio.field.numberFormat')}>
          <Input value={field.numberFormat ?? ''} onChange={(e) => set({ numberFormat: e.target.value || undefined }, 'numberFormat')} />
        </Form.Item>
      )}
    </>
  );
}
