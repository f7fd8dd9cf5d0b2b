/**
 * The reader's frame: top bar, the three panes (outline, reading, side) with
 * resizers, and the overlays (search, dialogs, note editor, toasts).
 *
 * Constraint: landmarks a screen reader can jump between (banner, navigation,
 * main, complementary); under ~900 px the panes stack instead of squeezing the text.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useCopyCitation } from '../hooks/useCopyCitation';
import { useSelectionMode } from '../hooks/useSelectionMode';
import { useShortcuts } from '../hooks/useShortcuts';
import { useStore } from '../lib/store';
import { nav } from '../state/nav';
import { loadPageLayers } from '../state/layers';
import { loadPageNotes, notes } from '../state/notes';
import { settings, updateSettings } from '../state/settings';
import { ui } from '../state/ui';
import { BackupDialog } from './BackupDialog';
import { CommandPalette } from './CommandPalette';
import { Breadcrumb } from './Breadcrumb';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { NoteEditor } from './NoteEditor';
import { Outline } from './Outline';
import { PaletteDialog } from './PaletteDialog';
import { PositionsMatrix } from './PositionsMatrix';
import { PresentationOff } from './PresentationOff';
import { Private, usePrivate } from './Private';
import { Reader } from './Reader';
import { Resizer } from './Resizer';
import { SearchOverlay } from './SearchOverlay';
import { SelectionPopup } from './SelectionPopup';
import { ProtectOffer } from './ProtectOffer';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutHelp } from './ShortcutHelp';
import { SidePane } from './SidePane';
import { Toasts } from './Toasts';
import { TopBar } from './TopBar';
import { TrashDialog } from './TrashDialog';
import { VaultDialog } from './VaultDialog';

/** A drag moves the divider at once; the width is saved (settings.set) once the hand has paused. */
const SAVE_WIDTHS_AFTER_MS = 400;

export function Shell(): ReactNode {
  useShortcuts();
  useSelectionMode();
  useCopyCitation();
  const panes = useStore(settings, (s) => s.panes);
  const pageId = useStore(nav, (s) => s.pageId);
  const revision = useStore(notes, (s) => s.revision);
  const search = useStore(ui, (s) => s.search);
  const dialog = useStore(ui, (s) => s.dialog);
  const editor = useStore(ui, (s) => s.editor);
  const drawers = useStore(ui, (s) => s.drawers);
  const matrix = useStore(ui, (s) => s.matrix);
  const showPrivate = usePrivate();
  const [widths, setWidths] = useState(() => settings.get().paneWidths);

  useEffect(() => {
    if (!pageId) return;
    void loadPageNotes(pageId);
    void loadPageLayers(pageId);
  }, [pageId, revision]);

  useEffect(() => {
    const saved = settings.get().paneWidths;
    if (saved.outline === widths.outline && saved.side === widths.side) return;
    const timer = setTimeout(() => updateSettings({ paneWidths: widths }), SAVE_WIDTHS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [widths]);

  return (
    <div
      className="app"
      data-outline={panes.outline ? 'open' : 'closed'}
      data-side={panes.side ? 'open' : 'closed'}
      data-outline-drawer={drawers.outline ? 'open' : 'closed'}
      data-side-drawer={drawers.side ? 'open' : 'closed'}
      ref={(el) => {
        el?.style.setProperty('--outline-w', `${widths.outline}px`);
        el?.style.setProperty('--side-w', `${widths.side}px`);
      }}
    >
      <a className="skip-link" href="#reading">
        Skip to the text
      </a>
      <TopBar />
      {/* The one place the positions matrix is mounted; presentation mode hides it as a whole. */}
      {matrix && showPrivate ? (
        <div className="panes">
          <main id="reading" className="matrix-pane" tabIndex={-1} aria-label="Positions matrix">
            <PositionsMatrix />
          </main>
        </div>
      ) : (
        <div className="panes">
          {panes.outline ? (
            <>
              <nav className="outline-pane" aria-label="Outline">
                <Outline />
              </nav>
              <Resizer
                label="Resize the outline"
                value={widths.outline}
                onChange={(v) => setWidths((w) => ({ ...w, outline: v }))}
                direction={1}
              />
            </>
          ) : null}
          <main id="reading" className="reading-pane" tabIndex={-1} aria-label="Document">
            <Breadcrumb />
            <Reader />
          </main>
          {panes.side ? (
            <>
              <Resizer
                label="Resize the side panel"
                value={widths.side}
                onChange={(v) => setWidths((w) => ({ ...w, side: v }))}
                direction={-1}
              />
              <aside className="side-pane" aria-label="Notes, footnotes and cross-references">
                <SidePane />
              </aside>
            </>
          ) : null}
        </div>
      )}
      <Toasts />
      {search ? <SearchOverlay /> : null}
      {dialog === 'help' ? <ShortcutHelp /> : null}
      {dialog === 'palette' ? <CommandPalette /> : null}
      {dialog === 'presentation-off' ? <PresentationOff /> : null}
      <Private>
        <SelectionPopup />
        {editor ? <NoteEditor target={editor} /> : null}
        {dialog === 'export' ? <ExportDialog /> : null}
        {dialog === 'import' ? <ImportDialog /> : null}
        {dialog === 'trash' ? <TrashDialog /> : null}
        {dialog === 'backup' ? <BackupDialog /> : null}
        {dialog === 'colors' ? <PaletteDialog /> : null}
        {dialog === 'settings' ? <SettingsDialog /> : null}
        {dialog === 'vault' ? <VaultDialog /> : null}
        {dialog === 'protect-offer' ? <ProtectOffer /> : null}
      </Private>
    </div>
  );
}
