import { PlusOutlined } from '@ant-design/icons';
import { translate } from '@tessera/i18n';
import type { AppDocument, ListView, LocalizedText, ObjectDefinition } from '@tessera/schemas';
import { useSessionStore } from '@tessera/ui';
import { Button, Flex, List } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { useEntryName } from '../../navigation/ui/use-entry-name';
import { useViewT } from '../i18n/use-view-t';
import type { ViewMessage } from '../i18n/view-messages';
import { addView, duplicateView, menuEntriesOpening } from '../model/view-edits';
import { ViewRow } from './view-row';

/** A text the document keeps in both languages, whichever the admin works in. */
function bothLanguages(key: ViewMessage): LocalizedText {
  return { 'zh-CN': translate('zh-CN', key), en: translate('en', key) };
}

interface ViewListProps {
  object: ObjectDefinition;
  selected: string | null;
}

/** The object's list views in the order people's view picker shows them: choose one to edit, add, copy, delete, reorder (by drag or buttons). */
export function ViewList({ object, selected }: ViewListProps) {
  const t = useViewT();
  const label = useLabel();
  const entryName = useEntryName();
  const locale = useSessionStore((s) => s.locale);
  const store = useStudioStore();
  const views = object.views ?? [];
  /** An edit that makes a view, selecting it: its id is known before the edit, so the selection is part of the one undo step. */
  const editAndSelect = (make: (d: AppDocument) => { document: AppDocument; id: string }) => {
    const current = store.getState().document;
    if (!current) return;
    store.getState().edit((d) => make(d).document, { select: { viewId: make(current).id } });
  };
  const add = () => editAndSelect((d) => addView(d, object.id, bothLanguages('views.newLabel')));
  /** Names the menu entries the delete takes along, so the admin is not surprised by a shorter menu. */
  const deleteNote = (view: ListView) => {
    const document = store.getState().document;
    const entries = document ? menuEntriesOpening(document, object.id, view.id) : [];
    const names = new Intl.ListFormat(locale === 'zh-CN' ? 'zh-CN' : 'en', { type: 'conjunction' }).format(entries.map(entryName));
    return entries.length > 0 ? t('views.deleteMenuEntries', { names }) : undefined;
  };
  const row = (view: ListView, index: number) => (
    <ViewRow
      objectId={object.id}
      view={view}
      name={label(view.label, view.id)}
      index={index}
      count={views.length}
      selected={view.id === selected}
      deleteNote={deleteNote(view)}
      onDuplicate={() => editAndSelect((d) => duplicateView(d, object.id, view.id, bothLanguages('views.copySuffix')))}
    />
  );
  return (
    <Flex vertical gap={8}>
      <List size="small" bordered dataSource={views} locale={{ emptyText: t('views.none') }} renderItem={row} data-testid="view-list" />
      <Button icon={<PlusOutlined />} onClick={add} data-testid="view-add">
        {t('views.add')}
      </Button>
    </Flex>
  );
}
