/**
 * A draggable, keyboard-operable divider between two panes (a WAI-ARIA
 * window splitter): drag it, or focus it and use the arrow keys.
 */
import { useRef, type ReactNode } from 'react';
import { PANE_WIDTH } from '../../shared/limits';

interface Props {
  label: string;
  value: number;
  onChange: (value: number) => void;
  /** +1 when dragging right widens the pane (left pane), −1 for the right pane. */
  direction: 1 | -1;
}

const MIN = PANE_WIDTH.min;
const MAX = PANE_WIDTH.max;
const clamp = (v: number): number => Math.max(MIN, Math.min(MAX, Math.round(v)));

export function Resizer({ label, value, onChange, direction }: Props): ReactNode {
  const drag = useRef<{ x: number; start: number } | null>(null);
  return (
    <div
      className="resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={value}
      tabIndex={0}
      onPointerDown={(e) => {
        drag.current = { x: e.clientX, start: value };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (drag.current) onChange(clamp(drag.current.start + direction * (e.clientX - drag.current.x)));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 40 : 16;
        if (e.key === 'ArrowLeft') onChange(clamp(value - direction * step));
        else if (e.key === 'ArrowRight') onChange(clamp(value + direction * step));
        else return;
        e.preventDefault();
      }}
    />
  );
}
