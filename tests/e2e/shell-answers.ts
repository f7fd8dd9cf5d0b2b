/**
 * What the Electron target puts in place of the dialogs and of
 * shell.openExternal in the app's main process (evaluated there by
 * playwright-core), so a scenario never meets a modal or the network: the
 * save and open dialogs answer the paths the scenario queued (none queued:
 * cancelled), a message box answers its cancel button, and links are
 * recorded, never opened.
 *
 * Constraints: `installShellAnswers` is sent to the main process as text, so
 * it uses nothing but its argument and globalThis (no imports, no named inner
 * functions, which a keepNames transform would wrap in a helper that is not
 * there); it replaces module functions, which the bundled main looks up at
 * each call (`dialog.showSaveDialog(…)`). Tested against the real shell code
 * in tests/shell/shell-answers.test.ts.
 */

/** Kept on the main process's globalThis as `__e2e`. */
export interface ShellAnswers {
  save: string[];
  open: string[];
  messages: string[];
  external: string[];
}

/** The part of Electron's module this replaces. */
export interface ShellModules {
  dialog: object;
  shell: object;
}

export function installShellAnswers({ dialog, shell }: ShellModules): void {
  const s: ShellAnswers = { save: [], open: [], messages: [], external: [] };
  (globalThis as unknown as { __e2e: ShellAnswers }).__e2e = s;
  Object.assign(dialog, {
    showSaveDialog: () => {
      const p = s.save.shift();
      return Promise.resolve(p === undefined ? { canceled: true } : { canceled: false, filePath: p });
    },
    showOpenDialog: () => {
      const p = s.open.shift();
      return Promise.resolve(p === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [p] });
    },
    showMessageBox: (...args: unknown[]) => {
      const o = args.find((a) => typeof a === 'object' && a !== null && 'message' in a) as
        { message?: string; cancelId?: number } | undefined;
      s.messages.push(String(o?.message));
      return Promise.resolve({ response: o?.cancelId ?? 1, checkboxChecked: false });
    },
  });
  Object.assign(shell, {
    openExternal: (url: string) => {
      s.external.push(url);
      return Promise.resolve();
    },
  });
}

/** The answers installed in this process (the main process, or a test standing in for it). */
export function shellAnswers(): ShellAnswers {
  const s = (globalThis as unknown as { __e2e?: ShellAnswers }).__e2e;
  if (!s) throw new Error('installShellAnswers() has not run in this process');
  return s;
}
