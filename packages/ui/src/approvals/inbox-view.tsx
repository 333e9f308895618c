import { Alert, App, Badge, Button, Flex, Input, Modal, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/error-message';
import { localized } from '../i18n/localized';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { ErrorState } from '../shell/error-state';
import { type InboxBox, useRouteStore } from '../stores/route-store';
import { useSessionStore } from '../stores/session-store';
import { STATUS_COLOR, TASK_COLOR } from './approval-texts';
import { approvalsApi, type InboxItem } from './approvals-api';
import { useInboxCounts } from './inbox-counts-store';
import { OutOfOffice } from './out-of-office';
import { useInboxBox } from './use-inbox-box';

const BOXES: InboxBox[] = ['todo', 'done', 'submitted', 'cc'];

/**
 * The approval inbox: what waits for me, what I decided, what I submitted, what was copied to me.
 * A row opens the approval; in "to approve", several can be approved at once.
 */
export function InboxView({ box }: { box: InboxBox }) {
  const t = useT();
  const navigate = useRouteStore((s) => s.navigate);
  const counts = useInboxCounts((s) => s.counts);
  const tabLabel = (b: InboxBox) => {
    const count = b === 'todo' ? counts?.todo : b === 'submitted' ? counts?.submitted : undefined;
    return (
      <Flex gap={6} align="center">
        {t(`approvals.box.${b}` as MessageKey)}
        {count ? <Badge count={count} size="small" color={b === 'todo' ? undefined : '#1f6feb'} /> : null}
      </Flex>
    );
  };
  return (
    <div className="record-page-content" data-testid="approval-inbox">
      <Tabs
        tabBarExtraContent={<OutOfOffice />}
        activeKey={box}
        onChange={(key) => navigate({ name: 'approvals', box: key as InboxBox })}
        items={BOXES.map((b) => ({ key: b, label: <span data-testid={`inbox-tab-${b}`}>{tabLabel(b)}</span> }))}
      />
      <InboxTable key={box} box={box} />
    </div>
  );
}

function InboxTable({ box }: { box: InboxBox }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const navigate = useRouteStore((s) => s.navigate);
  const inbox = useInboxBox(box);
  const [selected, setSelected] = useState<string[]>([]);
  const [batching, setBatching] = useState(false);
  useEffect(() => setSelected((current) => current.filter((id) => inbox.items.some((i) => i.instanceId === id))), [inbox.items]);

  const columns: TableColumnsType<InboxItem> = [
    {
      key: 'record',
      title: t('approvals.col.record'),
      render: (_, item) => <Typography.Text strong>{item.recordLabel ?? item.recordId?.slice(0, 8) ?? '—'}</Typography.Text>,
    },
    { key: 'flow', title: t('approvals.col.flow'), render: (_, item) => localized(item.flowLabel, locale, item.flowId) },
    ...(box === 'submitted'
      ? []
      : [
          {
            key: 'step',
            title: t('approvals.col.step'),
            render: (_: unknown, item: InboxItem) => (item.nodeLabel ? localized(item.nodeLabel, locale) : item.node),
          },
        ]),
    ...(box === 'submitted'
      ? []
      : [{ key: 'initiator', title: t('approvals.col.initiator'), render: (_: unknown, item: InboxItem) => item.initiator?.name ?? '—' }]),
    { key: 'at', title: t('approvals.col.at'), width: 150, render: (_, item) => dayjs(item.at).format('YYYY-MM-DD HH:mm') },
    {
      key: 'status',
      title: t('approvals.col.status'),
      width: 120,
      render: (_, item) =>
        box === 'submitted' || box === 'cc' ? (
          <Tag color={STATUS_COLOR[item.instanceStatus]}>{t(`approvals.status.${item.instanceStatus}` as MessageKey)}</Tag>
        ) : (
          <Tag color={TASK_COLOR[item.status]}>{t(`approvals.task.${item.status}` as MessageKey)}</Tag>
        ),
    },
  ];

  if (inbox.status === 'failed') return <ErrorState title={t('record.loadFailed')} error={inbox.error} onRetry={inbox.reload} />;
  return (
    <Flex vertical gap={12}>
      {box === 'todo' && selected.length > 0 && (
        <Flex>
          <Button type="primary" onClick={() => setBatching(true)} data-testid="inbox-approve-selected">
            {t('approvals.approveSelected', { count: selected.length })}
          </Button>
        </Flex>
      )}
      <Table<InboxItem>
        rowKey={(item) => `${item.instanceId}:${item.node ?? ''}`}
        size="middle"
        loading={inbox.status === 'loading' && inbox.items.length === 0}
        dataSource={inbox.items}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t(box === 'todo' ? 'approvals.empty.todo' : 'approvals.empty.other') }}
        rowSelection={
          box === 'todo'
            ? {
                selectedRowKeys: selected.map((id) => `${id}:${inbox.items.find((i) => i.instanceId === id)?.node ?? ''}`),
                onChange: (_, rows) => setSelected(rows.map((r) => r.instanceId)),
              }
            : undefined
        }
        onRow={(item) =>
          ({ onClick: () => navigate({ name: 'approval', instanceId: item.instanceId }), style: { cursor: 'pointer' }, 'data-testid': 'inbox-row' }) as object
        }
      />
      {inbox.more && (
        <Button onClick={inbox.loadMore} loading={inbox.status === 'loading'} style={{ alignSelf: 'center' }}>
          {t('approvals.loadMore')}
        </Button>
      )}
      {batching && (
        <BatchApprove
          items={inbox.items.filter((i) => selected.includes(i.instanceId))}
          onClose={(changed) => {
            setBatching(false);
            if (changed) {
              setSelected([]);
              inbox.reload();
              void useInboxCounts.getState().refresh();
            }
          }}
        />
      )}
    </Flex>
  );
}

/** Approving several at once: one comment for all; each is its own decision and may fail on its own. */
function BatchApprove({ items, onClose }: { items: InboxItem[]; onClose: (changed: boolean) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);

  const run = async () => {
    setBusy(true);
    try {
      const results = await approvalsApi.approveMany(
        items.map((i) => ({ instanceId: i.instanceId, ...(i.node ? { node: i.node } : {}) })),
        comment.trim() || undefined,
      );
      const failed = results.filter((r) => !r.ok);
      void message.success(t('approvals.batchDone', { ok: results.length - failed.length, failed: failed.length }));
      if (failed.length === 0) return onClose(true);
      setFailures(
        failed.map((f) => {
          const item = items.find((i) => i.instanceId === f.instanceId);
          return t('approvals.batchFailed', { record: item?.recordLabel ?? f.instanceId.slice(0, 8), reason: f.message ?? f.code ?? '' });
        }),
      );
    } catch (error) {
      setFailures([errorMessage(error, t)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('approvals.approveSelected', { count: items.length })}
      okText={t('approvals.action.approve')}
      okButtonProps={{ loading: busy, disabled: failures.length > 0 }}
      onOk={() => void run()}
      onCancel={() => onClose(failures.length > 0)}
      cancelText={t('common.cancel')}
    >
      <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('approvals.commentPlaceholder')} autoSize={{ minRows: 2 }} />
      {failures.length > 0 && <Alert style={{ marginTop: 12 }} type="warning" showIcon title={failures.map((f) => <div key={f}>{f}</div>)} />}
    </Modal>
  );
}
