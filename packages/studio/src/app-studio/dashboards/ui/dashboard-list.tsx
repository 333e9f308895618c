import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, List, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { removeDashboard } from '../model/dashboard-edits';
import { NewDashboardDialog } from './new-dashboard-dialog';

/** The draft's dashboards in the side list: open one, delete it (after asking), or create one. */
export function DashboardList() {
  const t = useDashboardT();
  const label = useLabel();
  const store = useStudioStore();
  const dashboards = useStudio((s) => s.document?.dashboards) ?? [];
  const openId = useStudio((s) => s.selection.dashboardId ?? null);
  const [creating, setCreating] = useState(false);
  return (
    <div data-testid="dash-list">
      {dashboards.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dash.none')} />}
      <List
        size="small"
        dataSource={dashboards}
        renderItem={(dashboard) => {
          const name = label(dashboard.label, dashboard.id);
          return (
            <List.Item
              data-testid={`dash-list-${dashboard.id}`}
              onClick={() => store.getState().select({ dashboardId: dashboard.id, widgetId: null })}
              style={{ cursor: 'pointer', background: dashboard.id === openId ? '#e6f4ff' : undefined, paddingInline: 8 }}
              actions={[
                <Popconfirm
                  key="delete"
                  title={t('dash.deleteConfirm', { name })}
                  onConfirm={() => store.getState().edit((d) => removeDashboard(d, dashboard.id), { select: { dashboardId: null, widgetId: null } })}
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('dash.delete')}
                    data-testid={`dash-delete-${dashboard.id}`}
                    onClick={(event) => event.stopPropagation()}
                  />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={name}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dashboard.widgets.length} · {dashboard.id}
                  </Typography.Text>
                }
              />
            </List.Item>
          );
        }}
      />
      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginTop: 8 }} data-testid="dash-new">
        {t('dash.new')}
      </Button>
      <NewDashboardDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
