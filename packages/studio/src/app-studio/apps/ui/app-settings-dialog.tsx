import type { LocalizedText, NavigationIcon } from '@tessera/schemas';
import { Alert, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { iconOptions } from '../../ui/icon-options';
import { useAppT } from '../i18n/use-app-t';
import { cleanLabel, setAppIdentity } from '../model/app-edits';

/** Renames the app (both languages) and picks its icon; applied to the draft as one undo step. */
export function AppSettingsDialog({ onClose }: { onClose: () => void }) {
  const t = useAppT();
  const store = useStudioStore();
  const document = useStudio((s) => s.document);
  const [label, setLabel] = useState<LocalizedText>(document?.label ?? {});
  const [icon, setIcon] = useState<NavigationIcon | ''>(document?.icon ?? '');
  const named = cleanLabel(label) !== undefined;
  const apply = () => {
    store.getState().edit((d) => setAppIdentity(d, label, icon || null));
    onClose();
  };
  return (
    <Modal
      open
      title={t('app.settingsTitle')}
      okText={t('app.apply')}
      okButtonProps={{ disabled: !named, 'data-testid': 'app-settings-apply' } as ButtonProps}
      onOk={apply}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="app-settings">
        <Alert type="info" showIcon title={t('app.settingsHint')} style={{ marginBottom: 12 }} />
        <Form.Item label={t('app.labelZh')}>
          <Input value={label['zh-CN'] ?? ''} onChange={(e) => setLabel({ ...label, 'zh-CN': e.target.value })} lang="zh-CN" data-testid="app-label-zh" />
        </Form.Item>
        <Form.Item label={t('app.labelEn')} help={named ? undefined : t('app.labelNeeded')} validateStatus={named ? undefined : 'error'}>
          <Input value={label.en ?? ''} onChange={(e) => setLabel({ ...label, en: e.target.value })} lang="en" data-testid="app-label-en" />
        </Form.Item>
        <Form.Item label={t('app.icon')}>
          <Select<NavigationIcon | ''>
            value={icon}
            onChange={setIcon}
            options={iconOptions(t('app.noIcon'))}
            aria-label={t('app.icon')}
            data-testid="app-icon"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
