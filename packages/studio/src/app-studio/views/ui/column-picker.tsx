import type { ListView, ObjectDefinition } from '@tessera/schemas';
import { cellFields } from '@tessera/ui/filter-rules';
import { Flex, Typography } from 'antd';
import { Fragment } from 'react';
import { useDragLayer } from 'react-dnd';
import { useStudioStore } from '../../hooks/studio-context';
import { useViewT } from '../i18n/use-view-t';
import { placeColumn, removeColumn, stepColumn } from '../model/view-edits';
import { ColumnChip } from './column-chip';
import { ColumnDropSlot, VIEW_COLUMN } from './column-drop-slot';
import { useColumnName } from './use-column-name';

/** The view's columns in order, and the fields not shown yet: drag a field in or a column along, or use each chip's buttons. */
export function ColumnPicker({ object, view }: { object: ObjectDefinition; view: ListView }) {
  const t = useViewT();
  const name = useColumnName(object);
  const store = useStudioStore();
  const dragging = useDragLayer((monitor) => monitor.isDragging() && monitor.getItemType() === VIEW_COLUMN);
  const columns = view.columns ?? [];
  const edit = store.getState().edit;
  // The fields the runtime's table can show as cells (list-columns.ts): the same list people's column chooser offers.
  const available = cellFields(object)
    .map((f) => f.id)
    .filter((id) => !columns.includes(id));
  return (
    <Flex vertical gap={6}>
      <Typography.Text type="secondary">{t('views.columnsHint')}</Typography.Text>
      <Typography.Text strong>{t('views.shown')}</Typography.Text>
      <Flex wrap align="center" className={`views-columns${dragging ? ' views-dragging' : ''}`} data-testid="view-columns">
        {columns.length === 0 && <Typography.Text type="secondary">{t('views.noColumns')}</Typography.Text>}
        {columns.map((column, index) => (
          <Fragment key={column}>
            <ColumnDropSlot objectId={object.id} viewId={view.id} index={index} columns={columns} />
            <ColumnChip
              column={column}
              name={name(column)}
              shown
              first={index === 0}
              last={index === columns.length - 1}
              onStep={(step) => edit((d) => stepColumn(d, object.id, view.id, column, step))}
              onRemove={() => edit((d) => removeColumn(d, object.id, view.id, column))}
            />
          </Fragment>
        ))}
        <ColumnDropSlot objectId={object.id} viewId={view.id} index={columns.length} columns={columns} />
      </Flex>
      <Typography.Text strong>{t('views.available')}</Typography.Text>
      <Flex wrap gap={4} data-testid="view-available">
        {available.map((id) => (
          <ColumnChip key={id} column={id} name={name(id)} shown={false} onAdd={() => edit((d) => placeColumn(d, object.id, view.id, id, columns.length))} />
        ))}
      </Flex>
    </Flex>
  );
}
