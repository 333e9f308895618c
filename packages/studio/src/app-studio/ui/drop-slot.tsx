import type { FormDefinition } from '@tessera/schemas';
import { useCallback } from 'react';
import { useDrop } from 'react-dnd';
import { useStudio } from '../hooks/studio-context';
import { DESIGNER_ITEM, useDropAction } from '../hooks/use-drop-action';
import { useStudioT } from '../i18n/use-studio-t';
import { canDrop } from '../model/drop-actions';
import type { DropPosition } from '../model/form-edits';
import type { DragItem } from '../model/studio-store';

interface DropSlotProps {
  form: FormDefinition | null;
  at: DropPosition;
  /** The container's name, for the keyboard drop button's label. */
  targetName: string;
  /** The slot at the end of an empty container: tall, with a hint. */
  empty?: boolean;
}

/**
 * A place between two elements where something can land. For the pointer it is a react-dnd drop
 * target, grown while a drag is on (the canvas's class, form-designer.tsx); for the keyboard, while something is carried, a button:
 * Enter drops it here. Both call the same drop action.
 */
export function DropSlot({ form, at, targetName, empty = false }: DropSlotProps) {
  const t = useStudioT();
  const drop = useDropAction();
  const carrying = useStudio((s) => s.carrying);
  // Only the place under the pointer asks whether the item may land: a 200-field form has 200 places.
  const [{ over }, ref] = useDrop<DragItem, void, { over: boolean }>(
    () => ({
      accept: DESIGNER_ITEM,
      canDrop: (item) => canDrop(form, item, at),
      drop: (item) => drop(item, at),
      collect: (monitor) => ({ over: monitor.isOver() && monitor.canDrop() }),
    }),
    [form, at.parent, at.index, drop],
  );
  // A stable ref: a new callback each render would disconnect and reconnect the target mid-drag, losing the hover.
  const attach = useCallback((element: HTMLDivElement | null) => void ref(element), [ref]);
  const keyboardTarget = carrying !== null && canDrop(form, carrying, at);
  const label = t('studio.canvas.dropInto', { target: targetName, position: at.index + 1 });
  const className = ['studio-drop-slot', over ? 'studio-drop-slot-over' : '', empty ? 'studio-drop-slot-empty' : ''].filter(Boolean).join(' ');
  return (
    <div ref={attach} className={className} data-testid={`drop-${at.parent ?? 'top'}-${at.index}`} data-drop-parent={at.parent ?? ''}>
      {keyboardTarget ? (
        <button type="button" className="studio-drop-button" aria-label={label} onClick={() => carrying && drop(carrying, at)}>
          {t('studio.canvas.dropHere')}
        </button>
      ) : empty ? (
        <span className="studio-drop-hint">{t('studio.canvas.empty')}</span>
      ) : null}
    </div>
  );
}
