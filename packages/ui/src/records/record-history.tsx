import type { Locale } from '@tessera/i18n';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Empty, Skeleton, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { MergedHistories } from '../duplicates/merged-histories';
import { formatDateTime, optionDisplay } from '../format/field-format';
import { localized } from '../i18n/localized';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { ErrorState } from '../shell/error-state';
import { useSessionStore } from '../stores/session-store';
import { useRecordHistory } from './use-record-history';

const OPERATION_LABEL: Record<string, MessageKey> = {
  create: 'history.create',
  update: 'history.update',
  delete: 'history.delete',
  restore: 'history.restore',
};

interface Words {
  empty: string;
  yes: string;
  no: string;
}

function describe(field: FieldDefinition | undefined, value: unknown, locale: Locale, words: Words): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (field?.type === 'datetime') return formatDateTime(value);
  if (field && (field.type === 'select' || field.type === 'multi_select')) {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => optionDisplay(field, String(v), locale).label).join(', ');
  }
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

interface RecordHistoryProps {
  appId: string;
  object: ObjectDefinition;
  recordId: string;
  version: number;
}

export function RecordHistory({ appId, object, recordId, version }: RecordHistoryProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const history = useRecordHistory(appId, object.id, recordId, version);
  const words: Words = { empty: t('history.empty_value'), yes: t('common.yes'), no: t('common.no') };

  if (history.status === 'loading') return <Skeleton active />;
  if (history.status === 'failed') return <ErrorState title={t('history.loadFailed')} error={history.error} onRetry={history.reload} />;
  if (history.data.length === 0) return <Empty description={t('history.empty')} />;

  return (
    <>
      <Timeline
        items={history.data.map((entry) => {
          const key = OPERATION_LABEL[entry.operation];
          return {
            key: `${entry.version}-${entry.at}`,
            content: (
              <>
                <Typography.Text strong>{key ? t(key) : entry.operation}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {dayjs(entry.at).format('YYYY-MM-DD HH:mm')} · {t('history.version', { version: entry.version })}
                </Typography.Text>
                {entry.changes.map((change) => {
                  const field = object.fields.find((f) => f.id === change.field);
                  return (
                    <div key={change.field}>
                      <Typography.Text>{field ? localized(field.label, locale, field.id) : change.field}: </Typography.Text>
                      {change.old !== null && change.old !== undefined && (
                        <>
                          <Typography.Text delete type="secondary">
                            {describe(field, change.old, locale, words)}
                          </Typography.Text>
                          {' → '}
                        </>
                      )}
                      <Typography.Text>{describe(field, change.new, locale, words)}</Typography.Text>
                    </div>
                  );
                })}
              </>
            ),
          };
        })}
      />
      <MergedHistories
        appId={appId}
        object={object}
        recordId={recordId}
        renderHistory={(loserId) => <RecordHistory appId={appId} object={object} recordId={loserId} version={0} />}
      />
    </>
  );
}
