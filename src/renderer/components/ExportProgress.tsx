/**
 * The running export's progress bar with its Cancel button, shown by the
 * export dialog while an export renders: entries done of the total,
 * from the core's `export.progress` events; Cancel asks `export.cancel`, and
 * the export then answers CANCELLED with nothing written.
 *
 * Constraint: indeterminate until the first event (gathering the notes comes
 * before any entry is done); the count is announced politely, not per event.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { EventPayloads } from '../../shared/contract/channels';
import { api, bridge } from '../api';

export function ExportProgress(): ReactNode {
  const [progress, setProgress] = useState<EventPayloads['export.progress'] | null>(null);
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => bridge.on('export.progress', setProgress), []);
  const cancel = (): void => {
    setCancelling(true);
    void api.export.cancel({});
  };
  return (
    <div className="export-progress" data-testid="export-progress">
      {progress ? (
        <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Export progress" />
      ) : (
        <progress aria-label="Export progress" />
      )}
      <span role="status" className="muted">
        {cancelling
          ? 'Cancelling…'
          : progress
            ? `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} entries`
            : 'Gathering the notes…'}
      </span>
      <button type="button" className="button" onClick={cancel} disabled={cancelling}>
        Cancel export
      </button>
    </div>
  );
}
