import { type AdminUser, ApiError, errorMessage, type UserChanges } from '@tessera/ui';
import { App, Form } from 'antd';
import { useState } from 'react';
import { adminApi } from '../api/admin-client';
import { useT } from '../i18n/use-t';

export interface UserFormValues {
  email: string;
  name: string;
  password: string;
  departmentId: string | null;
  isAdmin: boolean;
}

/** Server problems that belong to one form item; the rest become a toast. */
const FIELD_OF_CODE: Record<string, keyof UserFormValues> = {
  'identity.email_taken': 'email',
  'auth.weak_password': 'password',
  'identity.department_not_found': 'departmentId',
  'identity.last_admin': 'isAdmin',
};

/** A readable random password for the create form: no look-alike characters (0/O, 1/l/I). */
export function generatePassword(length = 14): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Create and edit one user. After a create the drawer switches to editing the new user, so
 * roles (which need the user's id) are the natural next step.
 */
export function useUserEditor(users: readonly AdminUser[], reload: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [target, setTarget] = useState<{ mode: 'create' } | { mode: 'edit'; userId: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = target?.mode === 'edit' ? (users.find((u) => u.id === target.userId) ?? null) : null;

  function fail(error: unknown): void {
    const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
    if (field) form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
    else void message.error(errorMessage(error, t));
  }

  async function save(values: UserFormValues): Promise<void> {
    setSaving(true);
    try {
      if (target?.mode === 'create') {
        const { id } = await adminApi.createUser({ ...values, email: values.email.trim(), name: values.name.trim() });
        void message.success(t('users.created'));
        setTarget({ mode: 'edit', userId: id });
      } else if (editing) {
        const changes: UserChanges = { name: values.name.trim(), departmentId: values.departmentId ?? null, isAdmin: values.isAdmin };
        await adminApi.updateUser(editing.id, changes);
        void message.success(t('common.saved'));
      }
      reload();
    } catch (error) {
      fail(error);
    } finally {
      setSaving(false);
    }
  }

  async function setActive(user: AdminUser, active: boolean): Promise<void> {
    try {
      await adminApi.updateUser(user.id, { active });
      void message.success(t(active ? 'users.reactivated' : 'users.deactivated'));
      reload();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  }

  async function setRoles(user: AdminUser, appId: string, roles: string[]): Promise<void> {
    try {
      await adminApi.setRoles(user.id, appId, roles);
      void message.success(t('users.rolesSaved'));
      reload();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  }

  function openCreate(): void {
    form.resetFields();
    form.setFieldsValue({ password: generatePassword(), isAdmin: false, departmentId: null });
    setTarget({ mode: 'create' });
  }

  function openEdit(user: AdminUser): void {
    form.resetFields();
    form.setFieldsValue({ email: user.email, name: user.name, departmentId: user.departmentId, isAdmin: user.isAdmin });
    setTarget({ mode: 'edit', userId: user.id });
  }

  return {
    form,
    open: target !== null,
    mode: target?.mode ?? null,
    editing,
    saving,
    save,
    setActive,
    setRoles,
    openCreate,
    openEdit,
    close: () => setTarget(null),
  };
}

export type UserEditor = ReturnType<typeof useUserEditor>;
