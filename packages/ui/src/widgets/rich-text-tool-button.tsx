import { Button } from 'antd';
import type { MouseEvent, ReactNode } from 'react';

interface ToolButtonProps {
  label: string;
  icon: ReactNode;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

/** Keeps the editor's selection: a mouse-down on the toolbar would otherwise take the focus away first. */
function keepSelection(event: MouseEvent): void {
  event.preventDefault();
}

/** One toolbar button: an icon with its name as tooltip and for screen readers; pressed while its format applies. */
export function ToolButton({ label, icon, active = false, disabled = false, onClick }: ToolButtonProps) {
  return (
    <Button
      size="small"
      color={active ? 'primary' : 'default'}
      variant={active ? 'filled' : 'text'}
      icon={icon}
      aria-label={label}
      aria-pressed={active}
      title={label}
      disabled={disabled}
      onMouseDown={keepSelection}
      onClick={onClick}
    />
  );
}
