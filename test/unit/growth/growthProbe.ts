// Measures how a cost grows with its input: the time at n and at 4n (the best of a few runs, so a busy machine
// flatters neither), as a ratio. Linear work gives about 4, quadratic about 16; the tests assert well under quadratic.

/** Milliseconds of the fastest of `runs` calls. */
export function fastest(run: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export interface Growth {
  readonly small: number;
  readonly large: number;
  /** large / small: about 4 when linear, 16 when quadratic. */
  readonly ratio: number;
}

/** The cost of `run` on `make(n)` and on `make(4 * n)`. */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): Growth {
  const smallInput = make(n);
  const largeInput = make(4 * n);
  run(make(Math.max(1, n >> 4))); // warm up the code paths first
  const small = fastest(() => run(smallInput));
  const large = fastest(() => run(largeInput));
  return { small, large, ratio: large / Math.max(small, 0.01) };
}

/** Well under quadratic (16) for four times the input, with room for a loaded machine. */
export const UNDER_QUADRATIC = 9;

export function describeGrowth(g: Growth): string {
  return `${g.small.toFixed(1)} ms -> ${g.large.toFixed(1)} ms for 4x the input (ratio ${g.ratio.toFixed(1)})`;
}
