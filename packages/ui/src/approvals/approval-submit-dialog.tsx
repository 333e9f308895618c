import { Alert, type ButtonProps, Empty, Flex, Modal, Skeleton, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/error-message';
import { useRemote } from '../api/use-remote';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { useUserName } from '../widgets/use-user-name';
import { UserSelect } from '../widgets/user-select';
import { newActionKey } from './action-key';
import { approvalsApi } from './approvals-api';

interface SubmitProps {
  appId: string;
  flow: { id: string; label: Record<string, string> };
  recordId: string;
  recordTitle: string;
  onSubmitted: (instanceId: string) => void;
  onCancel: () => void;
}

/**
 * Submitting a record to a flow, after seeing who will approve it, step by step (the server's
 * dry run of the flow on this record). Steps whose approvers the submitter picks ask for them here.
 */
export function ApprovalSubmitDialog({ appId, flow, recordId, recordTitle, onSubmitted, onCancel }: SubmitProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const preview = useRemote(`${appId}/${flow.id}/${recordId}`, (signal) => approvalsApi.preview(appId, flow.id, recordId, signal));
  const [key] = useState(newActionKey);
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const flowLabel = localized(flow.label, locale, flow.id);
  const stepLabel = (step: { node: string; label: Record<string, string> | null }) => (step.label ? localized(step.label, locale) : step.node);
  const unchosen = (preview.data ?? []).filter((step) => step.choose && (chosen[step.node] ?? []).length === 0);

  const submit = async () => {
    setTouched(true);
    if (unchosen.length > 0 || preview.status !== 'ready') return;
    setBusy(true);
    setProblem(null);
    try {
      const started = await approvalsApi.submit(appId, flow.id, recordId, chosen, key);
      onSubmitted(started.id);
    } catch (error) {
      setProblem(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('approvals.submitTitle', { record: recordTitle, flow: flowLabel })}
      okText={t('approvals.submit', { flow: flowLabel })}
      okButtonProps={{ loading: busy, disabled: preview.status !== 'ready', 'data-testid': 'approval-submit-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      data-testid="approval-submit-dialog"
    >
      <Typography.Text strong>{t('approvals.whoApproves')}</Typography.Text>
      {preview.status === 'loading' && <Skeleton active paragraph={{ rows: 3 }} />}
      {preview.status === 'failed' && <Alert type="error" showIcon title={errorMessage(preview.error, t)} />}
      {preview.status === 'ready' && preview.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('approvals.nobody')} />}
      {preview.status === 'ready' && preview.data.length > 0 && (
        <Steps
          orientation="vertical"
          size="small"
          current={-1}
          style={{ marginTop: 12 }}
          data-testid="approval-preview"
          items={preview.data.map((step) => ({
            title: stepLabel(step),
            status: 'wait',
            description: (
              <Flex vertical gap={6}>
                <Flex gap={4} wrap>
                  {step.approvers.map((person) => (
                    <Tag key={person.id}>{person.name}</Tag>
                  ))}
                  {step.approvers.length === 0 && !step.choose && <Typography.Text type="secondary">{t('approvals.nobody')}</Typography.Text>}
                </Flex>
                {step.choose && (
                  <ChosenApprovers
                    value={chosen[step.node] ?? []}
                    onChange={(users) => setChosen((current) => ({ ...current, [step.node]: users }))}
                    error={touched && (chosen[step.node] ?? []).length === 0 ? t('approvals.chooseRequired', { step: stepLabel(step) }) : null}
                  />
                )}
              </Flex>
            ),
          }))}
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} data-testid="approval-submit-problem" />}
    </Modal>
  );
}

/** The people a submitter picks for one step: one at a time from the address book, removable. */
function ChosenApprovers({ value, onChange, error }: { value: string[]; onChange: (users: string[]) => void; error: string | null }) {
  const t = useT();
  return (
    <Flex vertical gap={4}>
      <Flex gap={4} wrap>
        {value.map((id) => (
          <Tag key={id} closable onClose={() => onChange(value.filter((v) => v !== id))}>
            <ChosenName id={id} />
          </Tag>
        ))}
      </Flex>
      <UserSelect value={null} placeholder={t('approvals.choose')} onChange={(user) => user && !value.includes(user) && onChange([...value, user])} />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Flex>
  );
}

function ChosenName({ id }: { id: string }) {
  const user = useUserName(id);
  return <>{user?.name ?? id.slice(0, 8)}</>;
}
