import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { translate } from '@tessera/i18n';
import type { AppDocument, ListView, LocalizedText, ObjectDefinition } from '@tessera/schemas';
import { useSessionStore } from '@tessera/ui';
import { Button, Flex, List, Popconfirm, Typography } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useEntryName } from '../../navigation/ui/use-entry-name';
import { useViewT } from '../i18n/use-view-t';
import type { ViewMessage } from '../i18n/view-messages';
import { addView, deleteView, duplicateView, menuEntriesOpening, moveView } from '../model/view-edits';
import { IconAction } from './icon-action';

/** A text the document keeps in both languages, whichever the admin works in. */
function bothLanguages(key: ViewMessage): LocalizedText {
  return { 'zh-CN': translate('zh-CN', key), en: translate('en', key) };
}

interface ViewListProps {
  object: ObjectDefinition;
  selected: string | null;
}

/** The object's list views in the order people's view picker shows them: choose one to edit, add, copy, delete, reorder. */
export function ViewList({ object, selected }: ViewListProps) {
  const t = useViewT();
  const label = useLabel();
  const entryName = useEntryName();
  const locale = useSessionStore((s) => s.locale);
  const store = useStudioStore();
  const views = object.views ?? [];
  const edit = store.getState().edit;
  /** An edit that makes a view, selecting it: its id is known before the edit, so the selection is part of the one undo step. */
  const editAndSelect = (make: (d: AppDocument) => { document: AppDocument; id: string }) => {
    const current = store.getState().document;
    if (!current) return;
    edit((d) => make(d).document, { select: { viewId: make(current).id } });
  };
  const add = () => editAndSelect((d) => addView(d, object.id, bothLanguages('views.newLabel')));
  /** Names the menu entries the delete takes along, so the admin is not surprised by a shorter menu. */
  const deleteNote = (view: ListView) => {
    const document = store.getState().document;
    const entries = document ? menuEntriesOpening(document, object.id, view.id) : [];
    const names = new Intl.ListFormat(locale === 'zh-CN' ? 'zh-CN' : 'en', { type: 'conjunction' }).format(entries.map(entryName));
    return entries.length > 0 ? t('views.deleteMenuEntries', { names }) : undefined;
  };
  const row = (view: ListView, index: number) => {
    const name = label(view.label, view.id);
    return (
      <List.Item
        data-testid={`view-row-${view.id}`}
        className={view.id === selected ? 'views-row views-row-selected' : 'views-row'}
        actions={[
          <IconAction
            key="up"
            icon={<ArrowUpOutlined />}
            label={t('views.moveUp', { name })}
            disabled={index === 0}
            onClick={() => edit((d) => moveView(d, object.id, view.id, -1))}
          />,
          <IconAction
            key="down"
            icon={<ArrowDownOutlined />}
            label={t('views.moveDown', { name })}
            disabled={index === views.length - 1}
            onClick={() => edit((d) => moveView(d, object.id, view.id, 1))}
          />,
          <IconAction
            key="copy"
            icon={<CopyOutlined />}
            label={t('views.duplicate', { name })}
            onClick={() => editAndSelect((d) => duplicateView(d, object.id, view.id, bothLanguages('views.copySuffix')))}
          />,
          <Popconfirm
            key="delete"
            title={t('views.deleteConfirm', { name })}
            description={deleteNote(view)}
            onConfirm={() => edit((d) => deleteView(d, object.id, view.id))}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('views.delete', { name })} />
          </Popconfirm>,
        ]}
      >
        <Typography.Link onClick={() => store.getState().select({ viewId: view.id })} data-testid={`view-open-${view.id}`}>
          {name}
        </Typography.Link>
      </List.Item>
    );
  };
  return (
    <Flex vertical gap={8}>
      <List size="small" bordered dataSource={views} locale={{ emptyText: t('views.none') }} renderItem={row} data-testid="view-list" />
      <Button icon={<PlusOutlined />} onClick={add} data-testid="view-add">
        {t('views.add')}
      </Button>
    </Flex>
  );
}
