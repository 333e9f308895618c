import type { FormDefinition, LocalizedText } from '@tessera/schemas';
import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useStudioT } from '../i18n/use-studio-t';

/** The form's name in both languages, applied on OK as one undo step; a name in neither language is refused. */
export function RenameFormDialog({ form, onRename, onClose }: { form: FormDefinition; onRename: (label: LocalizedText) => void; onClose: () => void }) {
  const t = useStudioT();
  const [zh, setZh] = useState(form.label['zh-CN'] ?? '');
  const [en, setEn] = useState(form.label.en ?? '');
  const named = zh.trim() !== '' || en.trim() !== '';
  const label = { ...(zh.trim() ? { 'zh-CN': zh.trim() } : {}), ...(en.trim() ? { en: en.trim() } : {}) } as LocalizedText;
  return (
    <Modal
      open
      title={t('studio.forms.renameTitle')}
      okButtonProps={{ disabled: !named, 'data-testid': 'form-rename-ok' } as ButtonProps}
      onOk={() => {
        onRename(label);
        onClose();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="form-rename-dialog">
        <Form.Item label={t('studio.forms.nameZh')}>
          <Input value={zh} onChange={(e) => setZh(e.target.value)} data-testid="form-rename-zh" lang="zh-CN" />
        </Form.Item>
        <Form.Item
          label={t('studio.forms.nameEn')}
          validateStatus={named ? undefined : 'error'}
          help={named ? undefined : <span data-testid="form-rename-error">{t('studio.forms.nameRequired')}</span>}
        >
          <Input value={en} onChange={(e) => setEn(e.target.value)} data-testid="form-rename-en" lang="en" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
