import type { FieldDefinition, FormDefinition, FormNode } from '@tessera/schemas';
import { Button, Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useStudio } from '../hooks/studio-context';
import { useStudioT } from '../i18n/use-studio-t';
import { updateField } from '../model/document-edits';
import { addContainerChild, isAlwaysReadOnly, removeNode, setAlwaysReadOnly, updateNode } from '../model/form-edits';
import { FieldTypeSettings } from './field-type-settings';
import { LocalizedInputs } from './localized-inputs';

interface NodePropertiesProps {
  objectId: string;
  form: FormDefinition;
  node: FormNode;
  field: FieldDefinition | null;
}

/**
 * The property panel of a form element. A field on the form: its label and placeholder here, the
 * field's help text, required (the field's own rule, everywhere) and read-only on this form (a
 * form rule), and a default value formula for new records. A section, tab or step: its title.
 */
export function NodeProperties({ objectId, form, node, field }: NodePropertiesProps) {
  const t = useStudioT();
  const edit = useStudio((s) => s.edit);
  const setNode = (patch: Partial<FormNode>, merge?: string) =>
    edit((d) => updateNode(d, form.id, node.id, patch), merge === undefined ? {} : { merge: `${form.id}.${node.id}.${merge}` });
  const setField = (patch: Partial<FieldDefinition>, merge?: string) =>
    field && edit((d) => updateField(d, objectId, field.id, patch), merge === undefined ? {} : { merge: `${objectId}.${field.id}.${merge}` });

  return (
    <Form layout="vertical" size="small" data-testid="node-properties">
      <Typography.Title level={5}>{t('studio.node.properties')}</Typography.Title>
      {field ? (
        <>
          <LocalizedInputs
            value={field.label}
            onChange={(label) => setField({ label: label ?? {} }, 'label')}
            labels={['studio.labelZh', 'studio.labelEn']}
            testId="node-field-label"
          />
          <LocalizedInputs
            value={node.label}
            onChange={(label) => setNode({ label }, 'label')}
            labels={['studio.node.formLabel', 'studio.node.formLabelEn']}
            testId="node-label"
          />
          <LocalizedInputs
            value={node.placeholder}
            onChange={(placeholder) => setNode({ placeholder }, 'placeholder')}
            labels={['studio.node.placeholder', 'studio.node.placeholderEn']}
            testId="node-placeholder"
          />
          <LocalizedInputs
            value={field.description}
            onChange={(description) => setField({ description }, 'help')}
            labels={['studio.field.help', 'studio.field.helpEn']}
            testId="node-help"
          />
          <FieldTypeSettings objectId={objectId} field={field} />
          <Form.Item
            label={t('studio.field.default')}
            extra={field.default ? t('studio.node.fieldDefault', { formula: field.default }) : t('studio.node.noFieldDefault')}
          >
            <Input
              value={node.defaultValue ?? ''}
              placeholder={field.default}
              onChange={(e) => setNode({ defaultValue: e.target.value || undefined }, 'default')}
              data-testid="node-default"
            />
          </Form.Item>
          <Flex gap={16} style={{ marginBottom: 12 }}>
            <Checkbox checked={field.required === true} onChange={(e) => setField({ required: e.target.checked || undefined })} data-testid="node-required">
              {t('studio.field.required')}
            </Checkbox>
            <Checkbox
              checked={isAlwaysReadOnly(form, field.id)}
              onChange={(e) => edit((d) => setAlwaysReadOnly(d, form.id, field.id, e.target.checked))}
              data-testid="node-readonly"
            >
              {t('studio.node.readOnly')}
            </Checkbox>
          </Flex>
        </>
      ) : (
        node.kind !== 'columns' &&
        node.kind !== 'column' &&
        node.kind !== 'tabs' && (
          <LocalizedInputs
            value={node.label}
            onChange={(label) => setNode({ label }, 'label')}
            labels={['studio.labelZh', 'studio.labelEn']}
            testId="node-label"
          />
        )
      )}
      <Flex gap={8}>
        {(node.kind === 'tabs' || node.kind === 'columns') && (
          <Button size="small" onClick={() => edit((d) => addContainerChild(d, form.id, node.id))} data-testid="node-add-child">
            {t(node.kind === 'tabs' ? 'studio.node.addTab' : 'studio.node.addColumn')}
          </Button>
        )}
        <Button
          size="small"
          danger
          onClick={() => edit((d) => removeNode(d, form.id, node.id), { select: { nodeId: null, fieldId: null } })}
          data-testid="node-remove"
        >
          {t('studio.node.remove')}
        </Button>
      </Flex>
    </Form>
  );
}
