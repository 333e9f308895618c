import type { Locale } from '@tessera/i18n';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../i18n/use-t';
import type { DashboardPayload } from './dashboards-api';

/**
 * What an exported dashboard says of itself under its title: the period counted (the server's
 * resolved dates, the end day included) and when it was exported. The filters themselves are
 * in the picture as set in the toolbar.
 */
export function ExportCaption({ exportedAt, range, locale }: { exportedAt: Date; range: DashboardPayload['range']; locale: Locale }) {
  const t = useT();
  const period = range ? `${range.from} – ${dayjs(range.to).subtract(1, 'day').format('YYYY-MM-DD')}` : t('dashboard.exportAll.allTime');
  const at = exportedAt.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Typography.Text type="secondary" data-testid="dashboard-export-caption">
      {t('dashboard.exportAll.period', { range: period })} · {t('dashboard.exportAll.exportedAt', { at })}
    </Typography.Text>
  );
}
