import { Form, Input, Modal } from 'antd';
import { useT } from '../i18n/use-t';
import { type ChangePasswordValues, useChangePassword } from './use-change-password';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { form, saving, submit, cancel } = useChangePassword(onClose);
  return (
    <Modal
      open={open}
      title={t('user.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={cancel}
      forceRender
      data-testid="change-password"
    >
      <Form<ChangePasswordValues> form={form} name="change-password" layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item name="current" label={t('password.current')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label={t('password.next')} extra={t('password.hint')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['next']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
