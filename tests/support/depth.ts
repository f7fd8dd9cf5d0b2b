/**
 * How much the suite does: `npm test` runs the quick suite (every kind of test,
 * at a volume that finds regressions), `npm run test:deep` sets
 * RECOLLECTION_DEEP=1 and the same tests run at full volume (10,000 fuzz cases a
 * channel, every window size in both themes, 100,000 seeded notes).
 *
 * Constraint: the variable is read here and nowhere else, so one switch moves
 * every test file between the two volumes.
 */

/** True in the deep suite (RECOLLECTION_DEEP=1). */
export const DEEP = process.env.RECOLLECTION_DEEP === '1';

/** The quick suite's value, or the deep suite's. */
export function byDepth<T>(quick: T, deep: T): T {
  return DEEP ? deep : quick;
}

export type Scheme = 'light' | 'dark';

/**
 * The window sizes a screen is looked at in one theme. Deep: every size, in
 * each theme. Quick: each size once, the themes taking turns (light at the
 * first, third… size, dark at the second…), so both themes are still seen.
 */
export function sizesIn<S>(sizes: readonly S[], scheme: Scheme): S[] {
  return DEEP ? [...sizes] : sizes.filter((_, i) => (i % 2 === 0) === (scheme === 'light'));
}

/** The themes a screen is looked at in at one of the sizes (the same pairs as sizesIn). */
export function themesAt<S>(sizes: readonly S[], size: S): Scheme[] {
  return (['light', 'dark'] as const).filter((scheme) => sizesIn(sizes, scheme).includes(size));
}
