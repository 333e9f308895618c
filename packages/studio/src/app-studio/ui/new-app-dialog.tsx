import { errorMessage, useT } from '@tessera/ui';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useNewApp } from '../hooks/use-new-app';
import { useStudioT } from '../i18n/use-studio-t';

interface NewAppDialogProps {
  open: boolean;
  /** Apps to copy from: id and label in the admin's language. */
  apps: readonly { id: string; label: string }[];
  onClose: () => void;
  onCreated: (appId: string) => void;
}

/** Lowercase letters, digits and underscores, starting with a letter: the id becomes SQL and URL names. */
const APP_ID = /^[a-z][a-z0-9_]{0,39}$/;

/** A new app, blank or a copy of an existing one; the studio opens on it. */
export function NewAppDialog({ open, apps, onClose, onCreated }: NewAppDialogProps) {
  const t = useStudioT();
  const tr = useT();
  const [id, setId] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [copyOf, setCopyOf] = useState<string | null>(null);
  const { creating, error, create } = useNewApp(onCreated);
  const idValid = APP_ID.test(id);
  const labelled = zh.trim() !== '' || en.trim() !== '';
  const label = { ...(zh.trim() ? { 'zh-CN': zh.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) };
  return (
    <Modal
      open={open}
      title={t('studio.newApp.title')}
      okText={t('studio.newApp.create')}
      okButtonProps={{ disabled: !idValid || !labelled, loading: creating }}
      onOk={() => void create({ id, label, copyOf })}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="new-app-dialog">
        <Form.Item label={t('studio.id')} help={id && !idValid ? t('studio.newApp.idRule') : undefined} validateStatus={id && !idValid ? 'error' : undefined}>
          <Input value={id} onChange={(e) => setId(e.target.value.trim())} placeholder="crm_east" data-testid="new-app-id" />
        </Form.Item>
        <Form.Item label={t('studio.labelZh')}>
          <Input value={zh} onChange={(e) => setZh(e.target.value)} data-testid="new-app-label-zh" />
        </Form.Item>
        <Form.Item label={t('studio.labelEn')}>
          <Input value={en} onChange={(e) => setEn(e.target.value)} data-testid="new-app-label-en" />
        </Form.Item>
        <Form.Item label={t('studio.newApp.startFrom')}>
          <Select
            value={copyOf ?? ''}
            onChange={(value) => setCopyOf(value || null)}
            options={[
              { value: '', label: t('studio.newApp.blank') },
              ...apps.map((app) => ({ value: app.id, label: t('studio.newApp.copyOf', { app: app.label }) })),
            ]}
            data-testid="new-app-from"
          />
        </Form.Item>
        {error !== null && <Alert type="error" showIcon title={errorMessage(error, tr)} />}
      </Form>
    </Modal>
  );
}
