import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { ObjectDefinition } from '@tessera/schemas';
import { Button, Flex, List, Select, Tag, Typography } from 'antd';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { addChildTable } from '../model/child-table-edits';
import { addField, moveField } from '../model/document-edits';
import { designedForm } from '../model/form-edits';
import { FIELD_LIST_TYPES, type ListFieldType, newField } from '../model/new-field';

/** The object's fields in order: add one of any type (a child table with the object holding its rows), reorder, select to edit its properties. */
export function FieldsView({ object }: { object: ObjectDefinition }) {
  const t = useStudioT();
  const label = useLabel();
  const store = useStudioStore();
  const edit = useStudio((s) => s.edit);
  const selected = useStudio((s) => s.selection.fieldId);
  const onForm = useStudio((s) => (s.document ? designedForm(s.document, object.id, s.selection.formId ?? null) : null));
  const placed = new Set(onForm?.nodes.map((n) => n.field) ?? []);

  const add = (type: ListFieldType | 'child_table') => {
    const document = store.getState().document;
    if (!document) return;
    if (type === 'child_table') {
      const { fieldId } = addChildTable(document, object.id);
      edit((d) => addChildTable(d, object.id).document, { select: { fieldId, nodeId: null } });
      return;
    }
    const field = newField(document, object, type);
    edit((d) => addField(d, object.id, field), { select: { fieldId: field.id, nodeId: null } });
  };
  const move = (fieldId: string, index: number) => edit((d) => moveField(d, object.id, fieldId, index));

  return (
    <Flex vertical gap={8} data-testid="fields-view">
      <Select<ListFieldType | 'child_table'>
        style={{ width: 220 }}
        placeholder={t('studio.fields.add')}
        aria-label={t('studio.fields.add')}
        value={null}
        onChange={add}
        options={[...FIELD_LIST_TYPES, ...(object.parent ? [] : (['child_table'] as const))].map((type) => ({ value: type, label: t(`studio.type.${type}`) }))}
        showSearch
        optionFilterProp="label"
        data-testid="add-field"
      />
      <List
        size="small"
        bordered
        dataSource={object.fields}
        renderItem={(field, index) => (
          <List.Item
            data-testid={`field-row-${field.id}`}
            onClick={() => store.getState().select({ fieldId: field.id, nodeId: null })}
            style={{ cursor: 'pointer', background: field.id === selected ? '#e6f4ff' : undefined }}
            actions={[
              <Button
                key="up"
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                aria-label={t('studio.moveUp')}
                onClick={(e) => {
                  e.stopPropagation();
                  move(field.id, index - 1);
                }}
              />,
              <Button
                key="down"
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                disabled={index === object.fields.length - 1}
                aria-label={t('studio.moveDown')}
                onClick={(e) => {
                  e.stopPropagation();
                  move(field.id, index + 1);
                }}
              />,
            ]}
          >
            <Flex gap={8} align="center">
              <Typography.Text strong={field.id === selected}>{label(field.label, field.id)}</Typography.Text>
              <Tag>{t(`studio.type.${field.type}`)}</Tag>
              {field.required && <Tag color="red">{t('studio.field.required')}</Tag>}
              {placed.has(field.id) && <Tag color="blue">{t('studio.fields.onForm')}</Tag>}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
