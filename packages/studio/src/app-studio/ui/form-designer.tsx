import type { ObjectDefinition } from '@tessera/schemas';
import { Alert, Card } from 'antd';
import { useMemo } from 'react';
import { useDragLayer } from 'react-dnd';
import { useStudio } from '../hooks/studio-context';
import { useLabel } from '../i18n/use-label';
import { type StudioKey, useStudioT } from '../i18n/use-studio-t';
import { withDesignedForm } from '../model/form-edits';
import { CanvasChildren } from './canvas-node';
import { FormSwitcher } from './form-switcher';
import { Palette } from './palette';

/**
 * The form designer's palette and canvas. An object without a form shows the form it would get
 * (every field in one section); the first drop makes it real, as one undo step with the drop.
 */
export function FormDesigner({ object }: { object: ObjectDefinition }) {
  const t = useStudioT();
  const label = useLabel();
  const document = useStudio((s) => s.document);
  const carrying = useStudio((s) => s.carrying);
  const formId = useStudio((s) => s.selection.formId ?? null);
  // One subscriber for the whole canvas: its drop places grow by CSS while a drag is on.
  const dragging = useDragLayer((monitor) => monitor.isDragging());
  // What the canvas shows: the object's form, or the one the first drop (or keyboard move) will make.
  const shown = useMemo(() => (document ? withDesignedForm(document, object.id, formId).form : null), [document, object.id, formId]);
  const fields = useMemo(() => new Map(object.fields.map((f) => [f.id, f])), [object]);
  const placed = new Set(shown?.nodes.map((n) => n.field) ?? []);
  const unplaced = object.fields.filter((f) => !placed.has(f.id) && f.type !== 'related_list');
  const carriedName = (): string => {
    switch (carrying?.kind) {
      case 'new-field':
        return t(`studio.type.${carrying.fieldType}` as StudioKey);
      case 'new-layout':
        return t(`studio.kind.${carrying.layout}`);
      case 'field':
        return label(fields.get(carrying.fieldId)?.label, carrying.fieldId);
      case 'node': {
        const node = shown?.nodes.find((n) => n.id === carrying.nodeId);
        const field = node?.field ? fields.get(node.field) : undefined;
        return field ? label(node?.label ?? field.label, field.id) : label(node?.label, carrying.nodeId);
      }
      default:
        return '';
    }
  };

  return (
    <div className="studio-designer" data-testid="form-designer">
      <Palette unplaced={unplaced} />
      <Card
        size="small"
        className={dragging ? 'studio-canvas studio-canvas-dragging' : 'studio-canvas'}
        data-testid="form-canvas"
        title={label(shown?.label ?? object.label, object.id)}
      >
        {shown && <FormSwitcher object={object} shown={shown} />}
        {carrying && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('studio.canvas.carrying', { item: carriedName() })}
            data-testid="carrying-notice"
            role="status"
          />
        )}
        {shown && <CanvasChildren form={shown} parent={null} fields={fields} name={t('studio.canvas.top')} />}
      </Card>
    </div>
  );
}
