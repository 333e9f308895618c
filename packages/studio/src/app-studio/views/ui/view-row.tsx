import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import type { ListView } from '@tessera/schemas';
import { Button, List, Popconfirm, Typography } from 'antd';
import { useStudioStore } from '../../hooks/studio-context';
import { useViewT } from '../i18n/use-view-t';
import { deleteView, moveView } from '../model/view-edits';
import { IconAction } from './icon-action';
import { useViewRowDrag } from './use-view-row-drag';

interface ViewRowProps {
  objectId: string;
  view: ListView;
  name: string;
  index: number;
  count: number;
  selected: boolean;
  /** What the delete takes along besides the view (its menu entries), shown in the confirmation. */
  deleteNote: string | undefined;
  onDuplicate: () => void;
}

/** One view of the list: dragged by the pointer to another row, or moved by its buttons; copied, deleted, opened for editing. */
export function ViewRow({ objectId, view, name, index, count, selected, deleteNote, onDuplicate }: ViewRowProps) {
  const t = useViewT();
  const store = useStudioStore();
  const edit = store.getState().edit;
  const { attach, dragging, over } = useViewRowDrag(objectId, view.id, index);
  const classes = ['views-row', selected && 'views-row-selected', dragging && 'views-row-dragging', over && `views-row-drop-${over}`];
  return (
    <List.Item
      ref={attach}
      data-testid={`view-row-${view.id}`}
      data-over={over ?? undefined}
      className={classes.filter(Boolean).join(' ')}
      actions={[
        <IconAction
          key="up"
          icon={<ArrowUpOutlined />}
          label={t('views.moveUp', { name })}
          disabled={index === 0}
          onClick={() => edit((d) => moveView(d, objectId, view.id, -1))}
        />,
        <IconAction
          key="down"
          icon={<ArrowDownOutlined />}
          label={t('views.moveDown', { name })}
          disabled={index === count - 1}
          onClick={() => edit((d) => moveView(d, objectId, view.id, 1))}
        />,
        <IconAction key="copy" icon={<CopyOutlined />} label={t('views.duplicate', { name })} onClick={onDuplicate} />,
        <Popconfirm
          key="delete"
          title={t('views.deleteConfirm', { name })}
          description={deleteNote}
          onConfirm={() => edit((d) => deleteView(d, objectId, view.id))}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('views.delete', { name })} />
        </Popconfirm>,
      ]}
    >
      <span className="views-row-name">
        <HolderOutlined className="views-chip-handle" title={t('views.dragHint')} data-testid={`view-drag-${view.id}`} />
        <Typography.Link onClick={() => store.getState().select({ viewId: view.id })} data-testid={`view-open-${view.id}`}>
          {name}
        </Typography.Link>
      </span>
    </List.Item>
  );
}
