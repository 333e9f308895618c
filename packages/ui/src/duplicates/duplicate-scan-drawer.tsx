import type { ObjectDefinition } from '@tessera/schemas';
import { Alert, Button, Drawer, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/error-message';
import { isAbort } from '../api/http';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { type DuplicateScan, duplicatesApi } from './duplicates-api';
import { MergeModal } from './merge-modal';

interface DuplicateScanDrawerProps {
  appId: string;
  object: ObjectDefinition;
  onClose: () => void;
  /** A merge or its undo changed records: the list behind reloads. */
  onChanged: () => void;
}

/**
 * The batch scan for administrators: the object's duplicate groups, strongest first, each with its
 * score and the rules that found it, and a merge of any two of its records side by side.
 */
export function DuplicateScanDrawer({ appId, object, onClose, onChanged }: DuplicateScanDrawerProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const [scan, setScan] = useState<DuplicateScan | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [merging, setMerging] = useState<[string, string] | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setScan(null);
    duplicatesApi.scan(appId, object.id, controller.signal).then(setScan, (error: unknown) => {
      if (!isAbort(error)) setFailed(error);
    });
    return () => controller.abort();
  }, [appId, object.id, attempt]);

  const changed = useCallback(() => {
    onChanged();
    setAttempt((n) => n + 1);
  }, [onChanged]);
  const ruleLabel = (id: string) => {
    const rule = object.matchRules?.find((r) => r.id === id);
    return rule?.label ? localized(rule.label, locale, id) : id;
  };

  return (
    <Drawer
      open
      size={640}
      onClose={onClose}
      title={t('duplicates.scanTitle', { object: localized(object.label, locale, object.id) })}
      data-testid="duplicate-scan"
    >
      {failed !== null && <Alert type="error" showIcon title={errorMessage(failed, t)} />}
      {!scan && failed === null && <Skeleton active />}
      {scan && (
        <Flex vertical gap={8}>
          <Typography.Text data-testid="duplicate-scan-summary">{t('duplicates.scanSummary', { count: scan.total })}</Typography.Text>
          {scan.skippedBlocks > 0 && <Alert type="info" showIcon title={t('duplicates.scanSkipped', { count: scan.skippedBlocks })} />}
          {scan.groups.length === 0 ? (
            <Empty description={t('duplicates.scanEmpty')} />
          ) : (
            <List
              bordered
              dataSource={scan.groups}
              renderItem={(group) => (
                <List.Item data-testid="duplicate-group">
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Flex gap={8} wrap align="center">
                      <Tag color="orange">{t('duplicates.score', { score: Math.round(group.score * 100) })}</Tag>
                      {group.rules.map((rule) => (
                        <Tag key={rule}>{ruleLabel(rule)}</Tag>
                      ))}
                    </Flex>
                    {group.records.slice(1).map((other) => (
                      <Flex key={other.id} justify="space-between" align="center" gap={8}>
                        <Typography.Text>
                          {group.records[0]!.display ?? group.records[0]!.id} ⇄ {other.display ?? other.id}
                        </Typography.Text>
                        <Button size="small" onClick={() => setMerging([group.records[0]!.id, other.id])} data-testid="duplicate-merge">
                          {t('duplicates.merge')}
                        </Button>
                      </Flex>
                    ))}
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Flex>
      )}
      {merging && <MergeModal appId={appId} object={object} ids={merging} onClose={() => setMerging(null)} onMerged={changed} />}
    </Drawer>
  );
}
