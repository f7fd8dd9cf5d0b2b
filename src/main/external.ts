/**
 * app.openExternal: opens a link of the document (a GFMD page, a UN report) in
 * the system browser.
 *
 * Constraints: only http: and https: URLs, parsed by URL (never a file:,
 * javascript: or custom-scheme URL, which could run something locally); only
 * after the user confirms in a dialog that names the host, because opening a
 * link is the one thing in the app that touches the network.
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import { CoreError } from '../shared/contract/result';

/** The URL if it may be opened outside, else null. */
export function parseExternalUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url;
}

export async function openExternal(raw: string, window: BrowserWindow | null): Promise<{ opened: boolean }> {
  const url = parseExternalUrl(raw);
  if (url === null) throw new CoreError('INVALID_ARGUMENT', 'only http and https links can be opened');
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Open link',
    message: `Open ${url.hostname} in your web browser?`,
    detail: `${url.href}\n\nThis leaves Recollection and needs a network connection. Your notes are not sent.`,
  };
  const answer = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (answer.response !== 0) return { opened: false };
  await shell.openExternal(url.href);
  return { opened: true };
}
