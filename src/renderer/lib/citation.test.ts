import { describe, expect, it } from 'vitest';
import { citation } from './citation';

describe('citation', () => {
  it('quotes the text and names the work and the label', () => {
    expect(citation('Protect women and men migrants.', 'Cluster 2 (2), Policy option 1')).toBe(
      '“Protect women and men migrants.” (GFMD Thematic Recollection 2007–2017, Cluster 2 (2), Policy option 1)',
    );
  });
});
