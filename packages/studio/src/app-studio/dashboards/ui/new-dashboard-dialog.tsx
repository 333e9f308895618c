import type { LocalizedText } from '@tessera/schemas';
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useStudioStore } from '../../hooks/studio-context';
import { useDashboardT } from '../i18n/use-dashboard-t';
import { addDashboard, uniqueId } from '../model/dashboard-edits';

/** An id from the English name ('Team board' → team_board), else 'dashboard'; never one the draft has. */
function dashboardIdFor(name: LocalizedText, taken: ReadonlySet<string>): string {
  const slug = (name.en ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  return uniqueId(slug || 'dashboard', taken);
}

/** Creates a dashboard from its names; it opens in the designer, empty, with a menu entry. */
export function NewDashboardDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useDashboardT();
  const store = useStudioStore();
  const [name, setName] = useState<LocalizedText>({});
  const ok = () => {
    const { document, edit } = store.getState();
    if (!document) return;
    const label = name['zh-CN'] || name.en ? name : { 'zh-CN': '新仪表盘', en: 'New dashboard' };
    const id = dashboardIdFor(label, new Set((document.dashboards ?? []).map((d) => d.id)));
    edit((d) => addDashboard(d, id, label), { select: { dashboardId: id, widgetId: null } });
    setName({});
    onClose();
  };
  return (
    <Modal open={open} title={t('dash.new')} onOk={ok} onCancel={onClose} okButtonProps={{ 'data-testid': 'dash-new-ok' } as never} destroyOnHidden>
      <Form layout="vertical" data-testid="dash-new-dialog">
        <Form.Item label={t('dash.labelZh')} style={{ marginBottom: 8 }}>
          <Input value={name['zh-CN'] ?? ''} onChange={(e) => setName({ ...name, 'zh-CN': e.target.value })} data-testid="dash-new-label-zh" />
        </Form.Item>
        <Form.Item label={t('dash.labelEn')} style={{ marginBottom: 8 }}>
          <Input value={name.en ?? ''} onChange={(e) => setName({ ...name, en: e.target.value })} data-testid="dash-new-label-en" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
