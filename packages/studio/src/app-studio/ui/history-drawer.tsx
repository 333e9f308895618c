import { App, Button, Drawer, List, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { studioApi, type VersionSummary } from '../api/studio-api';
import { reloadDraft } from '../hooks/save-draft';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useStudioT } from '../i18n/use-studio-t';
import { VersionCompare } from './version-compare';

/** Every published version, newest first, each with a one-click rollback (published again as a new version, and made the draft). */
export function HistoryDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useStudioT();
  const { message } = App.useApp();
  const store = useStudioStore();
  const appId = useStudio((s) => s.appId);
  const liveVersion = useStudio((s) => s.liveVersion);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);

  useEffect(() => {
    if (!open || !appId) return;
    const controller = new AbortController();
    setVersions(null);
    studioApi.versions(appId, controller.signal).then(setVersions, () => setVersions([]));
    return () => controller.abort();
  }, [open, appId, liveVersion]);

  const rollback = async (version: number) => {
    if (!appId) return;
    try {
      const result = await studioApi.rollback(appId, version);
      await reloadDraft(store);
      void message.success(t('studio.versions.rolledBack', { version: result.version }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('studio.history')} size={420} data-testid="studio-history">
      {versions === null ? (
        <Skeleton active />
      ) : (
        <>
          {appId && <VersionCompare appId={appId} versions={versions} />}
          <List
            dataSource={versions}
            locale={{ emptyText: t('studio.versions.none') }}
            renderItem={(v) => (
              <List.Item
                data-testid={`version-${v.version}`}
                actions={
                  v.version === liveVersion
                    ? [
                        <Tag key="live" color="green">
                          {t('studio.versions.live')}
                        </Tag>,
                      ]
                    : [
                        <Popconfirm key="rollback" title={t('studio.versions.rollbackConfirm', { version: v.version })} onConfirm={() => rollback(v.version)}>
                          <Button size="small" data-testid={`rollback-${v.version}`}>
                            {t('studio.versions.rollback')}
                          </Button>
                        </Popconfirm>,
                      ]
                }
              >
                <List.Item.Meta
                  title={`${t('studio.versions.entry', { version: v.version })} ${v.rolledBackFrom ? t('studio.versions.rolledBackFrom', { version: v.rolledBackFrom }) : ''}`}
                  description={
                    <>
                      <Typography.Text type="secondary">{dayjs(v.publishedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                      {v.comment && <div>{v.comment}</div>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
