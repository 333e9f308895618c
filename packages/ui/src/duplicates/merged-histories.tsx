import type { ObjectDefinition } from '@tessera/schemas';
import { Collapse } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useCallback } from 'react';
import { useRemote } from '../api/use-remote';
import { useT } from '../i18n/use-t';
import { duplicatesApi } from './duplicates-api';

interface MergedHistoriesProps {
  appId: string;
  object: ObjectDefinition;
  recordId: string;
  /** How one merged record's history is shown: the same timeline as the record's own. */
  renderHistory: (loserId: string) => ReactNode;
}

/** Below a record's timeline, the timelines of the records merged into it (undone merges left out). */
export function MergedHistories({ appId, object, recordId, renderHistory }: MergedHistoriesProps) {
  const t = useT();
  const merges = useRemote(
    `merges/${appId}/${object.id}/${recordId}`,
    useCallback((signal: AbortSignal) => duplicatesApi.merges(appId, object.id, recordId, signal), [appId, object.id, recordId]),
  );
  if (merges.status !== 'ready') return null;
  const kept = merges.data.filter((m) => m.survivorId === recordId && !m.undone);
  if (kept.length === 0) return null;
  return (
    <Collapse
      size="small"
      data-testid="merged-histories"
      items={kept.map((merge) => ({
        key: merge.id,
        label: t('duplicates.mergedFrom', { time: dayjs(merge.at).format('YYYY-MM-DD HH:mm') }),
        children: renderHistory(merge.loserId),
      }))}
    />
  );
}
