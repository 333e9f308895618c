import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useT } from '../i18n/use-t';

interface BulkBarProps {
  count: number;
  canEdit: boolean;
  canDelete: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onClear: () => void;
}

/** What can be done with the selected rows; only the actions the user's roles allow are offered. */
export function BulkBar({ count, canEdit, canDelete, onEdit, onDelete, onClear }: BulkBarProps) {
  const t = useT();
  return (
    <Flex
      align="center"
      gap={8}
      wrap
      role="toolbar"
      aria-label={t('listView.bulk.selected', { count })}
      data-testid="bulk-bar"
      style={{ padding: '6px 12px', background: 'var(--ant-color-primary-bg, #e6f4ff)', borderRadius: 6 }}
    >
      <Typography.Text strong data-testid="bulk-count">
        {t('listView.bulk.selected', { count })}
      </Typography.Text>
      {canEdit && (
        <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="bulk-edit">
          {t('listView.bulk.edit')}
        </Button>
      )}
      {canDelete && (
        <Button size="small" danger icon={<DeleteOutlined />} onClick={onDelete} data-testid="bulk-delete">
          {t('listView.bulk.delete')}
        </Button>
      )}
      <Button size="small" type="link" onClick={onClear} data-testid="bulk-clear">
        {t('listView.bulk.clear')}
      </Button>
    </Flex>
  );
}
