import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import type { NavigationIcon, NavigationItem } from '@tessera/schemas';
import { Button, Flex, Select, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useCallback } from 'react';
import { useDrag } from 'react-dnd';
import { useStudio, useStudioStore } from '../../hooks/studio-context';
import { useLabel } from '../../i18n/use-label';
import { iconOptions } from '../../ui/icon-options';
import { useNavT } from '../i18n/use-nav-t';
import { moveEntry, removeEntry, setEntryIcon, setEntryRoles } from '../model/navigation-edits';
import { NAV_ENTRY, type NavDragItem } from './nav-drop-slot';
import { useEntryName } from './use-entry-name';

interface NavEntryRowProps {
  item: NavigationItem;
  /** Its place among its siblings, and how many there are. */
  index: number;
  count: number;
}

/** One menu entry: dragged by the pointer, moved by Alt+↑/↓ or its buttons; its icon, the roles that see it, remove. */
export function NavEntryRow({ item, index, count }: NavEntryRowProps) {
  const t = useNavT();
  const label = useLabel();
  const name = useEntryName()(item);
  const store = useStudioStore();
  const roles = useStudio((s) => s.document?.roles) ?? [];
  const { edit } = store.getState();
  const [{ dragging }, drag] = useDrag<NavDragItem, void, { dragging: boolean }>(
    () => ({ type: NAV_ENTRY, item: { id: item.id, parent: item.parent }, collect: (monitor) => ({ dragging: monitor.isDragging() }) }),
    [item.id, item.parent],
  );
  const attach = useCallback((element: HTMLDivElement | null) => void drag(element), [drag]);
  const move = (to: number) => edit((d) => moveEntry(d, item.id, to));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget || !event.altKey) return;
    if (event.key === 'ArrowUp' && index > 0) move(index - 1);
    else if (event.key === 'ArrowDown' && index < count - 1) move(index + 1);
    else return;
    event.preventDefault();
    // The row keeps the focus in its new place, so the next Alt+↑/↓ moves it on.
    const row = event.currentTarget as HTMLElement;
    requestAnimationFrame(() => row.ownerDocument.querySelector<HTMLElement>(`[data-testid="nav-entry-${item.id}"]`)?.focus());
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable card holding selects and buttons cannot be a <button>
    <div
      ref={attach}
      role="button"
      className={`nav-entry${dragging ? ' nav-entry-dragging' : ''}`}
      data-testid={`nav-entry-${item.id}`}
      tabIndex={0}
      aria-label={`${name}. ${t('nav.keyboardHint')}`}
      onKeyDown={onKeyDown}
    >
      <Flex align="center" gap={8}>
        <HolderOutlined style={{ cursor: 'grab', color: '#999' }} />
        <Select<NavigationIcon | ''>
          size="small"
          style={{ width: 84 }}
          value={item.icon ?? ''}
          onChange={(icon) => edit((d) => setEntryIcon(d, item.id, icon || null))}
          aria-label={t('nav.icon', { name })}
          data-testid={`nav-icon-${item.id}`}
          options={iconOptions(t('nav.noIcon'))}
        />
        <Typography.Text strong style={{ flex: 1 }} data-testid={`nav-name-${item.id}`}>
          {name}
        </Typography.Text>
        <Select<string[]>
          size="small"
          mode="multiple"
          allowClear
          style={{ width: 240 }}
          placeholder={t('nav.everyone')}
          value={item.roles ?? []}
          onChange={(ids) => edit((d) => setEntryRoles(d, item.id, ids))}
          aria-label={t('nav.roles', { name })}
          data-testid={`nav-roles-${item.id}`}
          options={roles.map((role) => ({ value: role.id, label: label(role.label, role.id) }))}
        />
        <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index - 1)} aria-label={t('nav.moveUp', { name })} />
        <Button
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={index === count - 1}
          onClick={() => move(index + 1)}
          aria-label={t('nav.moveDown', { name })}
        />
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          onClick={() => edit((d) => removeEntry(d, item.id))}
          aria-label={t('nav.remove', { name })}
          data-testid={`nav-remove-${item.id}`}
        />
      </Flex>
    </div>
  );
}
