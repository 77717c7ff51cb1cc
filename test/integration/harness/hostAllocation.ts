// What the extension host allocates while a test runs, from V8's sampling heap profiler with the objects the collector
// has freed counted too: a load-independent figure beside the blocking probe's (a young-generation collection runs
// once the new space is full, so the bytes allocated decide how often one runs, and what is alive then how long it
// pauses). Node extension host only; elsewhere (the browser's web worker) it measures nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

/** The parts of a sampling heap profile read here. */
interface SamplingNode {
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}

export interface Allocation {
  /** Bytes allocated on the host's heap while measuring (every sample's size: an estimate, to a sampling interval). */
  readonly bytes: number;
  /** The share allocated with the extension's code on the stack (its bundles), the rest by VS Code, Node and V8. */
  readonly ours: number;
  /** The extension's functions that allocated most, with their bytes. */
  readonly top: readonly (readonly [string, number])[];
}

export class HostAllocation {
  private readonly session: Session | undefined;
  private readonly started: Promise<void>;

  /** Starts sampling at once (`interval` bytes between samples on average). */
  constructor(interval = 16 * 1024) {
    try {
      this.session = new Session();
      this.session.connect();
    } catch {
      this.session = undefined;
    }
    this.started = this.session
      ? this.post('HeapProfiler.startSampling', { samplingInterval: interval, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }).then(() => undefined)
      : Promise.resolve();
  }

  whenStarted(): Promise<void> {
    return this.started;
  }

  /**
   * Stops sampling; undefined where the host cannot sample. With `file`, the sampling profile is written there too (a
   * .heapprofile: Chrome DevTools' Memory panel opens it, with the call stack of each allocation).
   */
  async stop(file?: string): Promise<Allocation | undefined> {
    if (!this.session) return undefined;
    try {
      await this.started;
      const { profile } = (await this.post('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
      if (file) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(profile));
      }
      let bytes = 0;
      let ours = 0;
      const byFunction = new Map<string, number>();
      const walk = (node: SamplingNode, ourFrame: string | undefined): void => {
        const mine = /\/dist\/(extension|analysisWorker)\.js$/.test(node.callFrame.url) ? node.callFrame.functionName || '(anonymous)' : undefined;
        // the innermost frame of the extension's own code names the allocation
        const frame = mine ?? ourFrame;
        bytes += node.selfSize;
        if (frame !== undefined) {
          ours += node.selfSize;
          byFunction.set(frame, (byFunction.get(frame) ?? 0) + node.selfSize);
        }
        for (const child of node.children) walk(child, frame);
      };
      walk(profile.head, undefined);
      return { bytes, ours, top: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 10) };
    } finally {
      this.session.disconnect();
    }
  }

  /** `allocated 123.4 KB per article (ours 80.1 KB: packAnalysis 30.2, …)` for `count` items. */
  static describe(allocation: Allocation | undefined, count: number, what: string): string {
    if (!allocation) return 'allocation not measured (no inspector)';
    const kb = (bytes: number): string => (bytes / count / 1024).toFixed(1);
    return `host allocated ${kb(allocation.bytes)} KB per ${what} (with the extension's code on the stack ${kb(allocation.ours)} KB: ${allocation.top.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}; heap sampling, freed objects included)`;
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) => this.session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  }
}
