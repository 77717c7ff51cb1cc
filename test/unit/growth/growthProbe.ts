// Measures how a cost grows with its input: the time at n and at k*n (the best of a few interleaved runs, so a busy
// machine flatters neither), as a ratio. Linear work gives about k, quadratic k*k; the tests assert at most three times
// linear, far under quadratic (k = 8: linear 8, quadratic 64, bound 24), which a loaded machine's noise does not reach.

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
  /** large / small: about `factor` when linear, its square when quadratic. */
  readonly ratio: number;
  readonly factor: number;
  /** Three times linear: what the tests assert the ratio stays under. */
  readonly bound: number;
}

/** The cost of `run` on `make(n)` and on `make(factor * n)`: the fastest of `rounds` runs each, interleaved, after a warm-up on both. */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, factor = 8, rounds = 4): Growth {
  const smallInput = make(n);
  const largeInput = make(factor * n);
  run(smallInput); // warm up the code paths first
  run(largeInput);
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < rounds; i++) {
    small = Math.min(small, fastest(() => run(smallInput), 1));
    large = Math.min(large, fastest(() => run(largeInput), 1));
  }
  return { small, large, ratio: large / Math.max(small, 0.01), factor, bound: 3 * factor };
}

export function describeGrowth(g: Growth): string {
  return `${g.small.toFixed(1)} ms -> ${g.large.toFixed(1)} ms for ${g.factor}x the input (ratio ${g.ratio.toFixed(1)}, linear ${g.factor}, quadratic ${g.factor * g.factor}, bound ${g.bound})`;
}
