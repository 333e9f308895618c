import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Flex } from 'antd';
import { useMemo } from 'react';
import { DndProvider } from 'react-dnd';
import { HTML5Backend } from 'react-dnd-html5-backend';
import { useT } from '../i18n/use-t';
import type { DrawerPreset } from '../objects/use-drawer-target';
import { useSessionStore } from '../stores/session-store';
import { cardFields } from './kanban-board';
import { KanbanColumn } from './kanban-column';
import { type RecordChange, useRecordChanges } from './record-change';
import { useKanbanBoard } from './use-kanban-board';

interface KanbanViewProps {
  appId: string;
  object: ObjectDefinition;
  fieldId: string;
  change: RecordChange | null;
  /** Opens the record drawer; with a preset when a move the form refused is to be completed there. */
  onOpen: (recordId: string, preset?: DrawerPreset) => void;
}

/** Records as cards in one column per option of a select field; drag a card to change its value. */
export function KanbanView({ appId, object, fieldId, change, onOpen }: KanbanViewProps) {
  const field = object.fields.find((f) => f.id === fieldId);
  // The page only offers select fields of this object; a missing one means a reload raced us.
  return field ? <KanbanBoard appId={appId} object={object} field={field} change={change} onOpen={onOpen} /> : null;
}

function KanbanBoard({ appId, object, field, change, onOpen }: Omit<KanbanViewProps, 'fieldId'> & { field: FieldDefinition }) {
  const t = useT();
  const locale = useSessionStore((s) => s.locale);
  const board = useKanbanBoard(appId, object, field, onOpen);
  const fields = useMemo(() => cardFields(object, field.id), [object, field.id]);
  useRecordChanges(change, board.upsert, board.remove);

  return (
    <DndProvider backend={HTML5Backend}>
      {/* Columns keep their width; on a phone the board scrolls sideways rather than squeezing cards. */}
      <Flex gap={12} align="flex-start" data-testid="kanban-board" style={{ overflowX: 'auto', paddingBottom: 8 }}>
        {board.columns.map((column) => {
          const state = board.state.columns[column.key];
          return state ? (
            <KanbanColumn
              key={column.key || 'empty'}
              object={object}
              column={column}
              state={state}
              cardFields={fields}
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
  );
}
