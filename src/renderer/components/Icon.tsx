/**
 * A few line icons as inline SVG (no icon font, nothing loaded), drawn on a
 * 16-unit grid with the current text colour. Always decorative: the button
 * around them carries the accessible name.
 */
import type { ReactNode } from 'react';

const PATHS = {
  search: 'M7 2.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zM10.3 10.3 14 14',
  print: 'M4.5 6V2h7v4M4.5 11.5h-2V6h11v5.5h-2M4.5 9h7v5h-7z',
  outline: 'M2 3h12M2 6.5h8M2 10h10M2 13.5h7',
  side: 'M2 2.5h12v11H2zM10 2.5v11',
  star: 'M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z',
  pencil: 'M11 2.5l2.5 2.5-8 8H3v-2.5zM9.5 4l2.5 2.5',
  quote: 'M3 9.5c0-3 1.2-4.6 3-5.3M3 9.5h3v3.5H3zM9 9.5c0-3 1.2-4.6 3-5.3M9 9.5h3v3.5H9z',
  link: 'M6.8 9.2l2.4-2.4M5.6 7.4 4 9a2.3 2.3 0 0 0 3.2 3.2l1.6-1.6M10.4 8.6 12 7a2.3 2.3 0 0 0-3.2-3.2L7.2 5.4',
  help: 'M6 6a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.2v.8M8 12v.5',
  present: 'M1.5 2.5h13M2.5 2.5v7.5h11V2.5M8 10v2.5M5.5 14.5 8 12.5l2.5 2',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }): ReactNode {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
