/**
 * A small seeded pseudo-random generator (mulberry32) for the hardening tests,
 * so every crash schedule and every fuzz run can be replayed from its seed.
 *
 * Constraint: deterministic and dependency-free; used by the crash child
 * process too, which must make the same choices for the same seed.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both included. */
export function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}
