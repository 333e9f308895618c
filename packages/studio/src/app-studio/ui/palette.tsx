import type { FieldDefinition } from '@tessera/schemas';
import { Flex, Typography } from 'antd';
import { type ReactNode, useCallback } from 'react';
import { useDrag } from 'react-dnd';
import { useStudio, useStudioStore } from '../hooks/studio-context';
import { DESIGNER_ITEM } from '../hooks/use-drop-action';
import { useLabel } from '../i18n/use-label';
import { useStudioT } from '../i18n/use-studio-t';
import { PALETTE_LAYOUTS } from '../model/form-edits';
import { PALETTE_FIELD_TYPES } from '../model/new-field';
import type { DragItem } from '../model/studio-store';

function sameItem(a: DragItem | null, b: DragItem): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One palette entry: dragged by pointer, or picked up with Enter (or a click) and dropped with Enter on a drop place. */
function PaletteItem({ item, testId, children }: { item: DragItem; testId: string; children: ReactNode }) {
  const store = useStudioStore();
  const carried = useStudio((s) => sameItem(s.carrying, item));
  const [, drag] = useDrag<DragItem, void, unknown>(() => ({ type: DESIGNER_ITEM, item }), [JSON.stringify(item)]);
  // A stable ref: a new callback each render would reconnect the source mid-drag.
  const attach = useCallback((element: HTMLButtonElement | null) => void drag(element), [drag]);
  return (
    <button
      ref={attach}
      type="button"
      className={`studio-palette-item${carried ? ' studio-palette-item-carried' : ''}`}
      aria-pressed={carried}
      data-testid={testId}
      onClick={() => store.getState().carry(carried ? null : item)}
    >
      {children}
    </button>
  );
}

/** New field types, layout elements and the object's fields not on the form yet, to drag onto the canvas. */
export function Palette({ unplaced }: { unplaced: readonly FieldDefinition[] }) {
  const t = useStudioT();
  const label = useLabel();
  return (
    <Flex vertical gap={8} className="studio-palette" data-testid="studio-palette">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('studio.palette.hint')}
      </Typography.Text>
      <Typography.Text strong>{t('studio.palette.layout')}</Typography.Text>
      <div className="studio-palette-grid">
        {PALETTE_LAYOUTS.map((layout) => (
          <PaletteItem key={layout} item={{ kind: 'new-layout', layout }} testId={`palette-layout-${layout}`}>
            {t(`studio.kind.${layout}`)}
          </PaletteItem>
        ))}
      </div>
      <Typography.Text strong>{t('studio.palette.fields')}</Typography.Text>
      <div className="studio-palette-grid">
        {PALETTE_FIELD_TYPES.map((type) => (
          <PaletteItem key={type} item={{ kind: 'new-field', fieldType: type }} testId={`palette-type-${type}`}>
            {t(`studio.type.${type}`)}
          </PaletteItem>
        ))}
      </div>
      {unplaced.length > 0 && (
        <>
          <Typography.Text strong>{t('studio.palette.unplaced')}</Typography.Text>
          <div className="studio-palette-grid">
            {unplaced.map((field) => (
              <PaletteItem key={field.id} item={{ kind: 'field', fieldId: field.id }} testId={`palette-field-${field.id}`}>
                {label(field.label, field.id)}
              </PaletteItem>
            ))}
          </div>
        </>
      )}
    </Flex>
  );
}
