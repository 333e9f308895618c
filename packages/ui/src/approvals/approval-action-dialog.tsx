import type { FieldDefinition } from '@tessera/schemas';
import { Alert, type ButtonProps, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/error-message';
import { ApiError } from '../api/problem';
import type { FileRef } from '../api/types';
import { localized } from '../i18n/localized';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { FileUpload } from '../widgets/file-upload';
import { UserSelect } from '../widgets/user-select';
import { newActionKey } from './action-key';
import type { ApprovalAction, PendingTask } from './approvals-api';

export type ActionKind = ApprovalAction['action'];

interface DialogProps {
  kind: ActionKind;
  /** The app the approval's record belongs to: attachments are uploaded to it. */
  appId: string;
  /** The step the person decides at, for the actions of an approver. */
  task: PendingTask | null;
  onSubmit: (action: ApprovalAction, key: string) => Promise<void>;
  onDone: (kind: ActionKind) => void;
  onCancel: () => void;
}

/** Actions where the submitter must be told why. */
const NEEDS_REASON = new Set<ActionKind>(['reject', 'return']);

/**
 * One action on an approval, with what it needs: a comment (a reason for a rejection or a
 * return), where to return it, whom to hand it to or add. The idempotency key is made when the
 * dialog opens and kept through retries, so pressing OK twice, or again after a lost answer,
 * acts once.
 */
/** Attachments of a comment, uploaded as an attachment field's files are (ten at most, as the server takes). */
const ATTACHMENTS: FieldDefinition = { id: 'attachments', type: 'attachment', label: { en: 'Attachments' }, maxFiles: 10 };
const NOTHING_SAVED: ReadonlySet<string> = new Set();

export function ApprovalActionDialog({ kind, appId, task, onSubmit, onDone, onCancel }: DialogProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const [key] = useState(newActionKey);
  const [comment, setComment] = useState('');
  const [attachments, setAttachments] = useState<FileRef[]>([]);
  const [returnTo, setReturnTo] = useState('initiator');
  const [person, setPerson] = useState<string | null>(null);
  const [position, setPosition] = useState<'before' | 'after' | 'parallel'>('after');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);

  const reasonMissing = NEEDS_REASON.has(kind) && comment.trim() === '';
  const personMissing = (kind === 'transfer' || kind === 'add_signer') && !person;

  const action = (): ApprovalAction => {
    const node = task?.node;
    const said = {
      comment: comment.trim() === '' ? undefined : comment.trim(),
      ...(attachments.length > 0 ? { attachments: attachments.map((file) => file.id) } : {}),
    };
    switch (kind) {
      case 'return':
        return { action: 'return', node, to: returnTo, ...said };
      case 'transfer':
        return { action: 'transfer', node, to: person ?? '', ...said };
      case 'add_signer':
        return { action: 'add_signer', node, signer: person ?? '', position, ...said };
      case 'approve':
      case 'reject':
        return { action: kind, node, ...said };
      default:
        return { action: kind, ...said };
    }
  };

  const submit = async () => {
    setTouched(true);
    if (reasonMissing || personMissing) return;
    setBusy(true);
    setProblem([]);
    try {
      await onSubmit(action(), key);
      onDone(kind);
    } catch (error) {
      const fieldMessages = error instanceof ApiError ? (error.problem?.errors ?? []).map((e) => e.message) : [];
      setProblem(fieldMessages.length ? fieldMessages : [errorMessage(error, t)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`approvals.action.${kind}` as MessageKey)}
      okText={t(`approvals.action.${kind}` as MessageKey)}
      okButtonProps={{ danger: kind === 'reject', loading: busy, 'data-testid': 'approval-dialog-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="approval-dialog"
    >
      <Form layout="vertical" onFinish={() => void submit()}>
        {kind === 'return' && task && (
          <Form.Item label={t('approvals.returnTo')}>
            <Select
              value={returnTo}
              onChange={setReturnTo}
              data-testid="approval-return-to"
              options={[
                { value: 'initiator', label: t('approvals.returnInitiator') },
                ...task.returnTargets.map((target) => ({ value: target.node, label: target.label ? localized(target.label, locale) : target.node })),
              ]}
            />
          </Form.Item>
        )}
        {(kind === 'transfer' || kind === 'add_signer') && (
          <Form.Item
            label={t(kind === 'transfer' ? 'approvals.transferTo' : 'approvals.signer')}
            required
            validateStatus={touched && personMissing ? 'error' : undefined}
            help={touched && personMissing ? t('approvals.pickPerson') : undefined}
          >
            <UserSelect value={person} onChange={setPerson} placeholder={t('approvals.pickPerson')} />
          </Form.Item>
        )}
        {kind === 'add_signer' && (
          <Form.Item label={t('approvals.position')}>
            <Radio.Group
              value={position}
              onChange={(event) => setPosition(event.target.value)}
              options={(['before', 'after', 'parallel'] as const).map((value) => ({ value, label: t(`approvals.position.${value}`) }))}
            />
          </Form.Item>
        )}
        {kind !== 'urge' && kind !== 'withdraw' && (
          <Form.Item
            label={t('approvals.comment')}
            required={NEEDS_REASON.has(kind)}
            validateStatus={touched && reasonMissing ? 'error' : undefined}
            help={touched && reasonMissing ? t('approvals.commentNeeded') : undefined}
          >
            <Input.TextArea
              autoFocus
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              placeholder={NEEDS_REASON.has(kind) ? t('approvals.commentNeeded') : t('approvals.commentPlaceholder')}
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={5000}
              data-testid="approval-comment"
            />
          </Form.Item>
        )}
        {kind !== 'urge' && kind !== 'withdraw' && (
          <Form.Item label={t('approvals.attachments')}>
            <FileUpload
              id="approval-attachments"
              field={ATTACHMENTS}
              source={{ appId, objectId: null, recordId: null, savedIds: NOTHING_SAVED }}
              value={attachments}
              onChange={(next) => setAttachments(next ?? [])}
            />
          </Form.Item>
        )}
        {kind === 'withdraw' && <Alert type="warning" showIcon title={t('approvals.withdrawConfirm')} />}
        {problem.length > 0 && <Alert type="error" showIcon data-testid="approval-problem" title={problem.map((line) => <div key={line}>{line}</div>)} />}
      </Form>
    </Modal>
  );
}
