/**
 * The side pane's tabs: Notes, Footnotes (of the page shown), Cross-references
 * and Positions. The chosen tab is remembered.
 *
 * Constraint: WAI-ARIA tabs (arrow keys move between tabs, one tab stop).
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { SIDE_TABS, type SideTab } from '../../shared/contract/values';
import { useStore } from '../lib/store';
import { settings, updateSettings } from '../state/settings';
import { CrossRefsPanel } from './CrossRefsPanel';
import { FootnotesPanel } from './FootnotesPanel';
import { NotesPanel } from './NotesPanel';
import { PositionsView } from './PositionsView';

const LABELS: Record<SideTab, string> = {
  notes: 'Notes',
  footnotes: 'Footnotes',
  xrefs: 'Cross-refs',
  positions: 'Positions',
};
const TABS = SIDE_TABS.map((id) => ({ id, label: LABELS[id] }));

export function SidePane(): ReactNode {
  const panes = useStore(settings, (s) => s.panes);
  const select = (tab: SideTab): void => updateSettings({ panes: { ...panes, sideTab: tab } });
  const onKey = (e: KeyboardEvent): void => {
    const i = TABS.findIndex((t) => t.id === panes.sideTab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[(next + TABS.length) % TABS.length];
    select(t.id);
    document.getElementById(`tab-${t.id}`)?.focus();
  };
  return (
    <div className="side">
      <div role="tablist" aria-label="Side panel" className="tabs" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={panes.sideTab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={panes.sideTab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${panes.sideTab}`} aria-labelledby={`tab-${panes.sideTab}`} className="tab-panel">
        {panes.sideTab === 'notes' ? <NotesPanel /> : null}
        {panes.sideTab === 'footnotes' ? <FootnotesPanel /> : null}
        {panes.sideTab === 'xrefs' ? <CrossRefsPanel /> : null}
        {panes.sideTab === 'positions' ? <PositionsView /> : null}
      </div>
    </div>
  );
}
