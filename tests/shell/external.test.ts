/**
 * app.openExternal: only http(s) links, and only after the user confirms in a
 * dialog that names the host. The dialog and the system browser are fakes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakes'));

const { openExternal, parseExternalUrl } = await import('../../src/main/external');
const { CoreError } = await import('../../src/shared/contract/result');
const fakes = await import('./fakes');

beforeEach(() => {
  fakes.dialog.showMessageBox.mockReset();
  fakes.shell.openExternal.mockClear();
});

describe('refused links', () => {
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://bundle/index.html',
    'smb://server/share',
    'vbscript:msgbox',
    'not a url',
    'https://user:secret@example.org/',
    '',
  ])('%s never reaches a dialog or the browser', async (url) => {
    expect(parseExternalUrl(url)).toBeNull();
    const error = await openExternal(url, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as InstanceType<typeof CoreError>).code).toBe('INVALID_ARGUMENT');
    expect(fakes.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fakes.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('links to this machine or its local network', () => {
  it.each([
    'http://localhost/',
    'http://LOCALHOST.:8080/admin',
    'http://app.localhost/',
    'http://printer.local/',
    'http://intranet/',
    'http://127.0.0.1/',
    'http://127.8.9.10:3000/',
    'http://2130706433/', // 127.0.0.1 as one number
    'http://0x7f.1/', // hex, shortened
    'http://0177.0.0.1/', // octal
    'http://127.1/',
    'http://0.0.0.0/',
    'http://0/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[::]/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::ffff:127.0.0.1]/', // IPv4-mapped
    'http://[::ffff:192.168.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::127.0.0.1]/', // IPv4-compatible
    'http://[64:ff9b::10.0.0.1]/', // NAT64
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'https://[fe80::1]/',
    'http://[febf::1]/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
  ])('%s is refused before any dialog', async (url) => {
    expect(parseExternalUrl(url), url).toBeNull();
    const error = await openExternal(url, null).catch((e: unknown) => e);
    expect((error as InstanceType<typeof CoreError>).code).toBe('INVALID_ARGUMENT');
    expect((error as Error).message).toMatch(/public address/);
    expect(fakes.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(fakes.shell.openExternal).not.toHaveBeenCalled();
  });

  it.each([
    'https://www.gfmd.org/',
    'https://8.8.8.8/',
    'http://172.32.0.1/', // just outside 172.16/12
    'http://192.169.0.1/',
    'http://11.0.0.1/',
    'https://[2001:db8::1]/',
    'https://[2606:4700::1111]/',
    'https://localhost.example.org/',
  ])('%s (a public address) still may be opened', (url) => {
    expect(parseExternalUrl(url), url).not.toBeNull();
  });
});

describe('http and https links', () => {
  it('ask first, naming the host, and open when confirmed', async () => {
    fakes.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    expect(await openExternal('https://www.gfmd.org/pfp/ppd/215', null)).toEqual({ opened: true });
    const options = fakes.dialog.showMessageBox.mock.calls[0][0] as {
      message: string;
      cancelId: number;
      defaultId: number;
    };
    expect(options.message).toContain('www.gfmd.org');
    expect(options.defaultId).toBe(options.cancelId); // Enter does not leave the app
    expect(fakes.shell.openExternal).toHaveBeenCalledWith('https://www.gfmd.org/pfp/ppd/215');
  });

  it('do nothing when cancelled', async () => {
    fakes.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
    expect(await openExternal('http://example.org/report.pdf', null)).toEqual({ opened: false });
    expect(fakes.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(fakes.shell.openExternal).not.toHaveBeenCalled();
  });

  it('open the parsed URL, not the raw text', async () => {
    fakes.dialog.showMessageBox.mockResolvedValue({ response: 0, checkboxChecked: false });
    await openExternal('HTTPS://Example.ORG/a b', null);
    expect(fakes.shell.openExternal).toHaveBeenCalledWith('https://example.org/a%20b');
  });
});
