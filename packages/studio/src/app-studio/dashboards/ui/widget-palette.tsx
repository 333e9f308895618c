import { WIDGET_KINDS, type WidgetKind } from '@tessera/schemas';
import { Button, Typography } from 'antd';
import { memo } from 'react';
import { useDrag } from 'react-dnd';
import { useStudioStore } from '../../hooks/studio-context';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { addWidget, newWidgetId } from '../model/dashboard-edits';
import { DASHBOARD_DRAG, type DashboardDragItem } from '../model/drag';
import { useWidgetTitle } from './use-widget-title';

const PaletteItem = memo(function PaletteItem({ dashboardId, kind }: { dashboardId: string; kind: WidgetKind }) {
  const t = useDashboardT();
  const store = useStudioStore();
  const titleOf = useWidgetTitle();
  const [, drag] = useDrag<DashboardDragItem>(() => ({ type: DASHBOARD_DRAG, item: { kind: 'new', widgetKind: kind } }), [kind]);
  // Enter (or a click) adds the widget below the others: everything a drag does, from the keyboard.
  const add = () => {
    const { document, edit } = store.getState();
    if (!document) return;
    const id = newWidgetId(document, dashboardId, kind);
    edit((d) => addWidget(d, dashboardId, kind, id, titleOf(kind), null), { select: { widgetId: id } });
  };
  return (
    <Button ref={drag as never} block className="dash-palette-item" data-testid={`dash-palette-${kind}`} onClick={add}>
      {t(`dash.kind.${kind}`)}
    </Button>
  );
});

/** The widget kinds the runtime draws, to drag onto the grid (or add with Enter). */
export function WidgetPalette({ dashboardId }: { dashboardId: string }) {
  const t = useDashboardT();
  return (
    <div className="dash-palette" data-testid="dash-palette">
      <Typography.Text strong>{t('dash.palette')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
        {t('dash.paletteHelp')}
      </Typography.Paragraph>
      {WIDGET_KINDS.map((kind) => (
        <PaletteItem key={kind} dashboardId={dashboardId} kind={kind} />
      ))}
    </div>
  );
}
