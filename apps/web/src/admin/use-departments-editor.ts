import { type AdminUser, ApiError, type Department, errorMessage } from '@tessera/ui';
import { departmentsChanged } from '@tessera/ui/department-names';
import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { adminApi } from '../api/admin-client';
import { useT } from '../i18n/use-t';

export interface DepartmentFormValues {
  name: string;
  parentId: string | null;
  headUserId: string | null;
}

const FIELD_OF_CODE: Record<string, keyof DepartmentFormValues> = {
  'identity.department_cycle': 'parentId',
  'identity.department_not_found': 'parentId',
  'identity.user_not_found': 'headUserId',
};

/** The selected department's form, the "new department" dialog, and delete (only when empty). */
export function useDepartmentsEditor(departments: readonly Department[], users: readonly AdminUser[], reload: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const [editForm] = Form.useForm<DepartmentFormValues>();
  const [createForm] = Form.useForm<DepartmentFormValues>();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const selected = departments.find((d) => d.id === selectedId) ?? null;
  const memberCount = selected ? users.filter((u) => u.departmentId === selected.id).length : 0;
  const isEmpty = selected ? memberCount === 0 && !departments.some((d) => d.parentId === selected.id) : false;
  // This page's list, and the tree the app's pickers and cells share.
  const changed = () => {
    reload();
    departmentsChanged();
  };

  // The form follows the selection, and the server's answer after each reload.
  useEffect(() => {
    if (selected) editForm.setFieldsValue({ name: selected.name, parentId: selected.parentId, headUserId: selected.headUserId });
  }, [selected, editForm]);

  function fail(form: typeof editForm, error: unknown): void {
    const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
    if (field) form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
    else void message.error(errorMessage(error, t));
  }

  async function save(values: DepartmentFormValues): Promise<void> {
    if (!selected) return;
    setSaving(true);
    try {
      await adminApi.updateDepartment(selected.id, { name: values.name.trim(), parentId: values.parentId ?? null, headUserId: values.headUserId ?? null });
      void message.success(t('common.saved'));
      changed();
    } catch (error) {
      fail(editForm, error);
    } finally {
      setSaving(false);
    }
  }

  async function create(values: DepartmentFormValues): Promise<void> {
    setSaving(true);
    try {
      const { id } = await adminApi.createDepartment({ name: values.name.trim(), parentId: values.parentId ?? null, headUserId: values.headUserId ?? null });
      void message.success(t('departments.created'));
      setCreating(false);
      setSelectedId(id);
      changed();
    } catch (error) {
      fail(createForm, error);
    } finally {
      setSaving(false);
    }
  }

  async function remove(): Promise<void> {
    if (!selected) return;
    try {
      await adminApi.deleteDepartment(selected.id);
      void message.success(t('departments.deleted'));
      setSelectedId(null);
      changed();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  }

  function openCreate(parentId: string | null): void {
    createForm.resetFields();
    createForm.setFieldsValue({ parentId, headUserId: null });
    setCreating(true);
  }

  return {
    editForm,
    createForm,
    selected,
    memberCount,
    isEmpty,
    creating,
    saving,
    select: setSelectedId,
    save,
    create,
    remove,
    openCreate,
    closeCreate: () => setCreating(false),
  };
}
