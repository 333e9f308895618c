import type { ObjectDefinition } from '@tessera/schemas';
import { Avatar, Empty, Skeleton, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useRecordHistory } from '../records/use-record-history';
import { ErrorState } from '../shell/error-state';
import { useSessionStore } from '../stores/session-store';
import { timelineEntries } from './timeline-entries';

const OPERATION_LABEL: Record<string, MessageKey> = {
  create: 'history.create',
  update: 'history.update',
  delete: 'history.delete',
  restore: 'history.restore',
};

interface RecordTimelineProps {
  appId: string;
  object: ObjectDefinition;
  recordId: string;
  /** The record's version: a save re-reads the history. */
  version: number;
  userName: (userId: string | null) => string;
}

/** Who changed what and when, newest first; encrypted values arrive masked from the server. */
export function RecordTimeline({ appId, object, recordId, version, userName }: RecordTimelineProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const history = useRecordHistory(appId, object.id, recordId, version);
  const entries = useMemo(() => {
    if (!history.data) return [];
    return timelineEntries(history.data, object, locale, {
      empty: t('history.empty_value'),
      yes: t('common.yes'),
      no: t('common.no'),
      signed: t('history.signed'),
      lines: (count) => t(count === 1 ? 'childTable.lineOne' : 'childTable.lines', { count }),
    });
  }, [history.data, object, locale, t]);

  if (history.status === 'loading') return <Skeleton active />;
  if (history.status === 'failed') return <ErrorState title={t('history.loadFailed')} error={history.error} onRetry={history.reload} />;
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;

  return (
    <Timeline
      data-testid="record-timeline"
      items={entries.map((entry) => {
        const actor = userName(entry.actorId);
        const operation = OPERATION_LABEL[entry.operation];
        return {
          key: entry.key,
          icon: (
            <Avatar size={20} className="record-page-timeline-avatar">
              {Array.from(actor)[0] ?? '?'}
            </Avatar>
          ),
          content: (
            <div className="record-page-timeline-entry" data-testid="record-timeline-entry">
              <div>
                <Typography.Text strong>{actor}</Typography.Text> <Typography.Text>{operation ? t(operation) : entry.operation}</Typography.Text>
              </div>
              <Typography.Text type="secondary" className="record-page-timeline-time" title={dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')}>
                {dayjs(entry.at).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
              {/* A creation lists every first value; only changes made later are worth the old → new line. */}
              {entry.operation !== 'create' &&
                entry.changes.map((change) => (
                  <div key={change.field} className="record-page-timeline-change">
                    <Typography.Text type="secondary">{change.label}: </Typography.Text>
                    {change.old !== null && (
                      <>
                        <Typography.Text delete type="secondary">
                          {change.old}
                        </Typography.Text>
                        {' → '}
                      </>
                    )}
                    <Typography.Text>{change.new}</Typography.Text>
                  </div>
                ))}
            </div>
          ),
        };
      })}
    />
  );
}
