import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useT } from '../i18n/use-t';
import { FRESH_MS, requestDepartments } from './department-names';
import { departmentOptions } from './department-tree';
import { type FormAriaProps, pickAria } from './form-aria';
import { useDepartments } from './use-departments';

interface DepartmentSelectProps extends FormAriaProps {
  id?: string;
  value?: string | null;
  disabled?: boolean;
  placeholder?: string;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
}

interface Picked {
  value: string;
  label: string;
}

/**
 * A department of the organization, picked from its tree or found by typing part of its name.
 * The value goes in and out as the bare id; inside, the select holds id and name together, so a
 * stored department shows its name (not a uuid) even before the tree has arrived.
 */
export function DepartmentSelect({ id, value, disabled, placeholder, onChange, onBlur, ...aria }: DepartmentSelectProps) {
  const t = useT();
  const { status, departments, byId } = useDepartments();
  const treeData = useMemo(() => departmentOptions(departments), [departments]);
  const picked: Picked | null = value ? { value, label: byId.get(value)?.name ?? (status === 'loaded' ? t('widgets.department.unknown') : '…') } : null;
  return (
    <TreeSelect<Picked | null>
      id={id}
      {...pickAria(aria)}
      labelInValue
      value={picked}
      onChange={(next) => onChange?.(next?.value ?? null)}
      onBlur={onBlur}
      // Opening the list refreshes a tree loaded a while ago, so a department added since shows up.
      onOpenChange={(open) => open && requestDepartments(FRESH_MS)}
      treeData={treeData}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      allowClear
      disabled={disabled}
      loading={status === 'loading'}
      placeholder={placeholder ?? t('widgets.department.pick')}
      notFoundContent={status === 'failed' ? t('widgets.department.loadFailed') : t('widgets.department.empty')}
      style={{ width: '100%' }}
    />
  );
}
