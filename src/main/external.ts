/**
 * app.openExternal: opens a link of the document (a GFMD page, a UN report) in
 * the system browser.
 *
 * Constraints: only http: and https: URLs, parsed by URL (never a file:,
 * javascript: or custom-scheme URL, which could run something locally); only
 * after the user confirms in a dialog that names the host, because opening a
 * link is the one thing in the app that touches the network. Never a
 * loopback, private, link-local or unspecified address, nor a local-only
 * name (localhost, a single-label intranet name, .local): a link in a
 * crafted document must not reach a service on this machine or its network.
 */
import { BlockList, isIP } from 'node:net';
import { dialog, shell, type BrowserWindow } from 'electron';
import { CoreError } from '../shared/contract/result';

/**
 * Addresses a link must never reach. IPv4 rules also match their IPv4-mapped
 * IPv6 form (::ffff:127.0.0.1), which BlockList checks by itself.
 */
const LOCAL_ADDRESSES = (() => {
  const list = new BlockList();
  for (const [net, prefix] of [
    ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches localhost on most systems
    ['10.0.0.0', 8],
    ['100.64.0.0', 10], // carrier-grade NAT, a provider's private range
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['224.0.0.0', 3], // multicast (224/4) and reserved (240/4), up to 255.255.255.255
  ] as const) {
    list.addSubnet(net, prefix, 'ipv4');
  }
  for (const [net, prefix] of [
    ['::', 128], // unspecified
    ['::1', 128],
    ['::', 96], // IPv4-compatible (deprecated) ::a.b.c.d
    ['64:ff9b::', 96], // NAT64 with an embedded IPv4 address
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['fec0::', 10], // site-local (deprecated)
    ['ff00::', 8], // multicast
  ] as const) {
    list.addSubnet(net, prefix, 'ipv6');
  }
  return list;
})();

/**
 * Whether a URL's host names this machine or its local network. `hostname` is
 * the WHATWG URL parser's: numeric, hex, octal and shortened IPv4 forms
 * (2130706433, 0x7f.1, 0177.0.0.1, 127.1) arrive as dotted quads, IPv6 in
 * brackets and compressed.
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const family = isIP(bare);
  if (family === 4) return LOCAL_ADDRESSES.check(bare, 'ipv4');
  if (family === 6) return LOCAL_ADDRESSES.check(bare, 'ipv6');
  // A name: localhost and its subdomains, mDNS names, and single-label names that only a local resolver knows.
  return host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || !host.includes('.');
}

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
  if (isLocalHost(url.hostname)) return null;
  return url;
}

export async function openExternal(raw: string, window: BrowserWindow | null): Promise<{ opened: boolean }> {
  const url = parseExternalUrl(raw);
  if (url === null) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      'only http and https links to a public address can be opened (not this computer or its local network)',
    );
  }
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
