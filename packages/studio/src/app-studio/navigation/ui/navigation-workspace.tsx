import { PlusOutlined } from '@ant-design/icons';
import { type AppDocument, type NavigationItem, navigationOf } from '@tessera/schemas';
import { localized, pluralTitle, useSessionStore } from '@tessera/ui';
import { Alert, Card, Flex, List, Select, Typography } from 'antd';
import { Fragment } from 'react';
import { useDragLayer } from 'react-dnd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useIssues } from '../../hooks/use-issues';
import { useNavT } from '../i18n/use-nav-t';
import { addEntry, type NewEntry, siblingsOf } from '../model/navigation-edits';
import { NAV_ENTRY, NavDropSlot } from './nav-drop-slot';
import { NavEntryRow } from './nav-entry-row';
import './navigation.css';
import { useEntryName } from './use-entry-name';

/** The app's menu as the runtime will show it: entries in order (nested under groups), each with its icon and roles; add more. */
export function NavigationWorkspace() {
  const t = useNavT();
  const document = useStudio((s) => s.document);
  const name = useEntryName();
  const issues = useIssues().filter((i) => i.pointer.startsWith('/navigation/'));
  const dragging = useDragLayer((monitor) => monitor.isDragging() && monitor.getItemType() === NAV_ENTRY);
  if (!document) return null;
  const items = navigationOf(document);
  const entryAt = (pointer: string) => items[Number(pointer.split('/')[2])];
  return (
    <Flex vertical gap={12} data-testid="navigation-workspace">
      <Card size="small" title={t('nav.title')}>
        <Typography.Paragraph type="secondary">{t('nav.hint')}</Typography.Paragraph>
        {!document.navigation?.length && <Alert type="info" showIcon title={t('nav.derived')} style={{ marginBottom: 8 }} data-testid="nav-derived" />}
        {issues.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('nav.problems', { count: issues.length })}
            description={
              <List
                size="small"
                dataSource={issues}
                renderItem={(issue) => (
                  <List.Item data-testid="nav-problem" data-pointer={issue.pointer}>
                    {t('nav.issue', { entry: entryAt(issue.pointer) ? name(entryAt(issue.pointer) as NavigationItem) : issue.pointer, message: issue.message })}
                  </List.Item>
                )}
              />
            }
          />
        )}
        <div className={`nav-list${dragging ? ' nav-dragging' : ''}`} data-testid="nav-list">
          <EntryLevel items={items} parent={undefined} />
        </div>
        <AddEntry document={document} />
      </Card>
    </Flex>
  );
}

function EntryLevel({ items, parent }: { items: NavigationItem[]; parent: string | undefined }) {
  const siblings = siblingsOf(items, parent);
  return (
    <div className={parent ? 'nav-children' : undefined}>
      {siblings.map((item, index) => (
        <Fragment key={item.id}>
          <NavDropSlot parent={parent} index={index} />
          <NavEntryRow item={item} index={index} count={siblings.length} />
          {items.some((i) => i.parent === item.id) && <EntryLevel items={items} parent={item.id} />}
        </Fragment>
      ))}
      <NavDropSlot parent={parent} index={siblings.length} />
    </div>
  );
}

/** What can be added: each object, each list view, each dashboard, the approval inbox. */
function AddEntry({ document }: { document: AppDocument }) {
  const t = useNavT();
  const locale = useSessionStore((s) => s.locale);
  const store = useStudioStore();
  const choices: { value: string; label: string; entry: NewEntry }[] = [
    ...document.objects.map((o) => ({
      value: `object:${o.id}`,
      label: t('nav.addObject', { name: pluralTitle(o, locale) }),
      entry: { kind: 'object', object: o.id } as NewEntry,
    })),
    ...document.objects.flatMap((o) =>
      (o.views ?? []).map((v) => ({
        value: `view:${o.id}:${v.id}`,
        label: t('nav.addView', { object: pluralTitle(o, locale), name: localized(v.label, locale, v.id) }),
        entry: { kind: 'view', object: o.id, view: v.id } as NewEntry,
      })),
    ),
    ...(document.dashboards ?? []).map((d) => ({
      value: `dashboard:${d.id}`,
      label: t('nav.addDashboard', { name: localized(d.label, locale, d.id) }),
      entry: { kind: 'dashboard', dashboard: d.id } as NewEntry,
    })),
    { value: 'approvals', label: t('nav.addApprovals'), entry: { kind: 'approvals' } },
  ];
  return (
    <Select<string>
      style={{ width: 360, marginTop: 8 }}
      value={null as unknown as string}
      placeholder={
        <span>
          <PlusOutlined /> {t('nav.add')}
        </span>
      }
      onChange={(value) => {
        const chosen = choices.find((c) => c.value === value);
        if (chosen) store.getState().edit((d) => addEntry(d, chosen.entry).document);
      }}
      options={choices.map(({ value, label }) => ({ value, label }))}
      data-testid="nav-add"
    />
  );
}
