/** Grey placeholders in the shape of what is loading, so the screen is never blank. */
import type { ReactNode } from 'react';

export function SkeletonLines({ lines = 6, label = 'Loading' }: { lines?: number; label?: string }): ReactNode {
  return (
    <div className="skeleton" role="status" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" data-w={String((i * 37) % 4)} />
      ))}
    </div>
  );
}

export function SkeletonApp(): ReactNode {
  return (
    <div className="app-skeleton">
      <div className="skeleton-bar" />
      <div className="skeleton-body">
        <SkeletonLines lines={14} label="Loading the outline" />
        <SkeletonLines lines={18} label="Loading the document" />
      </div>
    </div>
  );
}
