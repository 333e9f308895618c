import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import type { FieldDefinition } from '@tessera/schemas';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { moveColumn, toggleColumn } from './view-state';

interface ColumnChooserProps {
  /** Every field that can be a column, in the object's order. */
  fields: readonly FieldDefinition[];
  columns: string[];
  defaultColumns: readonly string[];
  onChange: (columns: string[]) => void;
}

/**
 * Show, hide and order the table's columns. Shown columns come first, in table order, each
 * with up/down buttons: they work with a keyboard, a screen reader and a thumb, where drag
 * and drop (react-dnd's HTML5 backend) would leave out touch screens.
 */
export function ColumnChooser({ fields, columns, defaultColumns, onChange }: ColumnChooserProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const order = fields.map((f) => f.id);
  const shown = columns.filter((id) => byId.has(id));
  const rest = order.filter((id) => !shown.includes(id));
  const isDefault = JSON.stringify(shown) === JSON.stringify(defaultColumns);

  const row = (id: string, index: number | null) => {
    const field = byId.get(id)!;
    const label = localized(field.label, locale, id);
    const visible = index !== null;
    return (
      <Flex key={id} align="center" gap={4} data-testid={`column-option-${id}`}>
        <Checkbox
          checked={visible}
          disabled={visible && shown.length === 1}
          onChange={(e) => onChange(toggleColumn(shown, id, e.target.checked))}
          style={{ flex: 1, minWidth: 0 }}
        >
          <Typography.Text ellipsis>{label}</Typography.Text>
        </Checkbox>
        {visible && (
          <>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              aria-label={t('listView.columns.moveUp', { field: label })}
              onClick={() => onChange(moveColumn(shown, id, -1))}
            />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              disabled={index === shown.length - 1}
              aria-label={t('listView.columns.moveDown', { field: label })}
              onClick={() => onChange(moveColumn(shown, id, 1))}
            />
          </>
        )}
      </Flex>
    );
  };

  const content = (
    <Flex vertical gap={4} style={{ width: 'min(280px, calc(100vw - 48px))', maxHeight: '60vh', overflowY: 'auto' }} data-testid="column-chooser">
      {shown.map((id, index) => row(id, index))}
      {rest.map((id) => row(id, null))}
      {shown.length === 1 && <Typography.Text type="secondary">{t('listView.columns.lastOne')}</Typography.Text>}
      <Button type="link" disabled={isDefault} onClick={() => onChange([...defaultColumns])} style={{ alignSelf: 'flex-start', paddingInline: 0 }}>
        {t('listView.columns.reset')}
      </Button>
    </Flex>
  );

  return (
    <Popover trigger="click" placement="bottomRight" title={t('listView.columns.title')} content={content}>
      <Button icon={<SettingOutlined />} data-testid="column-chooser-button">
        {t('listView.columns.button')}
      </Button>
    </Popover>
  );
}
