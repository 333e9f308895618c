import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { addObject } from '../model/document-edits';
import { newObject } from '../model/new-field';

/** The app's objects in a side list: pick one to design, or add a new one. */
export function ObjectList() {
  const t = useStudioT();
  const label = useLabel();
  const objects = useStudio((s) => s.document?.objects);
  const selected = useStudio((s) => s.selection.objectId);
  const edit = useStudio((s) => s.edit);
  const select = useStudio((s) => s.select);
  const store = useStudioStore();
  const create = () => {
    const document = store.getState().document;
    if (!document) return;
    const object = newObject(document);
    edit((d) => addObject(d, object), { select: { objectId: object.id, fieldId: null, nodeId: null } });
  };
  return (
    <div data-testid="studio-objects">
      {/* Plain buttons, not antd's Menu: sharing Menu with the app shell would split it into a chunk of its own on every end user's first load. */}
      <Flex vertical gap={2}>
        {(objects ?? []).map((o) => (
          <Button
            key={o.id}
            type={o.id === selected ? 'primary' : 'text'}
            ghost={o.id === selected}
            block
            style={{ justifyContent: 'flex-start' }}
            aria-current={o.id === selected}
            onClick={() => select({ objectId: o.id, fieldId: null, nodeId: null })}
            data-testid={`studio-object-${o.id}`}
          >
            {label(o.label, o.id)}
          </Button>
        ))}
      </Flex>
      <Button type="dashed" block icon={<PlusOutlined />} onClick={create} style={{ marginTop: 8 }} data-testid="studio-new-object">
        {t('studio.newObject')}
      </Button>
    </div>
  );
}
