import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { errorMessage } from '../api/error-message';
import { localized, pluralTitle } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { ErrorState } from '../shell/error-state';
import { useSessionStore } from '../stores/session-store';
import { RecordValue } from './record-value';
import type { RelatedListSpec } from './related-lists';
import { useRelatedList } from './use-related-list';

interface RelatedListCardProps {
  appId: string;
  list: RelatedListSpec;
  recordId: string;
  revision: number;
  onOpen: (objectId: string, recordId: string) => void;
  onCreate: (listId: string) => void;
}

/** A customer's visits (or contacts, opportunities…): newest ten, "more", and a new one pre-linked here. */
export function RelatedListCard({ appId, list, recordId, revision, onOpen, onCreate }: RelatedListCardProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const related = useRelatedList(appId, list, recordId, revision);
  const title = localized(list.field.label, locale, pluralTitle(list.target, locale));

  return (
    <Card
      size="small"
      className="record-page-card"
      data-testid={`related-${list.field.id}`}
      title={
        <Flex gap={8} align="center">
          <span>{title}</span>
          <Badge count={related.total ?? 0} showZero color="#8c8c8c" data-testid={`related-${list.field.id}-count`} />
        </Flex>
      }
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => onCreate(list.field.id)} data-testid={`related-${list.field.id}-new`}>
          {t('list.new')}
        </Button>
      }
    >
      {related.status === 'loading' && <Skeleton active paragraph={{ rows: 2 }} />}
      {related.status === 'failed' && <ErrorState title={t('list.loadFailed')} error={related.error} onRetry={related.reload} />}
      {related.status === 'ready' && related.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recordPage.relatedEmpty')} style={{ margin: '8px 0' }} />
      )}
      {related.status === 'ready' &&
        related.items.map((item) => {
          const name = list.title ? item[list.title.id] : undefined;
          return (
            <button
              type="button"
              key={item.id}
              className="record-page-related-row"
              onClick={() => onOpen(list.target.id, item.id)}
              data-testid={`related-${list.field.id}-row`}
            >
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis className="record-page-related-title">
                    {typeof name === 'string' && name !== '' ? name : `#${item.id.slice(0, 8)}`}
                  </Typography.Text>
                  <div className="record-page-related-meta">
                    {list.columns.map((field) => (
                      <span key={field.id}>
                        <Typography.Text type="secondary">{localized(field.label, locale, field.id)}: </Typography.Text>
                        <RecordValue field={field} record={item} />
                      </span>
                    ))}
                  </div>
                </div>
                <RightOutlined className="record-page-related-arrow" />
              </Flex>
            </button>
          );
        })}
      {related.error !== null && related.status === 'ready' && <Alert type="error" showIcon title={errorMessage(related.error, t)} />}
      {related.status === 'ready' && related.nextCursor && (
        <Button type="link" block loading={related.loadingMore} onClick={related.loadMore} data-testid={`related-${list.field.id}-more`}>
          {t('recordPage.more')}
        </Button>
      )}
    </Card>
  );
}
