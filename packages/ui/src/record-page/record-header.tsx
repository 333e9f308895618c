import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Avatar, Button, Flex, Popconfirm, Typography } from 'antd';
import dayjs from 'dayjs';
import type { RecordData } from '../api/types';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { DormantBadge } from '../widgets/dormant-badge';
import { RecordValue } from './record-value';

interface RecordHeaderProps {
  object: ObjectDefinition;
  record: RecordData;
  title: string;
  listTitle: string;
  facts: FieldDefinition[];
  ownerName: string;
  deleting: boolean;
  onBack: () => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** Who or what this is, where it stands (the key facts) and what can be done with it. */
export function RecordHeader({ object, record, title, listTitle, facts, ownerName, deleting, onBack, onEdit, onDelete }: RecordHeaderProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const objectLabel = localized(object.label, locale, object.id);
  return (
    <div className="record-page-header" data-testid="record-page-header">
      <Button type="link" size="small" icon={<ArrowLeftOutlined />} onClick={onBack} className="record-page-back" data-testid="record-page-back">
        {listTitle}
      </Button>
      <Flex gap={12} align="center" wrap justify="space-between">
        <Flex gap={12} align="center" style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Avatar shape="square" size={44} className="record-page-avatar">
            {initialOf(title)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" className="record-page-kind">
              {objectLabel}
            </Typography.Text>
            <DormantBadge object={object} record={record} />
            <Typography.Title level={3} className="record-page-title" style={{ margin: 0 }} data-testid="record-page-title" ellipsis={{ tooltip: title }}>
              {title}
            </Typography.Title>
          </div>
        </Flex>
        <Flex gap={8} className="record-page-actions">
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="record-page-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('record.deleteConfirm')} onConfirm={onDelete} okButtonProps={{ danger: true }}>
            <Button danger icon={<DeleteOutlined />} loading={deleting} data-testid="record-page-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
      <div className="record-page-facts" data-testid="record-facts">
        {facts.map((field) => (
          <div key={field.id} className="record-page-fact" data-testid={`record-fact-${field.id}`}>
            <Typography.Text type="secondary" className="record-page-field-label">
              {localized(field.label, locale, field.id)}
            </Typography.Text>
            <div className="record-page-fact-value">
              <RecordValue field={field} record={record} />
            </div>
          </div>
        ))}
        <div className="record-page-fact" data-testid="record-fact-owner">
          <Typography.Text type="secondary" className="record-page-field-label">
            {t('recordPage.owner')}
          </Typography.Text>
          <div className="record-page-fact-value">{ownerName}</div>
        </div>
        <div className="record-page-fact">
          <Typography.Text type="secondary" className="record-page-field-label">
            {t('recordPage.updatedAt')}
          </Typography.Text>
          <div className="record-page-fact-value">{dayjs(record.updated_at).format('YYYY-MM-DD HH:mm')}</div>
        </div>
      </div>
    </div>
  );
}

/** The first letter (or character, for Chinese names) of the title, as a stand-in for a logo. */
function initialOf(title: string): string {
  return Array.from(title.trim())[0]?.toUpperCase() ?? '?';
}
