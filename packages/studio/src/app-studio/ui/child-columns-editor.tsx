import type { FieldDefinition } from '@tessera/schemas';
import { Alert, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useDragLayer } from 'react-dnd';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { childObjectOf } from '../model/child-table-edits';
import { addField } from '../model/document-edits';
import { FIELD_LIST_TYPES, type ListFieldType, newField } from '../model/new-field';
import { CHILD_COLUMN, ChildColumnRow, ColumnDropSlot } from './child-column-row';
import { FieldProperties } from './field-properties';

/**
 * The columns of a child-table field: the fields of the child object holding its rows, added,
 * reordered (pointer or keyboard) and edited in a nested field panel — the same panel, the same
 * checks as any field; removed with that panel's hide button, refused while something uses them.
 */
export function ChildColumnsEditor({ objectId, field }: { objectId: string; field: FieldDefinition }) {
  const t = useStudioT();
  const label = useLabel();
  const store = useStudioStore();
  const edit = useStudio((s) => s.edit);
  const child = useStudio((s) => (s.document ? childObjectOf(s.document, objectId, field) : null));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const dragging = useDragLayer((monitor) => monitor.isDragging() && monitor.getItemType() === CHILD_COLUMN);
  if (!child) return <Alert type="warning" showIcon title={t('studio.columns.noChild')} />;
  const columns = child.fields;
  const selected = columns.find((c) => c.id === selectedId) ?? null;
  const add = (type: ListFieldType) => {
    const document = store.getState().document;
    if (!document) return;
    const column = newField(document, child, type);
    edit((d) => addField(d, child.id, column));
    setSelectedId(column.id);
  };
  return (
    <Flex vertical gap={6} style={{ marginBottom: 12 }} data-testid="child-columns">
      <Typography.Text strong>{t('studio.columns.title')}</Typography.Text>
      <div className={`child-columns${dragging ? ' child-columns-dragging' : ''}`}>
        {columns.map((column, index) => (
          <div key={column.id}>
            <ColumnDropSlot childId={child.id} columns={columns} index={index} />
            <ChildColumnRow
              childId={child.id}
              column={column}
              index={index}
              count={columns.length}
              selected={column.id === selectedId}
              onSelect={() => setSelectedId(column.id === selectedId ? null : column.id)}
            />
          </div>
        ))}
        <ColumnDropSlot childId={child.id} columns={columns} index={columns.length} />
      </div>
      <Select<ListFieldType>
        size="small"
        style={{ width: 200 }}
        placeholder={t('studio.columns.add')}
        aria-label={t('studio.columns.add')}
        value={null}
        onChange={add}
        options={FIELD_LIST_TYPES.map((type) => ({ value: type, label: t(`studio.type.${type}`) }))}
        showSearch
        optionFilterProp="label"
        data-testid="column-add"
      />
      {selected && (
        <Card size="small" title={t('studio.columns.editing', { name: label(selected.label, selected.id) })} data-testid="column-properties">
          <FieldProperties key={selected.id} objectId={child.id} field={selected} nested />
        </Card>
      )}
    </Flex>
  );
}
