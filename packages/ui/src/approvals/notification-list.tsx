import { Button, Empty, Flex, List, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRemote } from '../api/use-remote';
import { useT } from '../i18n/use-t';
import { ErrorState } from '../shell/error-state';
import { useRouteStore } from '../stores/route-store';
import { useSessionStore } from '../stores/session-store';
import { notificationText } from './approval-texts';
import { type AppNotification, approvalsApi } from './approvals-api';
import { useInboxCounts } from './inbox-counts-store';

/**
 * The header bell's list: the newest notifications, unread ones first in weight; a click opens
 * the approval (or, for a mention, the record at its comment) it is about and marks it read.
 */
export function NotificationList({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const navigate = useRouteStore((s) => s.navigate);
  const list = useRemote('notifications', (signal) => approvalsApi.notifications(signal));

  const open = async (notification: AppNotification) => {
    if (!notification.readAt) await approvalsApi.markRead([notification.id]).catch(() => undefined);
    void useInboxCounts.getState().refresh();
    onNavigate();
    const link = notification.link;
    if (link?.instance) navigate({ name: 'approval', instanceId: link.instance });
    // A mention opens the record at the comment.
    else if (link?.app && link.object && link.record)
      navigate(
        { name: 'record', appId: link.app, objectId: link.object, recordId: link.record },
        { search: link.comment ? `?comment=${encodeURIComponent(link.comment)}` : '' },
      );
  };
  const markAll = async () => {
    await approvalsApi.markRead().catch(() => undefined);
    void useInboxCounts.getState().refresh();
    list.reload();
  };

  if (list.status === 'loading') return <Skeleton active paragraph={{ rows: 3 }} style={{ width: 320 }} />;
  if (list.status === 'failed') return <ErrorState title={t('record.loadFailed')} error={list.error} onRetry={list.reload} />;
  return (
    <Flex vertical gap={8} style={{ width: 340 }} data-testid="notification-list">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('approvals.notifications')}</Typography.Text>
        <Button type="link" size="small" onClick={() => void markAll()} disabled={list.data.every((n) => n.readAt)}>
          {t('approvals.markAllRead')}
        </Button>
      </Flex>
      {list.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvals.noNotifications')} />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 400, overflow: 'auto' }}
          dataSource={list.data}
          renderItem={(notification) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => void open(notification)} data-testid="notification-item">
              <Flex vertical>
                <Typography.Text strong={!notification.readAt}>{notificationText(notification, t, locale)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(notification.createdAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
