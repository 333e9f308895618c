import { Typography } from 'antd';
import { useT } from '../i18n/use-t';
import { useDepartmentName } from './use-departments';

/** A department field in a table or on the record page: its name (the path on hover), never the raw id. */
export function DepartmentCell({ departmentId }: { departmentId: string }) {
  const t = useT();
  const department = useDepartmentName(departmentId);
  if (department === undefined) return null;
  if (department === null) return <Typography.Text type="secondary">{t('widgets.department.unknown')}</Typography.Text>;
  return (
    <span title={department.path} data-testid="department-name">
      {department.name}
    </span>
  );
}
