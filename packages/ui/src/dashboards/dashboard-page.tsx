import { ReloadOutlined } from '@ant-design/icons';
import type { DashboardDefinition } from '@tessera/schemas';
import { Button, Flex, Result, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { ErrorState } from '../shell/error-state';
import { useCurrentAppStore } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { DepartmentSelect } from '../widgets/department-select';
import { UserSelect } from '../widgets/user-select';
import { EXPORT_SKIP } from './dashboard-export';
import { DashboardExportMenu } from './dashboard-export-menu';
import { dashboardsApi } from './dashboards-api';
import { DateRangeFilter } from './date-range-filter';
import { DrillDrawer } from './drill-drawer';
import { ExportCaption } from './export-caption';
import { useDashboard } from './use-dashboard';
import { WidgetCard } from './widget-card';

/** Rows of the 24-column grid are this tall; a widget's layout counts in them. */
const ROW_PX = 40;

/** A dashboard of the live app: its widgets on a 24-column grid, one date filter for all, drill-downs in a drawer. */
export function DashboardPage({ appId, dashboardId }: { appId: string; dashboardId: string }) {
  const dashboard = useCurrentAppStore((s) => s.document?.dashboards?.find((d) => d.id === dashboardId) ?? null);
  const t = useT();
  return dashboard ? <DashboardBody appId={appId} dashboard={dashboard} /> : <Result status="404" subTitle={t('dashboard.notFound')} />;
}

function DashboardBody({ appId, dashboard }: { appId: string; dashboard: DashboardDefinition }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const view = useDashboard(appId, dashboard.id, dashboard.dateRange);
  const data = view.state.status === 'ready' ? view.state.data : null;
  const sheet = useRef<HTMLDivElement>(null);
  const [exportedAt, setExportedAt] = useState<Date | null>(null);
  const title = localized(dashboard.label, locale, dashboard.id);
  return (
    <Flex vertical gap={12} data-testid={`dashboard-${dashboard.id}`} ref={sheet} style={{ background: '#fff' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          {dashboard.filters?.includes('owner') && (
            <div data-testid="dashboard-owner" style={{ minWidth: 180 }}>
              <UserSelect value={view.filters.owner ?? null} placeholder={t('dashboard.filter.owner')} onChange={(id) => view.setOwner(id ?? undefined)} />
            </div>
          )}
          {dashboard.filters?.includes('department') && (
            <div data-testid="dashboard-department" style={{ minWidth: 180 }}>
              <DepartmentSelect
                value={view.filters.department ?? null}
                placeholder={t('dashboard.filter.department')}
                onChange={(id) => view.setDepartment(id ?? undefined)}
              />
            </div>
          )}
          <DateRangeFilter value={view.range} onChange={view.setRange} />
          <Button icon={<ReloadOutlined />} onClick={view.reload} aria-label={t('dashboard.refresh')} {...{ [EXPORT_SKIP]: '' }} />
          {data && <DashboardExportMenu sheet={sheet} fileName={dashboard.id} title={title} onCaption={setExportedAt} />}
        </Flex>
      </Flex>
      {exportedAt && data && <ExportCaption exportedAt={exportedAt} range={data.range} locale={locale} />}
      {view.state.status === 'failed' && <ErrorState title={t('dashboard.loadFailed')} error={view.state.error} onRetry={view.reload} />}
      {view.state.status === 'loading' && <Spin style={{ display: 'block', marginTop: 64 }} />}
      {data && (
        <div className="tessera-dashboard-grid" style={{ gridAutoRows: ROW_PX }}>
          {dashboard.widgets.map((widget, i) => {
            // The server sends only the widgets this viewer may see; the others take no place.
            const served = data.widgets.find((w) => w.id === widget.id);
            if (!served) return null;
            const layout = widget.layout ?? { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 };
            return (
              <div key={widget.id} style={{ gridColumn: `${layout.x + 1} / span ${layout.w}`, gridRow: `${layout.y + 1} / span ${layout.h}`, minWidth: 0 }}>
                <WidgetCard
                  widget={widget}
                  data={served}
                  locale={locale}
                  onDrill={view.openDrill}
                  onExport={(format) => dashboardsApi.exportWidget(appId, dashboard.id, widget.id, format, view.filters)}
                />
              </div>
            );
          })}
        </div>
      )}
      <DrillDrawer appId={appId} target={view.drill} onClose={view.closeDrill} />
    </Flex>
  );
}
