// How long the extension host stops responding: a 10 ms interval whose lateness is the blocking stretch, and Node's
// event-loop delay histogram beside it. One probe for every test that asserts "does not block" (analysis of a large
// article, indexing a thousand articles, typing into a large article).
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

const TICK_MS = 10;

export class BlockingProbe {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: TICK_MS });
  private readonly timer: ReturnType<typeof setInterval>;
  private lastTick = performance.now();
  private longest = 0;

  /** Starts measuring at once; stop() when done (in a finally). */
  constructor() {
    this.histogram.enable();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.longest = Math.max(this.longest, now - this.lastTick - TICK_MS);
      this.lastTick = now;
    }, TICK_MS);
  }

  /** Forgets what was measured so far (the stretch before the part of the test that counts). */
  reset(): void {
    this.lastTick = performance.now();
    this.longest = 0;
    this.histogram.reset();
  }

  /** The longest stretch, in ms, the extension host did not run the probe's timer beyond its interval. */
  get longestStretch(): number {
    return this.longest;
  }

  /** One line for the test's output: the longest stretch and the event-loop delay's maximum and 99th percentile. */
  describe(): string {
    return `longest blocking stretch ${this.longest.toFixed(0)} ms (interval probe), event-loop delay max ${(this.histogram.max / 1e6).toFixed(0)} ms, p99 ${(this.histogram.percentile(99) / 1e6).toFixed(0)} ms`;
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }
}
