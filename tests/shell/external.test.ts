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
