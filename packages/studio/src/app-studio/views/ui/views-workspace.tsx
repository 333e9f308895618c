import type { ObjectDefinition } from '@tessera/schemas';
import { Flex, Typography } from 'antd';
import { useStudio } from '../../hooks/studio-context';
import { useViewT } from '../i18n/use-view-t';
import { ViewEditor } from './view-editor';
import { ViewList } from './view-list';
import './views.css';

/** The object's list views: the list to add, copy, delete and reorder them, and the selected one's editor. */
export function ViewsWorkspace({ appId, object }: { appId: string; object: ObjectDefinition }) {
  const t = useViewT();
  const document = useStudio((s) => s.document);
  const selected = useStudio((s) => s.selection.viewId ?? null);
  const views = object.views ?? [];
  // The selected view, or the first one until the admin picks another.
  const index = Math.max(
    0,
    views.findIndex((v) => v.id === selected),
  );
  const view = views[index];
  const objectIndex = document?.objects.indexOf(object) ?? -1;
  if (!document) return null;
  return (
    <Flex gap={16} align="flex-start" data-testid="views-workspace">
      <Flex vertical gap={8} style={{ width: 340, flex: 'none' }}>
        <Typography.Text type="secondary">{t('views.hint')}</Typography.Text>
        <ViewList object={object} selected={view?.id ?? null} />
      </Flex>
      <div style={{ flex: 1, minWidth: 0 }}>
        {view && <ViewEditor appId={appId} document={document} object={object} view={view} pointer={`/objects/${objectIndex}/views/${index}`} />}
      </div>
    </Flex>
  );
}
