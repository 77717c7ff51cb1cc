// Measures how a cost grows with its input: the CPU time at n and at k*n (the best of a few interleaved runs), as a
// ratio. Linear work gives about k, quadratic k*k; the tests assert at most three times linear, far under quadratic
// (k = 8: linear 8, quadratic 64, bound 24).
//
// CPU time, not wall time: on a loaded machine a run of a millisecond fits in one time slice of the scheduler while a
// run of tens of milliseconds is preempted by every other process, so wall time inflates the large input's cost alone.
// At load 13 on 2 cores, parsing a long run (n = 100,000, k = 8) measured wall-time ratios of 22.5 and 24.2 (the bound
// is 24) where its CPU time grew 6.1 to 9.7 times.

/** CPU time this process has used (user and system, all its threads), in milliseconds. */
export function cpuMillis(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** CPU milliseconds of the cheapest of `runs` calls. */
export function fastest(run: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = cpuMillis();
    run();
    best = Math.min(best, cpuMillis() - start);
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

/** The CPU cost of `run` on `make(n)` and on `make(factor * n)`: the cheapest of `rounds` runs each, interleaved, after a warm-up on both. */
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
  return `${g.small.toFixed(1)} ms -> ${g.large.toFixed(1)} ms of CPU time for ${g.factor}x the input (ratio ${g.ratio.toFixed(1)}, linear ${g.factor}, quadratic ${g.factor * g.factor}, bound ${g.bound})`;
}
