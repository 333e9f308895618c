import { Empty } from 'antd';
import { useSelected } from '../hooks/use-selected';
import { useStudioT } from '../i18n/use-studio-t';
import type { StudioTab } from '../model/studio-store';
import { FieldProperties } from './field-properties';
import { NodeProperties } from './node-properties';
import { ObjectProperties } from './object-properties';

/** What the selection is, edited: a form element on the form tab, else a field, else the object. */
export function PropertyPanel({ tab }: { tab: StudioTab }) {
  const t = useStudioT();
  const { object, field, node, form } = useSelected();
  if (!object) return <Empty description={t('studio.noSelection')} />;
  if (tab === 'form' && node && form) return <NodeProperties key={node.id} objectId={object.id} form={form} node={node} field={field} />;
  if (field) return <FieldProperties key={field.id} objectId={object.id} field={field} />;
  return <ObjectProperties object={object} />;
}
