import { PlusOutlined } from '@ant-design/icons';
import type { ObjectDefinition } from '@tessera/schemas';
import { Button, Flex, Skeleton } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { RecordData } from '../api/types';
import { pluralTitle } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { preloadOnIntent, RecordDrawer, RecordDrawerPreload } from '../records/lazy-record-drawer';
import { useObjectAccess, useObjectDefinition } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import type { RecordChange } from '../views/record-change';
import { useViewChoice } from '../views/use-view-choice';
import { ViewSwitcher } from '../views/view-switcher';
import { ObjectHeader } from './object-header';
import { TableView } from './table-view';
import { useDrawerTarget } from './use-drawer-target';

// Kanban brings drag and drop, the calendar antd's Calendar: neither loads until chosen.
const KanbanView = lazy(() => import('../views/kanban-view').then((m) => ({ default: m.KanbanView })));
const CalendarView = lazy(() => import('../views/calendar-view').then((m) => ({ default: m.CalendarView })));

interface ObjectPageProps {
  appId: string;
  objectId: string;
}

export function ObjectPage({ appId, objectId }: ObjectPageProps) {
  const object = useObjectDefinition(objectId);
  // The layout only mounts this page for objects of the live document; null means a reload raced us.
  return object ? <ObjectPageBody appId={appId} object={object} /> : null;
}

function ObjectPageBody({ appId, object }: { appId: string; object: ObjectDefinition }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const views = useViewChoice(appId, object);
  const access = useObjectAccess(object.id);
  const drawer = useDrawerTarget();
  // The drawer is the page's, whichever view shows: the view applies what the drawer did.
  const [change, setChange] = useState<RecordChange | null>(null);
  const onSaved = useCallback((record: RecordData) => setChange((c) => ({ seq: (c?.seq ?? 0) + 1, kind: 'saved', record })), []);
  const onDeleted = useCallback((id: string) => setChange((c) => ({ seq: (c?.seq ?? 0) + 1, kind: 'deleted', id })), []);
  const { choice, kinds, choose } = views;
  const mayCreate = access.actions.includes('create');

  // The same element while nothing in it changes: opening the drawer then leaves the table alone.
  const controls = useMemo(
    () => (
      <>
        <ViewSwitcher object={object} kinds={kinds} choice={choice} onChoose={choose} />
        {/* Offered only to roles that may create here; the server refuses the rest anyway. */}
        {mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={drawer.openCreate} {...preloadOnIntent} data-testid="record-new">
            {t('list.new')}
          </Button>
        )}
      </>
    ),
    [object, kinds, choice, choose, mayCreate, drawer.openCreate, t],
  );

  // What the board and the calendar both take: the records, the drawer, and a designer's view laid out otherwise.
  const laidOut = { appId, object, change, onOpen: drawer.openEdit, onLayout: choose };

  return (
    <Flex vertical gap={12} data-testid={`object-page-${object.id}`}>
      {choice.kind === 'table' ? (
        <TableView appId={appId} object={object} change={change} controls={controls} onOpen={drawer.openEdit} onLayout={choose} />
      ) : (
        <>
          <ObjectHeader title={pluralTitle(object, locale)}>{controls}</ObjectHeader>
          <Suspense fallback={<Skeleton active />}>
            {choice.kind === 'kanban' ? (
              <KanbanView key={choice.field} fieldId={choice.field} {...laidOut} />
            ) : (
              <CalendarView key={choice.field} fieldId={choice.field} {...laidOut} />
            )}
          </Suspense>
        </>
      )}

      {/* Usually the drawer's code is here already (preloaded above) and it renders at once. If not,
          the boundary stays mounted and the drawer opens in a transition (use-drawer-target.ts): React
          then shows the form as soon as its code is there, instead of holding a fresh boundary's
          first reveal back (measured in B6, docs/benchmarks.md). */}
      {/* The drawer's code comes while the user looks at the list, so the first open need not wait for it. */}
      <RecordDrawerPreload />
      <Suspense fallback={null}>
        {drawer.target && <RecordDrawer appId={appId} object={object} target={drawer.target} onClose={drawer.close} onSaved={onSaved} onDeleted={onDeleted} />}
      </Suspense>
    </Flex>
  );
}
