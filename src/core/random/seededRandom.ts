// One seeded pseudo-random generator (mulberry32) for everything that must repeat exactly: the tagger's training order,
// generated test articles and property tests (a failure names the seed that reproduces it), benchmarks' data.

/** A deterministic sequence of numbers in [0, 1) from `seed`: the same on every run and every host. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
