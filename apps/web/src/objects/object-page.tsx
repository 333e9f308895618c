import { PlusOutlined } from '@ant-design/icons';
import type { ObjectDefinition } from '@tessera/schemas';
import { Button, Flex, Skeleton } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import type { RecordData } from '../api/types';
import { pluralTitle } from '../i18n/localized';
import { useT } from '../i18n/use-t';
import { useObjectAccess, useObjectDefinition } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import type { RecordChange } from '../views/record-change';
import { useViewChoice } from '../views/use-view-choice';
import { ViewSwitcher } from '../views/view-switcher';
import { ObjectHeader } from './object-header';
import { TableView } from './table-view';
import { useDrawerTarget } from './use-drawer-target';

// The form, its widgets and the date picker load when a record is first opened.
const RecordDrawer = lazy(() => import('../records/record-drawer').then((m) => ({ default: m.RecordDrawer })));
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
  const { choice } = views;

  const controls = (
    <>
      <ViewSwitcher object={object} kinds={views.kinds} choice={choice} onChoose={views.choose} />
      {/* Offered only to roles that may create here; the server refuses the rest anyway. */}
      {access.actions.includes('create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={drawer.openCreate} data-testid="record-new">
          {t('list.new')}
        </Button>
      )}
    </>
  );

  return (
    <Flex vertical gap={12} data-testid={`object-page-${object.id}`}>
      {choice.kind === 'table' ? (
        <TableView appId={appId} object={object} change={change} controls={controls} onOpen={drawer.openEdit} />
      ) : (
        <>
          <ObjectHeader title={pluralTitle(object, locale)}>{controls}</ObjectHeader>
          <Suspense fallback={<Skeleton active />}>
            {choice.kind === 'kanban' ? (
              <KanbanView key={choice.field} appId={appId} object={object} fieldId={choice.field} change={change} onOpen={drawer.openEdit} />
            ) : (
              <CalendarView key={choice.field} appId={appId} object={object} fieldId={choice.field} change={change} onOpen={drawer.openEdit} />
            )}
          </Suspense>
        </>
      )}

      {/* The boundary stays mounted and the drawer opens in a transition (use-drawer-target.ts): React
          then shows the form as soon as its code is there, instead of holding a fresh boundary's
          first reveal back (measured in B6, docs/benchmarks.md). */}
      <Suspense fallback={null}>
        {drawer.target && (
          <RecordDrawer
            appId={appId}
            object={object}
            target={drawer.target}
            onClose={drawer.close}
            onSaved={onSaved}
            onDeleted={onDeleted}
          />
        )}
      </Suspense>
    </Flex>
  );
}
