/**
 * Report which section (the page or one of its groups) is at the top of the
 * reading pane while the reader scrolls, so the outline can mark it.
 *
 * Constraint: IntersectionObserver only (no scroll handler doing layout work
 * on every frame); the band is the top third of the pane, and the section
 * shown is the last one in it.
 */
import { useEffect, type RefObject } from 'react';
import { nav } from '../state/nav';

export function useScrollSpy(article: RefObject<HTMLElement | null>, pageId: string | null): void {
  useEffect(() => {
    const root = document.getElementById('reading');
    const el = article.current;
    if (!root || !el || !pageId) return;
    const sections = [...el.querySelectorAll<HTMLElement>('section[data-section]')];
    const inBand = new Set<string>();
    const update = (): void => {
      // The last section in the band: the one whose heading the reader has reached. After a jump the
      // target sits at the band's lower edge with its heading just above, under the end of the section before.
      const last = [...sections].reverse().find((s) => inBand.has(s.dataset.section ?? ''));
      const id = last?.dataset.section ?? pageId;
      if (nav.get().visibleSectionId !== id) nav.set({ visibleSectionId: id });
    };
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const id = (e.target as HTMLElement).dataset.section ?? '';
          if (e.isIntersecting) inBand.add(id);
          else inBand.delete(id);
        }
        update();
      },
      { root, rootMargin: '0px 0px -66% 0px' },
    );
    sections.forEach((s) => io.observe(s));
    update();
    return () => io.disconnect();
  }, [article, pageId]);
}
