import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Flex, Select } from 'antd';
import { useMemo, useRef } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { useT } from '../i18n/use-t';
import { FilterBar } from '../list-view/filter-bar';
import { LinkProblemAlert } from '../list-view/link-problem-alert';
import { QuickSearch } from '../list-view/quick-search';
import { useFillHeight } from '../list-view/use-fill-height';
import { ViewPicker } from '../list-view/view-picker';
import type { DrawerPreset } from '../objects/use-drawer-target';
import { useCurrentAppStore } from '../stores/current-app-store';
import { useSessionStore } from '../stores/session-store';
import { cardFields } from './kanban-board';
import { KanbanColumn } from './kanban-column';
import { type RecordChange, useRecordChanges } from './record-change';
import { useBoardQuery, useRefusedLink } from './use-board-query';
import { useKanbanBoard } from './use-kanban-board';
import type { ViewChoice } from './view-choice';

interface KanbanViewProps {
  appId: string;
  object: ObjectDefinition;
  fieldId: string;
  change: RecordChange | null;
  /** Opens the record drawer; with a preset when a move the form refused is to be completed there. */
  onOpen: (recordId: string, preset?: DrawerPreset) => void;
  /** Opens the layout a designer's view is laid out as, when the person picks it. */
  onLayout?: (layout: ViewChoice) => void;
}

const NO_OBJECTS: readonly ObjectDefinition[] = [];
/** Room kept under the board for its sideways scroll bar. */
const BOARD_RESERVE = 24;

/** Records as cards in one column per option of a select field; drag a card to change its value. */
export function KanbanView({ appId, object, fieldId, change, onOpen, onLayout }: KanbanViewProps) {
  const field = object.fields.find((f) => f.id === fieldId);
  // The page only offers select fields of this object; a missing one means a reload raced us.
  return field ? <KanbanBoard appId={appId} object={object} field={field} change={change} onOpen={onOpen} onLayout={onLayout} /> : null;
}

function KanbanBoard({ appId, object, field, change, onOpen, onLayout }: Omit<KanbanViewProps, 'fieldId'> & { field: FieldDefinition }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const objects = useCurrentAppStore((s) => s.document?.objects ?? NO_OBJECTS);
  const { scope, views, search, orders, order, setOrderKey, query } = useBoardQuery(appId, object, onLayout);
  const board = useKanbanBoard(appId, object, field, query, onOpen);
  const fields = useMemo(() => cardFields(object, field.id), [object, field.id]);
  useRecordChanges(change, board.upsert, board.remove);
  useRefusedLink(
    Object.values(board.state.columns).map((c) => c.error),
    views.refuseLink,
  );
  const toolbar = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLDivElement>(null);
  // Every column is as tall as the board, so a card from deep in a long column drops on a short one right beside it.
  const height = useFillHeight(area, BOARD_RESERVE, toolbar);

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} align="center" ref={toolbar}>
        <ViewPicker views={views} />
        {scope.searchField && <QuickSearch field={scope.searchField} value={search.searchText} onChange={search.setSearchText} />}
        <Select
          data-testid="kanban-order"
          aria-label={t('kanban.order')}
          prefix={t('kanban.order')}
          value={order.key}
          onChange={setOrderKey}
          options={orders.map((o) => ({ value: o.key, label: o.label }))}
          popupMatchSelectWidth={false}
          style={{ minWidth: 180 }}
        />
        <FilterBar appId={appId} objects={objects} fields={scope.filterable} filters={views.state.filters} onChange={views.setFilters} />
      </Flex>
      {views.linkProblem && <LinkProblemAlert problem={views.linkProblem} onClose={views.dismissLinkProblem} />}
      <DndProvider backend={HTML5Backend}>
        {/* Columns keep their width; on a phone the board scrolls sideways rather than squeezing cards. */}
        <Flex ref={area} gap={12} align="stretch" data-testid="kanban-board" style={{ overflowX: 'auto', paddingBottom: 8, height }}>
          {board.columns.map((column) => {
            const state = board.state.columns[column.key];
            return state ? (
              <KanbanColumn
                key={column.key || 'empty'}
                object={object}
                column={column}
                state={state}
                cardFields={fields}
                sumField={query?.sumField ?? null}
                pending={board.state.pending}
                locale={locale}
                t={t}
                onMove={board.move}
                onLoadMore={board.loadMore}
                onRetry={board.reload}
                onOpen={onOpen}
              />
            ) : null;
          })}
        </Flex>
      </DndProvider>
    </Flex>
  );
}
