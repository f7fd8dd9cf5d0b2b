/**
 * Renderer timings in the browser harness, for the benchmark (`npm run bench`):
 * navigation to a focus area until it is painted, and a keystroke in the
 * search box until its results are painted. Measured inside the page with
 * performance.now() and two animation frames (the frame that shows the change
 * has been produced), so Playwright's own latency is not counted.
 *
 * Constraint: measures, never asserts; the caller prints or stores the figures.
 */
import type { AppSession } from './harness';

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export function percentiles(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), runs: s.length };
}

/** Time from setting the location hash to the page for `pageId` painted, in ms. */
export function timeNavigation(app: AppSession, pageId: string): Promise<number> {
  return app.page.evaluate<number>(`new Promise((resolve, reject) => {
    const t0 = performance.now();
    location.hash = ${JSON.stringify(`#page/${pageId}`)};
    const until = t0 + 10000;
    const check = () => {
      if (document.querySelector('article[data-page="${pageId}"]')) {
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
      } else if (performance.now() > until) reject(new Error('page ${pageId} not shown'));
      else requestAnimationFrame(check);
    };
    check();
  })`);
}

/**
 * Type `query` into the open search box one keystroke at a time; for each
 * prefix, the time from the input event to its results painted, in ms.
 */
export function timeKeystrokes(app: AppSession, query: string): Promise<number[]> {
  return app.page.evaluate<number[]>(`(async () => {
    const input = document.querySelector('.search-dialog input[role=combobox]');
    const list = document.getElementById('search-results');
    if (!input || !list) throw new Error('open the search overlay first');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const out = [];
    const q = ${JSON.stringify(query)};
    for (let i = 1; i <= q.length; i++) {
      const prefix = q.slice(0, i);
      const t0 = performance.now();
      setValue.call(input, prefix);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve, reject) => {
        const until = t0 + 10000;
        const check = () => {
          if (list.dataset.query === prefix.trim() || prefix.trim() === '') {
            requestAnimationFrame(() => requestAnimationFrame(resolve));
          } else if (performance.now() > until) reject(new Error('no results for ' + prefix));
          else requestAnimationFrame(check);
        };
        check();
      });
      out.push(performance.now() - t0);
    }
    return out;
  })()`);
}
