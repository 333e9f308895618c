import { Button } from 'antd';
import type { ReactNode } from 'react';

/** A small icon button, named for screen readers and keyboard users by its label: the keyboard's way to do what a drag does. */
export function IconAction({ icon, label, disabled, onClick }: { icon: ReactNode; label: string; disabled?: boolean; onClick?: () => void }) {
  return <Button size="small" type="text" icon={icon} aria-label={label} disabled={disabled} onClick={onClick} />;
}
