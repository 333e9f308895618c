import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/use-t';

interface ViewNameModalProps {
  title: string;
  initialName: string;
  /** Names of the user's other views: the same name replaces that view, so say so. */
  takenNames: readonly string[];
  onSubmit: (name: string) => Promise<void>;
  onClose: () => void;
}

const MAX_NAME = 100;

/** Asks for a view's name (saving as new, renaming); stays open with the error if the server refuses. */
export function ViewNameModal({ title, initialName, takenNames, onSubmit, onClose }: ViewNameModalProps) {
  const t = useT();
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();
  const taken = trimmed !== initialName.trim() && takenNames.includes(trimmed);

  const submit = async () => {
    if (!trimmed || busy) return;
    setBusy(true);
    try {
      await onSubmit(trimmed);
      onClose();
    } catch {
      // The caller has shown why; the dialog stays open to try again.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      // antd types no data attributes on the button props; the DOM still gets them.
      okButtonProps={{ disabled: !trimmed, ...({ 'data-testid': 'view-name-ok' } as object) }}
      confirmLoading={busy}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Input
        autoFocus
        aria-label={t('listView.views.name')}
        placeholder={t('listView.views.name')}
        data-testid="view-name-input"
        maxLength={MAX_NAME}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onPressEnter={() => void submit()}
        status={trimmed ? undefined : 'warning'}
      />
      {!trimmed && <Typography.Text type="secondary">{t('listView.views.nameRequired')}</Typography.Text>}
      {taken && <Typography.Text type="warning">{t('listView.views.nameTaken')}</Typography.Text>}
    </Modal>
  );
}
