import { useState } from 'react';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { SectionList } from '../../ui/section-list';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { removeDashboard } from '../model/dashboard-edits';
import { NewDashboardDialog } from './new-dashboard-dialog';

/** The draft's dashboards in the side list: open one, delete it (after asking), or create one. */
export function DashboardList() {
  const t = useDashboardT();
  const store = useStudioStore();
  const dashboards = useStudio((s) => s.document?.dashboards) ?? [];
  const openId = useStudio((s) => s.selection.dashboardId ?? null);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <SectionList
        testPrefix="dash"
        items={dashboards}
        openId={openId}
        texts={{ none: t('dash.none'), add: t('dash.new'), deleteLabel: () => t('dash.delete'), deleteConfirm: (name) => t('dash.deleteConfirm', { name }) }}
        onOpen={(id) => store.getState().select({ dashboardId: id, widgetId: null })}
        onDelete={(id) => store.getState().edit((d) => removeDashboard(d, id), { select: { dashboardId: null, widgetId: null } })}
        onAdd={() => setCreating(true)}
        describe={(dashboard) => `${dashboard.widgets.length} · ${dashboard.id}`}
      />
      <NewDashboardDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
