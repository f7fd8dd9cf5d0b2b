/**
 * The narrow-window breakpoint is one number (src/shared/layout.ts). The
 * scripts read NARROW_QUERY (drawer buttons, closing a drawer after a choice);
 * a style sheet cannot import it, so this checks that the style rules that
 * make the panes drawers sit under exactly that media query, and nowhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NARROW_QUERY } from '../../src/shared/layout';

const STYLES = join(import.meta.dirname, '../../src/renderer/styles');

/** Each `@media <query> { … }` block of a style sheet, with its body (nested braces matched). */
function mediaBlocks(css: string): Array<{ query: string; body: string }> {
  const blocks: Array<{ query: string; body: string }> = [];
  for (const m of css.matchAll(/@media\s+([^{]+)\{/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; depth > 0 && i < css.length; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
    blocks.push({ query: m[1].trim(), body: css.slice(m.index + m[0].length, i - 1) });
  }
  return blocks;
}

describe('narrow breakpoint', () => {
  const sheets = readdirSync(STYLES)
    .filter((f) => f.endsWith('.css'))
    .map((f) => ({ file: f, css: readFileSync(join(STYLES, f), 'utf8') }));

  it('is the media query of the drawer rules, which appear under no other', () => {
    const drawerQueries: string[] = [];
    for (const { css } of sheets) {
      const blocks = mediaBlocks(css);
      for (const b of blocks) if (b.body.includes('data-drawers')) drawerQueries.push(b.query);
      const outside = blocks.reduce((rest, b) => rest.replace(b.body, ''), css);
      expect(outside).not.toContain('data-drawers');
    }
    expect(drawerQueries).toEqual([NARROW_QUERY]);
  });
});
