import { AppstoreOutlined, EditOutlined, HistoryOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { LanguageSwitch, localized, useRouteStore, useSessionStore } from '@tessera/ui';
import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useAppT } from '../apps/i18n/use-app-t';
import { AppSettingsDialog } from '../apps/ui/app-settings-dialog';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useStudioT } from '../i18n/use-studio-t';
import { ProblemsButton } from './problems-button';
import { SaveStatus } from './save-status';

/** The studio's bar: the app, undo/redo, save state, problems, history and publish. */
export function StudioHeader({ onPublish, onHistory }: { onPublish: () => void; onHistory: () => void }) {
  const t = useStudioT();
  const store = useStudioStore();
  const locale = useSessionStore((s) => s.locale);
  const navigate = useRouteStore((s) => s.navigate);
  const appId = useStudio((s) => s.appId);
  const label = useStudio((s) => s.document?.label);
  const canUndo = useStudio((s) => s.past.length > 0);
  const canRedo = useStudio((s) => s.future.length > 0);
  const liveVersion = useStudio((s) => s.liveVersion);
  const appT = useAppT();
  const [renaming, setRenaming] = useState(false);
  return (
    <header className="studio-header">
      <Flex align="center" gap={12} style={{ minWidth: 0 }}>
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {t('studio.title')} · {localized(label, locale, appId ?? '')}
        </Typography.Text>
        <Tooltip title={appT('app.settings')}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            onClick={() => setRenaming(true)}
            aria-label={appT('app.settings')}
            data-testid="app-settings-open"
          />
        </Tooltip>
        {renaming && <AppSettingsDialog onClose={() => setRenaming(false)} />}
        <Tag color={liveVersion ? 'green' : 'default'} data-testid="studio-live-version">
          {liveVersion ? t('studio.liveVersion', { version: liveVersion }) : t('studio.notPublished')}
        </Tag>
        <SaveStatus />
      </Flex>
      <Flex align="center" gap={8}>
        <Tooltip title={`${t('studio.undo')} (Ctrl+Z)`}>
          <Button icon={<UndoOutlined />} disabled={!canUndo} onClick={() => store.getState().undo()} aria-label={t('studio.undo')} data-testid="studio-undo" />
        </Tooltip>
        <Tooltip title={`${t('studio.redo')} (Ctrl+Shift+Z)`}>
          <Button icon={<RedoOutlined />} disabled={!canRedo} onClick={() => store.getState().redo()} aria-label={t('studio.redo')} data-testid="studio-redo" />
        </Tooltip>
        <ProblemsButton />
        <Button icon={<HistoryOutlined />} onClick={onHistory} data-testid="studio-history-open">
          {t('studio.history')}
        </Button>
        {appId && (
          <Button icon={<AppstoreOutlined />} onClick={() => navigate({ name: 'app', appId, objectId: null })} data-testid="studio-open-app">
            {t('studio.openApp')}
          </Button>
        )}
        <Button type="primary" onClick={onPublish} data-testid="studio-publish">
          {t('studio.publish')}
        </Button>
        <LanguageSwitch />
      </Flex>
    </header>
  );
}
