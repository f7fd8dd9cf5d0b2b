/**
 * Start-up: check the app's status, load settings and the outline, open the
 * last page (or the one a deep link names), then show the reader.
 *
 * Constraint: never a blank screen. While loading: a skeleton; if the content
 * cannot be opened: an error screen that says what happened and what to do.
 * A deep link that arrives during start-up is opened by it, in place of the last page.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppStatus, DeepLinkTarget } from '../shared/contract/types';
import { parseDeepLinkHash } from '../shared/vocabulary/links';
import { api, bridge } from './api';
import { ErrorScreen } from './components/ErrorScreen';
import { LockScreen } from './components/LockScreen';
import { Shell } from './components/Shell';
import { SkeletonApp } from './components/Skeleton';
import { firstPage } from './lib/outline';
import { createStartupLinks } from './state/links';
import { goHistory, nav, navigate, setOutline } from './state/nav';
import { privateShown } from './components/Private';
import { changed, loadPalette } from './state/notes';
import { applyStartInPresentation, presentationKey } from './state/presentation';
import { loadSettings, settings } from './state/settings';
import { toast } from './state/toasts';
import { openDialog, openSearch } from './state/ui';
import { loadPolicy } from './state/policy';
import { loadVault, offerProtectionOnce, presentWhileLocked, setVault, vault } from './state/vault';
import { useStore } from './lib/store';

/**
 * The deep link in the location hash, if any, removed once read: the hash is a
 * one-time instruction, so the same link can be followed again later.
 */
function takeDeepLink(): DeepLinkTarget | null {
  const link = parseDeepLinkHash(window.location.hash);
  if (window.location.hash) history.replaceState(null, '', window.location.pathname + window.location.search);
  return link;
}

function follow(link: DeepLinkTarget): void {
  void navigate(link.type === 'block' ? { blockId: link.id } : { pageId: link.id });
}

/** Links from the shell or the hash: held while booting (start() opens them), followed once ready. */
const links = createStartupLinks(follow);

type Boot =
  | { state: 'loading' }
  | { state: 'ready' }
  | { state: 'failed'; title: string; message: string; status: AppStatus | null };

/** The settings were read (they cannot be while the notes are locked). */
let settingsRead = false;

async function start(): Promise<Boot> {
  const status = await api.app.status({});
  if (!status.ok)
    return { state: 'failed', title: 'The app is not responding', message: status.error.message, status: null };
  // The link the app was started for comes once: held like any link, so a retried start-up keeps it.
  links.offer(status.value.open);
  if (!status.value.content.ok) {
    return {
      state: 'failed',
      title: 'The document could not be opened',
      message: status.value.content.message ?? 'The content database is missing or damaged.',
      status: status.value,
    };
  }
  if (status.value.recovery) toast(status.value.recovery, { tone: 'error' });
  // Locked notes: the settings live in the encrypted database, so the defaults until unlock.
  await loadPolicy();
  const locked = (await loadVault())?.locked ?? false;
  if (!locked) {
    await loadSettings();
    settingsRead = true;
    applyStartInPresentation();
  }
  const outline = await api.content.outline({});
  if (!outline.ok)
    return {
      state: 'failed',
      title: 'The document could not be opened',
      message: outline.error.message,
      status: status.value,
    };
  setOutline(outline.value);
  void loadPalette();
  const link = takeDeepLink() ?? links.forBoot();
  const s = settings.get();
  const index = nav.get().outline;
  if (link?.type === 'block') await navigate({ blockId: link.id });
  else if (link?.type === 'page') await navigate({ pageId: link.id });
  else if (s.lastPageId) await navigate({ pageId: s.lastPageId, blockId: s.lastBlockId });
  // A remembered or linked place that no longer exists (new content build) falls back to the start;
  // any other failure stays on screen with its message and a retry.
  const state = nav.get();
  if (
    !state.page &&
    index &&
    (state.errorCode === 'NOT_FOUND' || state.errorCode === 'INVALID_ARGUMENT' || !state.pageId)
  ) {
    if (state.errorCode) toast('That place is not in this edition of the document; showing the beginning.');
    const first = firstPage(index);
    if (first) await navigate({ pageId: first });
  }
  return { state: 'ready' };
}

export function App(): ReactNode {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const locked = useStore(vault, (v) => v.status?.locked ?? false);
  const presentation = useStore(settings, (s) => s.presentation);
  // Presenting while locked lasts as long as presentation mode: leaving it leads back to the lock screen.
  const presenting = useStore(vault, (v) => v.presenting) && presentation;

  useEffect(() => {
    if (locked) return;
    // Unlocked after starting locked: the settings can be read now; the notes views load on mount.
    if (!settingsRead && boot.state === 'ready') {
      settingsRead = true;
      void loadSettings();
    }
  }, [locked, boot.state]);

  // Unlocked: the lock screen's form is gone, so focus goes to the text (not lost on the page's body).
  const wasLocked = useRef(false);
  useEffect(() => {
    if (locked) wasLocked.current = true;
    else if (wasLocked.current) {
      wasLocked.current = false;
      requestAnimationFrame(() => document.getElementById('reading')?.focus({ preventScroll: true }));
    }
  }, [locked]);

  useEffect(() => {
    // The first-run offer to protect the notes, over the document once it is shown (never instead of it).
    if (boot.state === 'ready' && settingsRead) offerProtectionOnce();
  }, [boot.state]);

  useEffect(() => {
    let live = true;
    links.boot();
    void start().then((b) => {
      if (!live) return;
      if (b.state === 'ready') links.ready();
      setBoot(b);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    const offCommand = bridge.on('app.command', ({ command }) => {
      if (command === 'search') openSearch();
      else if (command === 'print') window.print();
      else if (command === 'shortcuts') openDialog('help');
      else if (command === 'presentation') presentationKey();
      else if (command === 'back' || command === 'forward') void goHistory(command === 'back' ? -1 : 1);
      // The menu's notes dialogs (export, import, backup, trash, settings, protection) are not opened in presentation mode.
      else if (command === 'palette' || privateShown()) openDialog(command);
    });
    const offRecovered = bridge.on('app.recovered', ({ message }) => toast(message, { tone: 'error' }));
    const offOpen = bridge.on('app.open', (link) => links.offer(link));
    // A colleague's file changed in the shared folder (or a layer was added elsewhere): every view reloads.
    const offLayers = bridge.on('layers.changed', ({ reason }) => {
      changed();
      if (reason === 'conflict' && privateShown())
        toast("A sync tool made a conflict copy of a colleague's layer file: see Colleagues' layers in the Notes tab.");
    });
    const offVault = bridge.on('vault.changed', (status) => setVault(status));
    const onHash = (): void => links.offer(takeDeepLink());
    window.addEventListener('hashchange', onHash);
    return () => {
      offCommand();
      offRecovered();
      offOpen();
      offLayers();
      offVault();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  if (boot.state === 'loading') return <SkeletonApp />;
  if (boot.state === 'failed') {
    return (
      <ErrorScreen
        title={boot.title}
        message={boot.message}
        status={boot.status}
        onRetry={() => {
          setBoot({ state: 'loading' });
          setAttempt((a) => a + 1);
        }}
      />
    );
  }
  if (locked && !presenting) {
    return (
      <LockScreen
        onPresent={() => {
          // Local only: settings cannot be saved while locked.
          settings.set({ presentation: true });
          presentWhileLocked();
        }}
      />
    );
  }
  return <Shell />;
}
