/**
 * Export notes: format, scope (everything, the Notes panel's current filter,
 * or the entries chosen there), with or without the private note texts.
 *
 * Constraint: in the desktop app the shell asks where to save (`export.save`).
 * Where that is unavailable (the browser harness) the rendered file is shown
 * in a read-only field to copy, since a blob: download would need the CSP
 * loosened; .docx is binary and can only be saved from the desktop app.
 */
import { useState, type ReactNode } from 'react';
import type { AppError } from '../../shared/contract/result';
import type { ExportScope } from '../../shared/contract/types';
import type { SaveFormat } from '../../shared/contract/values';
import { FORMATS } from '../../shared/vocabulary/formats';
import { api } from '../api';
import { useStore } from '../lib/store';
import { managedLine, policy } from '../state/policy';
import { toast } from '../state/toasts';
import { closeOverlays, ui } from '../state/ui';
import { useBriefOptions } from './BriefOptions';
import { Dialog, DialogActions } from './Dialog';
import { SEAL_OFF, SealFields, sealArg, sealProblem } from './SealFields';
import { ExportProgress } from './ExportProgress';

/** A cancelled export says so in its own words (nothing was written); anything else failed. */
const failure = (e: AppError): string => (e.code === 'CANCELLED' ? e.message : `Export failed: ${e.message}`);

export function ExportDialog(): ReactNode {
  const filter = useStore(ui, (s) => s.filter);
  const selected = useStore(ui, (s) => s.selected);
  const [format, setFormat] = useState<SaveFormat>('markdown');
  const [scopeKind, setScopeKind] = useState<ExportScope['kind']>(selected.length ? 'selection' : 'all');
  const [includeNotes, setIncludeNotes] = useState(true);
  // Sealed exports only (the organisation's policy): sealing is on and stays on.
  const sealedOnly = useStore(policy, (v) => v.policy.sealedExportsOnly === true);
  const [seal, setSeal] = useState(sealedOnly ? { ...SEAL_OFF, on: true } : SEAL_OFF);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ filename: string; text: string } | null>(null);
  const brief = useBriefOptions(['markdown', 'docx', 'html', 'pdf'].includes(format));

  const scope: ExportScope =
    scopeKind === 'filter'
      ? { kind: 'filter', filter }
      : scopeKind === 'selection'
        ? { kind: 'selection', ids: selected }
        : { kind: 'all' };

  const run = async (): Promise<void> => {
    setPreview(null);
    setMessage(sealProblem(seal));
    if (sealProblem(seal)) return;
    setBusy(true);
    const only = brief.only ? { only: brief.only } : {};
    const args = { format, scope: { ...scope, ...only }, includeNotes, seal: sealArg(seal), header: brief.header };
    brief.remember();
    const saved = await api.export.save(args);
    if (saved.ok) {
      setBusy(false);
      if (saved.value) {
        toast(`Exported to ${saved.value.path}`);
        closeOverlays();
      }
      return;
    }
    if (saved.error.code !== 'UNAVAILABLE') {
      setBusy(false);
      setMessage(failure(saved.error));
      return;
    }
    if (format === 'pdf') {
      setBusy(false);
      // Our own sentence (the core's message is a clause, lowercase): as the other formats' "Saving files needs…".
      return setMessage(`A PDF needs the desktop app. Here, choose “${FORMATS.html.label}” and print it to PDF.`);
    }
    const rendered = await api.export.render({ ...args, format });
    setBusy(false);
    if (!rendered.ok) return setMessage(failure(rendered.error));
    if (typeof rendered.value.data !== 'string') {
      return setMessage('Word files can only be saved from the desktop app. Choose another format here.');
    }
    setPreview({ filename: rendered.value.filename, text: rendered.value.data });
  };

  return (
    <Dialog title="Export notes" onClose={closeOverlays} className="export-dialog">
      <fieldset>
        <legend>Format</legend>
        {Object.values(FORMATS).map((f) => (
          <label key={f.id} className="radio">
            <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
            <span>
              {f.label} (.{f.extension}) <span className="muted">— {f.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>What</legend>
        <label className="radio">
          <input type="radio" name="scope" checked={scopeKind === 'all'} onChange={() => setScopeKind('all')} />
          All bookmarks and notes
        </label>
        <label className="radio">
          <input type="radio" name="scope" checked={scopeKind === 'filter'} onChange={() => setScopeKind('filter')} />
          Those shown with the Notes panel’s current filters
        </label>
        <label className="radio">
          <input
            type="radio"
            name="scope"
            checked={scopeKind === 'selection'}
            disabled={selected.length === 0}
            onChange={() => setScopeKind('selection')}
          />
          The {selected.length} chosen in the Notes panel
        </label>
      </fieldset>
      {brief.element}
      <label className="check">
        <input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} />
        Include my private note texts and tags (untick to share only what is marked, with positions)
      </label>
      <SealFields
        value={seal}
        lockedOn={sealedOnly ? `Exports leave this computer only sealed. ${managedLine()}` : undefined}
        onChange={(next) => {
          setSeal(next);
          setMessage(null);
        }}
      />
      <DialogActions
        onCancel={closeOverlays}
        primary={{ label: 'Export…', disabled: busy, onClick: () => void run() }}
      />
      {busy ? <ExportProgress /> : null}
      {message ? <p role="alert">{message}</p> : null}
      {preview ? (
        <div className="export-preview">
          <p>
            Saving files needs the desktop app. Here is <strong>{preview.filename}</strong> to copy:
          </p>
          <textarea
            readOnly
            rows={12}
            value={preview.text}
            aria-label={`Exported ${preview.filename}`}
            data-testid="export-preview"
          />
          <button
            type="button"
            className="button"
            onClick={() =>
              void navigator.clipboard.writeText(preview.text).then(() => toast('Export copied to the clipboard'))
            }
          >
            Copy to clipboard
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}
