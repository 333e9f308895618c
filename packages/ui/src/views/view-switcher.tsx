import { AppstoreOutlined, CalendarOutlined, TableOutlined } from '@ant-design/icons';
import type { ObjectDefinition } from '@tessera/schemas';
import { Flex, Segmented, Select } from 'antd';
import type { ReactNode } from 'react';
import { localized } from '../i18n/localized';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../stores/session-store';
import { datedFields, defaultChoice, groupableFields, type ViewChoice, type ViewKind } from './view-choice';

const KIND_LABEL: Record<ViewKind, MessageKey> = { table: 'views.table', kanban: 'views.kanban', calendar: 'views.calendar' };
const KIND_ICON: Record<ViewKind, ReactNode> = { table: <TableOutlined />, kanban: <AppstoreOutlined />, calendar: <CalendarOutlined /> };

interface ViewSwitcherProps {
  object: ObjectDefinition;
  kinds: ViewKind[];
  choice: ViewChoice;
  onChoose: (choice: ViewChoice) => void;
}

/** Table, kanban or calendar, and for the last two the field they are built on. */
export function ViewSwitcher({ object, kinds, choice, onChoose }: ViewSwitcherProps) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  if (kinds.length < 2) return null;
  const fields = choice.kind === 'kanban' ? groupableFields(object) : choice.kind === 'calendar' ? datedFields(object) : [];

  return (
    <Flex gap={8} wrap align="center" data-testid="view-switcher">
      <Segmented<ViewKind>
        value={choice.kind}
        onChange={(kind) => onChoose(defaultChoice(object, kind))}
        options={kinds.map((kind) => ({ value: kind, icon: KIND_ICON[kind], label: t(KIND_LABEL[kind]) }))}
      />
      {choice.kind !== 'table' && (
        <Select
          data-testid="view-field"
          aria-label={t(choice.kind === 'kanban' ? 'views.groupBy' : 'views.dateField')}
          prefix={t(choice.kind === 'kanban' ? 'views.groupBy' : 'views.dateField')}
          value={choice.field}
          onChange={(field: string) => onChoose({ kind: choice.kind, field })}
          options={fields.map((f) => ({ value: f.id, label: localized(f.label, locale, f.id) }))}
          popupMatchSelectWidth={false}
          style={{ minWidth: 160 }}
        />
      )}
    </Flex>
  );
}
