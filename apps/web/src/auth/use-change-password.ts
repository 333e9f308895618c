import { ApiError, authApi, errorMessage } from '@tessera/ui';
import { App, Form } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/use-t';

export interface ChangePasswordValues {
  current: string;
  next: string;
  confirm: string;
}

/** The server's two password problems belong to a field each; anything else is a toast. */
const FIELD_OF_CODE: Record<string, keyof ChangePasswordValues> = {
  'auth.wrong_password': 'current',
  'auth.weak_password': 'next',
};

export function useChangePassword(onDone: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [saving, setSaving] = useState(false);

  async function submit(values: ChangePasswordValues): Promise<void> {
    setSaving(true);
    try {
      await authApi.changePassword(values.current, values.next);
      void message.success(t('password.changed'));
      form.resetFields();
      onDone();
    } catch (error) {
      const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
      if (field) form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
      else void message.error(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  }

  function cancel(): void {
    form.resetFields();
    onDone();
  }

  return { form, saving, submit, cancel };
}
