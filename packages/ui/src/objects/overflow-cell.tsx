import { Tooltip } from 'antd';
import { type ReactNode, useRef, useState } from 'react';

/** Whether the cell, or a tag inside it, has more than it shows. */
function isCut(cell: HTMLElement): boolean {
  if (cell.scrollWidth > cell.clientWidth) return true;
  return [...cell.querySelectorAll<HTMLElement>('.ant-tag, .ant-typography, a, span')].some((part) => part.scrollWidth > part.clientWidth);
}

/**
 * A list cell kept to its column: one line, cut with an ellipsis (runtime.css, `tessera-cell`),
 * and the whole text in a tooltip while the pointer is over a cell that was cut. The tooltip is
 * made on hover only: a page of fifty rows would otherwise carry hundreds of them.
 */
export function OverflowCell({ children }: { children: ReactNode }) {
  const cell = useRef<HTMLDivElement>(null);
  const [title, setTitle] = useState<string | null>(null);
  const body = (
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering only repeats the cell's own text (already read out by screen readers); nothing here is an action.
    <div
      ref={cell}
      className="tessera-cell"
      onMouseEnter={() => {
        if (cell.current && isCut(cell.current)) setTitle(cell.current.textContent);
      }}
      onMouseLeave={() => setTitle(null)}
    >
      {children}
    </div>
  );
  if (title === null) return body;
  return (
    <Tooltip title={title} open placement="topLeft">
      {body}
    </Tooltip>
  );
}
