import { Alert, Flex, List, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { VersionSummary } from '../api/studio-api';
import { useVersionCompare } from '../hooks/use-version-compare';
import { useChangeText } from '../i18n/use-change-text';
import { useStudioT } from '../i18n/use-studio-t';

/** Any two published versions side by side: what changed from the older to the newer. */
export function VersionCompare({ appId, versions }: { appId: string; versions: readonly VersionSummary[] }) {
  const t = useStudioT();
  const changeText = useChangeText();
  const [from, setFrom] = useState<number | null>(versions[1]?.version ?? null);
  const [to, setTo] = useState<number | null>(versions[0]?.version ?? null);
  const comparison = useVersionCompare(appId, from, to);
  if (versions.length < 2) return null;
  const options = versions.map((v) => ({ value: v.version, label: t('studio.versions.entry', { version: v.version }) }));
  return (
    <Flex vertical gap={8} data-testid="version-compare">
      <Typography.Text strong>{t('studio.versions.compare')}</Typography.Text>
      <Flex gap={8} align="center">
        <Select
          size="small"
          style={{ width: 120 }}
          value={from}
          options={options}
          onChange={setFrom}
          aria-label={t('studio.versions.from')}
          data-testid="compare-from"
        />
        →
        <Select
          size="small"
          style={{ width: 120 }}
          value={to}
          options={options}
          onChange={setTo}
          aria-label={t('studio.versions.to')}
          data-testid="compare-to"
        />
      </Flex>
      {comparison.status === 'loading' && <Skeleton active paragraph={{ rows: 2 }} />}
      {comparison.status === 'failed' && <Alert type="error" showIcon title={String(comparison.error)} />}
      {comparison.status === 'ready' && (
        <List
          size="small"
          bordered
          dataSource={comparison.changes}
          locale={{ emptyText: t('studio.review.noChanges') }}
          renderItem={(change) => <List.Item data-testid="compare-change">{changeText(change)}</List.Item>}
        />
      )}
    </Flex>
  );
}
