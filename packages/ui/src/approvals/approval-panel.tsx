import { Alert, App, Button, Card, Dropdown, Flex, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { localized } from '../i18n/localized';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { ErrorState } from '../shell/error-state';
import { useSessionStore } from '../stores/session-store';
import { type ActionKind, ApprovalActionDialog } from './approval-action-dialog';
import { progressSteps, STATUS_COLOR, TASK_COLOR } from './approval-texts';
import { ApprovalTimeline } from './approval-timeline';
import type { InstanceView } from './approvals-api';
import type { ApprovalHandle } from './use-approval';

interface PanelProps {
  approval: ApprovalHandle;
  /** Opens the record's form with the fields the person's step lets them fill. */
  onFill?: (() => void) | undefined;
  /** Field labels by id, for "required before approving". */
  fieldLabel: (id: string) => string;
  /** A link to the record (in the inbox's approval page) or to the approval (on the record page). */
  extra?: React.ReactNode;
}

function formatTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/** Where an approval stands, who decides, what the person may do, and what happened so far. */
export function ApprovalPanel({ approval, onFill, fieldLabel, extra }: PanelProps) {
  const t = useT();
  if (approval.status === 'failed') return <ErrorState title={t('record.loadFailed')} error={approval.error} onRetry={approval.reload} />;
  if (!approval.view)
    return (
      <Card size="small" className="record-page-card">
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  return <ApprovalCard view={approval.view} act={approval.act} onFill={onFill} fieldLabel={fieldLabel} extra={extra} />;
}

interface CardProps extends Omit<PanelProps, 'approval'> {
  view: InstanceView;
  act: ApprovalHandle['act'];
}

function ApprovalCard({ view, act, onFill, fieldLabel, extra }: CardProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<ActionKind | null>(null);
  const task = view.mine.pending[0] ?? null;
  const steps = progressSteps(view, locale);
  const returned = view.status === 'running' && view.mine.canResubmit;
  const required = task ? Object.entries(task.fieldPermissions).filter(([, p]) => p === 'required') : [];
  const fillable = task ? Object.values(task.fieldPermissions).some((p) => p === 'editable' || p === 'required') : false;

  const open = (kind: ActionKind) => setDialog(kind);
  const done = (kind: ActionKind) => {
    setDialog(null);
    void message.success(t(`approvals.done.${kind}` as MessageKey));
  };

  return (
    <Card
      size="small"
      className="record-page-card"
      data-testid="approval-panel"
      title={
        <Space wrap>
          <span>{localized(view.flowLabel, locale)}</span>
          <Tag color={returned ? 'warning' : STATUS_COLOR[view.status]} data-testid="approval-status">
            {t(returned ? 'approvals.status.returned' : (`approvals.status.${view.status}` as MessageKey))}
          </Tag>
        </Space>
      }
      extra={extra}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t('approvals.startedBy', { name: view.initiator?.name ?? t('approvals.system'), time: formatTime(view.startedAt) })}
        </Typography.Text>
        {view.recordLocked && !task && <Alert type="warning" showIcon data-testid="approval-locked" title={t('approvals.locked')} />}
        {task && (
          <Alert
            type="info"
            showIcon
            data-testid="approval-your-turn"
            title={t('approvals.yourTurn', { step: task.label ? localized(task.label, locale) : task.node })}
            description={required.length > 0 ? t('approvals.fillRequired', { fields: required.map(([id]) => fieldLabel(id)).join(', ') }) : undefined}
            action={
              fillable && onFill ? (
                <Button size="small" onClick={onFill} data-testid="approval-fill">
                  {t('approvals.fill')}
                </Button>
              ) : undefined
            }
          />
        )}
        {steps.length > 0 && (
          <Steps
            size="small"
            orientation="vertical"
            data-testid="approval-steps"
            items={steps.map((step) => ({
              title: step.label,
              status: step.status,
              description: (
                <Space size={[4, 4]} wrap>
                  {step.tasks.map((task) => (
                    <Tag key={`${task.user}:${task.status}`} color={TASK_COLOR[task.status]}>
                      {task.name} · {t(`approvals.task.${task.status}` as MessageKey)}
                    </Tag>
                  ))}
                </Space>
              ),
            }))}
          />
        )}
        <ActionBar view={view} onAction={open} />
        <ApprovalTimeline view={view} formatTime={formatTime} />
      </Flex>
      {dialog && <ApprovalActionDialog kind={dialog} appId={view.appId} task={task} onSubmit={act} onDone={done} onCancel={() => setDialog(null)} />}
    </Card>
  );
}

/** The buttons of what the person may do now: an approver's decisions first, then the submitter's. */
function ActionBar({ view, onAction }: { view: InstanceView; onAction: (kind: ActionKind) => void }) {
  const t = useT();
  const { mine } = view;
  const deciding = mine.pending.length > 0;
  const button = (kind: ActionKind, props: { type?: 'primary'; danger?: boolean } = {}) => (
    <Button key={kind} {...props} onClick={() => onAction(kind)} data-testid={`approval-${kind}`}>
      {t(`approvals.action.${kind}` as MessageKey)}
    </Button>
  );
  return (
    <Space wrap data-testid="approval-actions">
      {deciding && button('approve', { type: 'primary' })}
      {deciding && button('reject', { danger: true })}
      {deciding && button('return')}
      {deciding && (
        <Dropdown
          menu={{
            items: (['transfer', 'add_signer'] as const).map((kind) => ({ key: kind, label: t(`approvals.action.${kind}`) })),
            onClick: ({ key }) => onAction(key as ActionKind),
          }}
        >
          <Button data-testid="approval-more">…</Button>
        </Dropdown>
      )}
      {mine.canResubmit && button('resubmit', { type: 'primary' })}
      {mine.canUrge && button('urge')}
      {mine.canWithdraw && button('withdraw', { danger: true })}
      {button('comment')}
    </Space>
  );
}
