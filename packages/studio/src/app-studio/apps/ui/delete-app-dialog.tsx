import { ErrorState, errorMessage, useSessionStore, useT } from '@tessera/ui';
import { Alert, type ButtonProps, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useAppDeletion } from '../hooks/use-app-deletion';
import { useAppT } from '../i18n/use-app-t';
import { deletionPhrase } from '../model/app-edits';
import { DeletionImpactList } from './deletion-impact-list';

interface DeleteAppDialogProps {
  appId: string;
  onClose: () => void;
  onDeleted: (appId: string) => void;
}

/** Deleting an app: lists what goes with it and asks for its name typed before the button wakes. */
export function DeleteAppDialog({ appId, onClose, onDeleted }: DeleteAppDialogProps) {
  const t = useAppT();
  const tr = useT();
  const locale = useSessionStore((s) => s.locale);
  const { impact, deleting, error, remove } = useAppDeletion(appId, onDeleted);
  const [typed, setTyped] = useState('');
  const phrase = deletionPhrase(impact.data?.label, locale, appId);
  const confirmed = impact.status === 'ready' && typed.trim() === phrase;
  return (
    <Modal
      open
      title={t('app.deleteTitle', { name: phrase })}
      okText={t('app.deleteConfirm')}
      okButtonProps={{ danger: true, disabled: !confirmed, loading: deleting, 'data-testid': 'delete-app-confirm' } as ButtonProps}
      onOk={() => void remove()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <div data-testid="delete-app-dialog">
        {impact.status === 'loading' && <Skeleton active title={{ width: t('app.loading') }} />}
        {impact.status === 'failed' && <ErrorState title={t('app.delete')} error={impact.error} onRetry={impact.reload} />}
        {impact.status === 'ready' && (
          <>
            <Alert type="warning" showIcon title={t('app.deleteWarning')} style={{ marginBottom: 12 }} />
            <DeletionImpactList impact={impact.data} />
            <Form layout="vertical" style={{ marginTop: 16 }}>
              <Form.Item label={<Typography.Text>{t('app.deleteType', { name: phrase })}</Typography.Text>}>
                <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" data-testid="delete-app-name" />
              </Form.Item>
            </Form>
          </>
        )}
        {error !== null && <Alert type="error" showIcon title={errorMessage(error, tr)} />}
      </div>
    </Modal>
  );
}
