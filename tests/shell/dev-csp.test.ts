/**
 * `npm run dev` serves the renderer from Vite's dev server, whose React
 * refresh preamble is an inline script and whose CSS arrives as injected
 * <style> elements: the page's production CSP would blank the window. The
 * config relaxes the meta CSP in serve mode only; the built page keeps it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import config, { DEV_CSP, devCsp } from '../../electron.vite.config';

const html = readFileSync(fileURLToPath(new URL('../../src/renderer/index.html', import.meta.url)), 'utf8');
const cspOf = (page: string): string =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page)?.[1] ?? 'none';

const transform = (plugin: Plugin, page: string): string => {
  const hook = plugin.transformIndexHtml as (html: string) => string;
  return hook(page);
};

describe('the dev-server CSP', () => {
  it('lets the dev server run the inline preamble, inject styles and open its socket', () => {
    const served = cspOf(transform(devCsp(), html));
    expect(served).toBe(DEV_CSP);
    expect(served).toMatch(/script-src 'self' 'unsafe-inline';/);
    expect(served).toMatch(/style-src 'self' 'unsafe-inline';/);
    expect(served).toContain('ws://localhost:*');
    expect(served).not.toContain('trusted-types');
    // Still nothing from elsewhere.
    expect(served).toMatch(/^default-src 'self';/);
    expect(served).toContain("object-src 'none'");
  });

  it('applies in serve mode only, so the built page keeps the strict policy', () => {
    const plugins = (config as { renderer: { plugins: Plugin[] } }).renderer.plugins.flat();
    const mine = plugins.find((p) => p.name === 'recollection-dev-csp');
    expect(mine?.apply).toBe('serve');
    const production = cspOf(html);
    expect(production).toContain("script-src 'self';");
    expect(production).toContain("style-src 'self';");
    expect(production).toContain("require-trusted-types-for 'script'");
  });
});
