// How long the extension host stops responding: a 10 ms interval whose lateness is the blocking stretch, and Node's
// event-loop delay histogram beside it. One probe for every test that asserts "does not block" (analysis of a large
// article, indexing a thousand articles, typing into a large article).
import { constants, monitorEventLoopDelay, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

const TICK_MS = 10;
/** Stretches kept for a profile to explain. */
const KEPT = 20;

export class BlockingProbe {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: TICK_MS });
  private readonly timer: ReturnType<typeof setInterval>;
  private lastTick = performance.now();
  private longest = 0;
  /** The longest stretches, with when they ended (monotonic clock, microseconds: the clock of a V8 CPU profile). */
  private worst: { readonly endMicros: number; readonly millis: number }[] = [];
  private longestStarted = 0;
  /** The collector's pauses (Node's 'gc' performance entries): the longest, and the count and sum of each kind. */
  private readonly gcObserver: PerformanceObserver;
  private gc = { longest: 0, longestKind: '', minor: { count: 0, millis: 0 }, major: { count: 0, millis: 0 } };
  /** The host's heap in use when measuring started (a whole-heap collection's pause grows with it). */
  private heapAtStart = getHeapStatistics().used_heap_size;

  /** Starts measuring at once; stop() when done (in a finally). */
  constructor() {
    this.histogram.enable();
    this.timer = setInterval(() => {
      const now = performance.now();
      const late = now - this.lastTick - TICK_MS;
      if (late > this.longest) {
        this.longest = late;
        this.longestStarted = this.lastTick + TICK_MS;
      }
      if (late >= 20 && (this.worst.length < KEPT || late > this.worst[this.worst.length - 1]!.millis)) {
        this.worst.push({ endMicros: Number(process.hrtime.bigint() / 1000n), millis: late + TICK_MS });
        this.worst.sort((a, b) => b.millis - a.millis);
        this.worst.length = Math.min(this.worst.length, KEPT);
      }
      this.lastTick = now;
    }, TICK_MS);
    // a probe left running (its test filtered out) does not keep the host alive
    this.timer.unref?.();
    this.gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as unknown as { readonly detail?: { readonly kind?: number } }).detail?.kind;
        const minor = kind === constants.NODE_PERFORMANCE_GC_MINOR;
        const sum = minor ? this.gc.minor : this.gc.major;
        sum.count++;
        sum.millis += entry.duration;
        if (entry.duration > this.gc.longest) {
          this.gc.longest = entry.duration;
          this.gc.longestKind = minor ? 'young generation' : kind === constants.NODE_PERFORMANCE_GC_MAJOR ? 'whole heap' : kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL ? 'incremental marking' : 'weak callbacks';
        }
      }
    });
    this.gcObserver.observe({ entryTypes: ['gc'] });
  }

  /** Forgets what was measured so far (the stretch before the part of the test that counts). */
  reset(): void {
    this.lastTick = performance.now();
    this.longest = 0;
    this.worst = [];
    this.longestStarted = 0;
    this.histogram.reset();
    this.gc = { longest: 0, longestKind: '', minor: { count: 0, millis: 0 }, major: { count: 0, millis: 0 } };
    this.heapAtStart = getHeapStatistics().used_heap_size;
  }

  /**
   * Does not count the stretch under way (work of the harness's own, such as loading the test files, called right after
   * it in the same task): the next tick's lateness counts from now. The delay histogram starts again, as it would count it.
   */
  skip(): void {
    this.lastTick = performance.now();
    this.histogram.reset();
  }

  /** The longest stretch, in ms, the extension host did not run the probe's timer beyond its interval. */
  get longestStretch(): number {
    return this.longest;
  }

  /** When (performance.now()) the longest stretch started, 0 when none was measured: to find it in a CPU profile. */
  get longestStartedAt(): number {
    return this.longestStarted;
  }

  /** The longest pause of the garbage collector, in ms (0 when none was seen). */
  get longestCollection(): number {
    return this.gc.longest;
  }

  /**
   * One line for the test's output: the longest stretch, the event-loop delay's maximum and 99th percentile, and the
   * collector's pauses (much of a long stretch can be the collector's, whoever made the garbage).
   */
  describe(): string {
    const { longest, longestKind, minor, major } = this.gc;
    const gc = `collector: longest pause ${longest.toFixed(0)} ms (${longestKind || 'none'}), young generation ${minor.count}× ${minor.millis.toFixed(0)} ms, other ${major.count}× ${major.millis.toFixed(0)} ms`;
    const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
    const heap = getHeapStatistics();
    const memory = `heap in use ${mb(this.heapAtStart)} MB at the start, ${mb(heap.used_heap_size)} MB now (of ${mb(heap.total_heap_size)} MB)`;
    return `longest blocking stretch ${this.longest.toFixed(0)} ms (interval probe), event-loop delay max ${(this.histogram.max / 1e6).toFixed(0)} ms, p99 ${(this.histogram.percentile(99) / 1e6).toFixed(0)} ms; ${gc}; ${memory}`;
  }

  /**
   * The longest stretches (20 ms or more, the longest first), each with the monotonic time it ended at in microseconds:
   * `node scripts/blocking-stretches.mjs <profile> --stretches <file>` shows what a CPU profile ran in each.
   */
  get stretches(): readonly { readonly endMicros: number; readonly millis: number }[] {
    return this.worst;
  }

  stop(): void {
    clearInterval(this.timer);
    this.histogram.disable();
    this.gcObserver.disconnect();
  }
}
