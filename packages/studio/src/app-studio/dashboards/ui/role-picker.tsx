import { Form, Select } from 'antd';
import { useStudio } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useDashboardT } from '../i18n/use-dashboard-t';

/** The roles a dashboard or widget is shown to (the server serves no data to the others); none: everyone. */
export function RolePicker({
  value,
  onChange,
  testId,
}: {
  value: readonly string[] | undefined;
  onChange: (roles: string[] | undefined) => void;
  testId: string;
}) {
  const t = useDashboardT();
  const label = useLabel();
  const roles = useStudio((s) => s.document?.roles) ?? [];
  return (
    <Form.Item label={t('dash.roles')} extra={t('dash.rolesHelp')} style={{ marginBottom: 8 }}>
      <Select
        mode="multiple"
        allowClear
        value={[...(value ?? [])]}
        data-testid={testId}
        options={roles.map((r) => ({ value: r.id, label: label(r.label, r.id) }))}
        onChange={(next: string[]) => onChange(next.length ? next : undefined)}
      />
    </Form.Item>
  );
}
