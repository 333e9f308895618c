import { localized, useSessionStore } from '@tessera/ui';
import { Descriptions, Tag } from 'antd';
import type { DeletionImpact } from '../api/app-api';
import { useAppT } from '../i18n/use-app-t';
import { formatBytes } from '../model/app-edits';

/** Exactly what goes with the app: each object with its records, each flow with its running approvals, dashboards, files. */
export function DeletionImpactList({ impact }: { impact: DeletionImpact }) {
  const t = useAppT();
  const locale = useSessionStore((s) => s.locale);
  const none = t('app.none');
  const tags = <T extends { id: string }>(items: T[], text: (item: T) => string) =>
    items.length === 0
      ? none
      : items.map((item) => (
          <Tag key={item.id} data-testid={`impact-${item.id}`} style={{ marginBottom: 4 }}>
            {text(item)}
          </Tag>
        ));
  return (
    <Descriptions column={1} size="small" bordered data-testid="deletion-impact">
      <Descriptions.Item label={t('app.deleteObjects')}>
        {tags(impact.objects, (o) => `${localized(o.label, locale, o.id)} · ${t('app.deleteRecords', { count: o.records })}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('app.deleteFlows')}>
        {tags(impact.flows, (f) => `${localized(f.label, locale, f.id)}${f.running ? ` · ${t('app.deleteRunning', { count: f.running })}` : ''}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('app.deleteDashboards')}>{tags(impact.dashboards, (d) => localized(d.label, locale, d.id))}</Descriptions.Item>
      <Descriptions.Item label={t('app.deleteFiles', { count: impact.files.count, size: formatBytes(impact.files.bytes) })}>
        {t('app.deleteVersions', { count: impact.versions })}
      </Descriptions.Item>
    </Descriptions>
  );
}
