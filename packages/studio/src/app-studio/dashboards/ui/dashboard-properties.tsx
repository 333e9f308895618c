import { DASHBOARD_FILTERS, type DashboardDefinition, type DashboardFilter } from '@tessera/schemas';
import { Checkbox, Form, Typography } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { updateDashboard } from '../model/dashboard-edits';
import { PeriodPicker } from './period-picker';
import { RolePicker } from './role-picker';
import { TextPair } from './text-pair';

/** The open dashboard's settings: its names, the period it opens with, the global filters it offers and who may open it. */
export function DashboardProperties({ dashboard }: { dashboard: DashboardDefinition }) {
  const t = useDashboardT();
  const store = useStudioStore();
  const change = (patch: Parameters<typeof updateDashboard>[2], merge?: string) =>
    store.getState().edit((d) => updateDashboard(d, dashboard.id, patch), merge ? { merge } : {});
  return (
    <Form layout="vertical" size="small" data-testid="dash-properties">
      <Typography.Title level={5}>{t('dash.settings')}</Typography.Title>
      <TextPair
        value={dashboard.label}
        labels={[t('dash.labelZh'), t('dash.labelEn')]}
        testId="dash-label"
        onChange={(label) => change({ label: label ?? { en: dashboard.id } }, `dash-label-${dashboard.id}`)}
      />
      <PeriodPicker value={dashboard.dateRange} label={t('dash.defaultRange')} testId="dash-range" onChange={(dateRange) => change({ dateRange })} />
      <Form.Item label={t('dash.globalFilters')} style={{ marginBottom: 8 }}>
        <Checkbox.Group
          value={[...(dashboard.filters ?? [])]}
          data-testid="dash-filters"
          options={DASHBOARD_FILTERS.map((filter) => ({
            value: filter,
            label: <span data-testid={`dash-filter-${filter}`}>{t(`dash.filter.${filter}`)}</span>,
          }))}
          onChange={(filters) => change({ filters: filters.length ? (filters as DashboardFilter[]) : undefined })}
        />
      </Form.Item>
      <RolePicker value={dashboard.roles} testId="dash-roles" onChange={(roles) => change({ roles })} />
    </Form>
  );
}
