import { DeleteOutlined, EditOutlined, MoreOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, type MenuProps, Select, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/error-message';
import { localized } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import type { useListViews } from './use-list-views';
import { ViewNameModal } from './view-name-modal';
import type { ListViewOption } from './view-state';

type ListViews = ReturnType<typeof useListViews>;
type Naming = { mode: 'saveAs' | 'rename' } | null;

/**
 * Which view the list shows (the app's standard views, then the user's own) and what to do with
 * the changes made on top of it: save, save as a new view, discard; rename or delete one's own.
 */
export function ViewPicker({ views }: { views: ListViews }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const { message, modal } = App.useApp();
  const [naming, setNaming] = useState<Naming>(null);
  const { current, modified } = views;
  const own = current.kind === 'mine';

  const nameOf = (option: ListViewOption) =>
    option.kind === 'mine' ? option.name : option.label ? localized(option.label, locale, option.key) : t('listView.views.allRecords');

  const attempt = async (work: () => Promise<void>, done?: string) => {
    try {
      await work();
      if (done) void message.success(done);
    } catch (error) {
      void message.error(errorMessage(error, t));
      throw error;
    }
  };

  const confirmDelete = () => {
    const name = nameOf(current);
    modal.confirm({
      title: t('listView.views.delete'),
      content: t('listView.views.deleteConfirm', { name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => attempt(views.remove, t('listView.views.deleted', { name })),
    });
  };

  const items: MenuProps['items'] = [
    own && modified ? { key: 'save', icon: <SaveOutlined />, label: t('listView.views.save') } : null,
    { key: 'saveAs', icon: <SaveOutlined />, label: t('listView.views.saveAs') },
    modified ? { key: 'discard', icon: <UndoOutlined />, label: t('listView.views.discard') } : null,
    own ? { type: 'divider' as const } : null,
    own ? { key: 'rename', icon: <EditOutlined />, label: t('listView.views.rename') } : null,
    own ? { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('listView.views.delete') } : null,
  ].filter((item) => item !== null);

  // The failure is already shown as a message; nothing else waits on it.
  const saveChanges = () => void attempt(views.save, t('listView.views.saved', { name: nameOf(current) })).catch(() => undefined);

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'save') saveChanges();
    if (key === 'saveAs' || key === 'rename') setNaming({ mode: key });
    if (key === 'discard') views.discard();
    if (key === 'delete') confirmDelete();
  };

  const groups = [
    { label: t('listView.views.shared'), options: views.presets.map((o) => ({ value: o.key, label: nameOf(o) })) },
    ...(views.mine.length > 0 ? [{ label: t('listView.views.mine'), options: views.mine.map((o) => ({ value: o.key, label: nameOf(o) })) }] : []),
  ];

  return (
    <Flex gap={4} align="center" wrap data-testid="list-view-picker">
      <Select
        aria-label={t('listView.views.label')}
        data-testid="list-view-select"
        value={current.key}
        onChange={views.choose}
        options={groups}
        popupMatchSelectWidth={false}
        style={{ minWidth: 140, maxWidth: 240 }}
      />
      {modified && (
        <>
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="list-view-modified">
            {t('listView.views.modified')}
          </Tag>
          <Button size="small" type="link" data-testid="list-view-save" onClick={() => (own ? saveChanges() : setNaming({ mode: 'saveAs' }))}>
            {t('listView.views.save')}
          </Button>
        </>
      )}
      <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']}>
        <Button icon={<MoreOutlined />} aria-label={t('listView.views.actions')} data-testid="list-view-actions" />
      </Dropdown>
      {naming && (
        <ViewNameModal
          title={t(naming.mode === 'rename' ? 'listView.views.rename' : 'listView.views.saveAs')}
          initialName={naming.mode === 'rename' && current.kind === 'mine' ? current.name : ''}
          takenNames={views.mine.map((o) => (o.kind === 'mine' ? o.name : ''))}
          onClose={() => setNaming(null)}
          onSubmit={(name) => attempt(() => (naming.mode === 'rename' ? views.rename(name) : views.saveAs(name)), t('listView.views.saved', { name }))}
        />
      )}
    </Flex>
  );
}
