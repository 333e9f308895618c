import { FileImageOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { type RefObject, useState } from 'react';
import { errorMessage } from '../api/error-message';
import { saveFile } from '../data-transfer/imports-api';
import { useT } from '../i18n/use-t';
import { dashboardCanvas, dashboardPdf, dashboardPng, EXPORT_SKIP } from './dashboard-export';

/** Waits for React to draw the export caption (and the browser to lay it out) before the picture is taken. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/**
 * The dashboard toolbar's export: the whole page as a PNG or a PDF, with the caption (period,
 * filters, date of export) shown while it is drawn. `sheet` is the element exported.
 */
export function DashboardExportMenu({
  sheet,
  fileName,
  title,
  onCaption,
}: {
  sheet: RefObject<HTMLElement | null>;
  fileName: string;
  title: string;
  /** Shows (a date) or hides (null) the caption with the export's date and the filters. */
  onCaption: (exportedAt: Date | null) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: 'png' | 'pdf') => {
    if (!sheet.current) return;
    setBusy(true);
    const at = new Date();
    onCaption(at);
    try {
      await nextFrame();
      const { canvas, pixelRatio } = await dashboardCanvas(sheet.current);
      const stamp = at.toISOString().slice(0, 10);
      saveFile(format === 'png' ? await dashboardPng(canvas, pixelRatio) : await dashboardPdf(canvas, title), `${fileName}-${stamp}.${format}`);
    } catch (error) {
      void message.error(t('dashboard.export.failed', { reason: errorMessage(error, t) }));
    } finally {
      onCaption(null);
      setBusy(false);
    }
  };
  const items = (['png', 'pdf'] as const).map((format) => ({
    key: format,
    label: <span data-testid={`dashboard-export-${format}`}>{t(format === 'png' ? 'dashboard.exportAll.png' : 'dashboard.exportAll.pdf')}</span>,
  }));
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => void run(key === 'pdf' ? 'pdf' : 'png') }}>
      <Button icon={<FileImageOutlined />} loading={busy} aria-label={t('dashboard.exportAll')} data-testid="dashboard-export" {...{ [EXPORT_SKIP]: '' }}>
        {t('dashboard.exportAll')}
      </Button>
    </Dropdown>
  );
}
