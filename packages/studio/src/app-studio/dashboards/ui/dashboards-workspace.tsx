import { Card, Empty } from 'antd';
import { useOpenDashboard } from '../hooks/use-open-dashboard';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { DashboardGrid } from './dashboard-grid';
import { DashboardProperties } from './dashboard-properties';
import './dashboards.css';
import { WidgetPalette } from './widget-palette';
import { WidgetPreview } from './widget-preview';
import { WidgetProperties } from './widget-properties';

/** The dashboards section: the palette and the grid of the open dashboard; the selected widget's (or the dashboard's) properties and the live preview. */
export function DashboardsWorkspace() {
  const t = useDashboardT();
  const { dashboard, widget, report } = useOpenDashboard();
  if (!dashboard) return <Empty description={t('dash.pick')} style={{ marginTop: 80 }} data-testid="dash-none-open" />;
  return (
    <div className="studio-workspace" data-testid="dash-designer">
      <div className="dash-designer">
        <WidgetPalette dashboardId={dashboard.id} />
        <DashboardGrid dashboard={dashboard} />
      </div>
      <div className="studio-side">
        {widget && (report || widget.kind === 'note') && (
          <Card size="small">
            <WidgetPreview widget={widget} report={report} />
          </Card>
        )}
        <Card size="small">
          {widget ? (
            <WidgetProperties key={widget.id} dashboardId={dashboard.id} widget={widget} report={report} />
          ) : (
            <DashboardProperties dashboard={dashboard} />
          )}
        </Card>
      </div>
    </div>
  );
}
