import type { ObjectDefinition } from '@tessera/schemas';
import { Alert, App, Button, Modal, Radio, Skeleton, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import type { RecordData } from '../api/types';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { RecordValue } from '../record-page/record-value';
import { useObjectAccess } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { duplicatesApi } from './duplicates-api';
import { initialChoices, mergeableFields, takenFields } from './merge-choices';

interface MergeModalProps {
  appId: string;
  object: ObjectDefinition;
  ids: [string, string];
  onClose: () => void;
  onMerged: () => void;
}

/**
 * Two records side by side: the user picks the record to keep (a radio above each column) and,
 * per field, whose value survives (a radio in each cell). Merging moves every reference to the
 * kept record; the message that confirms it offers the undo.
 */
export function MergeModal({ appId, object, ids, onClose, onMerged }: MergeModalProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { message } = App.useApp();
  const access = useObjectAccess(object.id);
  const [records, setRecords] = useState<[RecordData, RecordData] | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [keptIndex, setKeptIndex] = useState<0 | 1>(0);
  const [choices, setChoices] = useState<Record<string, 'kept' | 'other'>>({});
  const [merging, setMerging] = useState(false);
  const fields = useMemo(() => mergeableFields(object, new Set(access.hiddenFields)), [object, access]);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all(ids.map((id) => api.getRecord(appId, object.id, id, controller.signal))).then(
      ([a, b]) => {
        setRecords([a!, b!]);
        setChoices(initialChoices(fields, a!, b!));
      },
      (error: unknown) => setFailed(error),
    );
    return () => controller.abort();
  }, [appId, object.id, ids, fields]);

  const keep = (index: 0 | 1) => {
    if (!records) return;
    setKeptIndex(index);
    setChoices(initialChoices(fields, records[index], records[1 - index]!));
  };
  const sideOf = (column: 0 | 1): 'kept' | 'other' => (column === keptIndex ? 'kept' : 'other');

  const merge = async () => {
    if (!records) return;
    setMerging(true);
    try {
      const kept = records[keptIndex];
      const other = records[1 - keptIndex]!;
      const result = await duplicatesApi.merge(appId, object.id, { survivorId: kept.id, loserId: other.id, take: takenFields(choices) });
      onMerged();
      onClose();
      const key = `merge-${result.mergeId}`;
      void message.success({
        key,
        duration: 10,
        content: (
          <span data-testid="merge-done">
            {t('duplicates.merged', { count: result.repointed })}{' '}
            <Button
              size="small"
              type="link"
              data-testid="merge-undo"
              onClick={async () => {
                try {
                  await duplicatesApi.undo(appId, object.id, result.mergeId);
                  onMerged();
                  void message.success({ key, content: <span data-testid="merge-undone">{t('duplicates.undone')}</span> });
                } catch (error) {
                  void message.error(errorMessage(error, t));
                }
              }}
            >
              {t('duplicates.undo')}
            </Button>
          </span>
        ),
      });
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setMerging(false);
    }
  };

  const column = (index: 0 | 1) => ({
    key: index,
    title: (
      <Radio checked={keptIndex === index} onChange={() => keep(index)} data-testid={`merge-keep-${index}`}>
        {t('duplicates.keep')}
      </Radio>
    ),
    render: (_: unknown, field: (typeof fields)[number]) =>
      records && (
        <Radio
          checked={choices[field.id] === sideOf(index)}
          onChange={() => setChoices((now) => ({ ...now, [field.id]: sideOf(index) }))}
          data-testid={`merge-pick-${field.id}-${index}`}
        >
          <RecordValue field={field} record={records[index]} />
        </Radio>
      ),
  });

  return (
    <Modal
      open
      width={860}
      title={t('duplicates.mergeTitle')}
      onCancel={onClose}
      onOk={() => void merge()}
      okText={t('duplicates.mergeOk')}
      okButtonProps={{ disabled: !records, loading: merging, danger: true, ...{ 'data-testid': 'merge-confirm' } }}
      cancelText={t('common.cancel')}
      data-testid="merge-modal"
    >
      {failed !== null && <Alert type="error" showIcon title={errorMessage(failed, t)} />}
      {!records && failed === null && <Skeleton active />}
      {records && (
        <>
          <Typography.Paragraph type="secondary">{t('duplicates.mergeHint')}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={fields}
            scroll={{ y: 480 }}
            columns={[
              { key: 'field', title: t('duplicates.field'), width: 160, render: (_: unknown, f) => localized(f.label, locale, f.id) },
              column(0),
              column(1),
            ]}
          />
        </>
      )}
    </Modal>
  );
}
