/**
 * A colleague's note beside a block is Markdown read as one's own notes are:
 * the same renderer (NoteMarkdown), so `**Red line**` is bold and a link shows
 * its words with the address as a tooltip, never the raw marks; and no
 * string of the note becomes markup (raw HTML stays text).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LayerNoteView } from '../lib/layer-view';
import { LayerNoteCards } from './LayerNoteCards';

const view = (note: string): LayerNoteView => ({
  id: 'n1',
  layerId: 'l1',
  layerName: 'Capital',
  layerColor: 'teal',
  blockId: 'c2.f2.po.1',
  note,
  selector: null,
  tags: [],
  position: null,
  priority: null,
  adopted: false,
});

const render = (note: string): string =>
  renderToStaticMarkup(<LayerNoteCards notes={[view(note)]} onAdopt={() => undefined} />);

describe("a colleague's note card", () => {
  it('renders Markdown as own notes do: bold, link words with the address as a tooltip', () => {
    const html = render('**Red line** on the [ILO](https://www.ilo.org/) text');
    expect(html).toContain('<span class="md-strong">Red line</span>');
    expect(html).toContain('<span class="md-link" title="https://www.ilo.org/">ILO</span>');
    expect(html).not.toContain('**');
    expect(html).not.toContain('](');
  });

  it('keeps raw HTML in a note as text', () => {
    const html = render('<img src=x onerror=alert(1)> *fine*');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).toContain('<span class="md-em">fine</span>');
  });
});
