import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useRemote } from '../api/use-remote';
import { localized } from '../i18n/localized';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useRouteStore } from '../stores/route-store';
import { useSessionStore } from '../stores/session-store';
import { ApprovalPanel } from './approval-panel';
import { ApprovalSubmitDialog } from './approval-submit-dialog';
import { STATUS_COLOR } from './approval-texts';
import { approvalsApi, type RecordFlows } from './approvals-api';
import { useApproval } from './use-approval';

interface RecordApprovalsProps {
  appId: string;
  objectId: string;
  recordId: string;
  recordTitle: string;
  /** The record's version: a save elsewhere on the page (or by the flow) refreshes the approvals. */
  version: number;
  fieldLabel: (id: string) => string;
  /** Something here changed the record or its lock (a submit, a decision): the page reloads it. */
  onChanged: () => void;
  /** Opens the record's form in the approver's mode (their step's field permissions). */
  onFill: (instanceId: string) => void;
}

/**
 * The record page's approvals: the latest one with its steps and actions, a submit button for
 * each flow the record may be sent to, and the earlier ones. Nothing at all for an object no
 * flow is about.
 */
export function RecordApprovals({ appId, objectId, recordId, recordTitle, version, fieldLabel, onChanged, onFill }: RecordApprovalsProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const navigate = useRouteStore((s) => s.navigate);
  const flows = useRemote(`${appId}/${objectId}/${recordId}/${version}`, (signal) => approvalsApi.recordFlows(appId, objectId, recordId, signal));
  const [known, setKnown] = useState<RecordFlows | null>(null);
  const [submitting, setSubmitting] = useState<RecordFlows['submittable'][number] | null>(null);
  // Keep the last answer on screen while a refresh loads: no flash of an empty card.
  useEffect(() => {
    if (flows.data) setKnown(flows.data);
  }, [flows.data]);
  const latest = known?.instances[0] ?? null;
  const approval = useApproval(latest?.id ?? null);
  const { changed } = approval;

  useEffect(() => {
    if (changed > 0) onChanged();
  }, [changed, onChanged]);

  if (!known || (known.instances.length === 0 && known.submittable.length === 0)) return null;
  const flowLabel = (flowId: string) => {
    const flow = known.submittable.find((f) => f.id === flowId);
    return flow ? localized(flow.label, locale, flowId) : flowId;
  };
  const startable = known.submittable.filter((f) => !f.running);
  const earlier = known.instances.slice(1);

  return (
    <Flex vertical gap={12} data-testid="record-approvals">
      {latest && (
        <ApprovalPanel
          approval={approval}
          fieldLabel={fieldLabel}
          onFill={() => onFill(latest.id)}
          extra={
            <Button type="link" size="small" onClick={() => navigate({ name: 'approval', instanceId: latest.id })} data-testid="approval-open">
              {t('approvals.open')}
            </Button>
          }
        />
      )}
      {(startable.length > 0 || earlier.length > 0) && (
        <Card size="small" className="record-page-card" title={latest ? undefined : t('approvals.panel')}>
          <Flex vertical gap={12}>
            {!latest && <Typography.Text type="secondary">{t('approvals.none')}</Typography.Text>}
            {startable.length > 0 && (
              <Flex gap={8} wrap>
                {startable.map((flow) => (
                  <Button key={flow.id} type={latest ? 'default' : 'primary'} onClick={() => setSubmitting(flow)} data-testid={`approval-submit-${flow.id}`}>
                    {t('approvals.submit', { flow: localized(flow.label, locale, flow.id) })}
                  </Button>
                ))}
              </Flex>
            )}
            {earlier.length > 0 && (
              <List
                size="small"
                header={t('approvals.earlier', { count: earlier.length })}
                dataSource={earlier}
                renderItem={(instance) => (
                  <List.Item
                    actions={[
                      <Button key="open" type="link" size="small" onClick={() => navigate({ name: 'approval', instanceId: instance.id })}>
                        {t('approvals.open')}
                      </Button>,
                    ]}
                  >
                    <Flex gap={8} align="center">
                      <span>{flowLabel(instance.flowId)}</span>
                      <Tag color={STATUS_COLOR[instance.status]}>{t(`approvals.status.${instance.status}` as MessageKey)}</Tag>
                      <Typography.Text type="secondary">{dayjs(instance.startedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Flex>
        </Card>
      )}
      {submitting && (
        <ApprovalSubmitDialog
          appId={appId}
          flow={submitting}
          recordId={recordId}
          recordTitle={recordTitle}
          onCancel={() => setSubmitting(null)}
          onSubmitted={() => {
            setSubmitting(null);
            flows.reload();
            onChanged();
          }}
        />
      )}
    </Flex>
  );
}
