// What differs between the Node and the browser extension host for background analysis: how the engine's worker is
// started, how the engine is loaded for the in-process fallback, and how a later turn is scheduled.
import type { SegmentedAnalysisEngine } from '../analysisEngine';
import type { EngineMessage, HostToEngine } from '../analysisProtocol';

export interface EngineWorker {
  post(message: HostToEngine): void;
  terminate(): void;
}

export interface AnalysisHost {
  /** Which extension host this is, for logs and the status of the analysis. */
  readonly kind: 'node' | 'web';
  /**
   * Starts the engine in a background worker. `failed` reports a worker that could not start or died later;
   * a host that cannot start one at all throws.
   */
  startWorker(received: (message: EngineMessage) => void, failed: (reason: string) => void): EngineWorker;
  /** The engine for the in-process fallback (throws when it cannot be loaded). */
  loadEngine(post: (message: EngineMessage) => void): SegmentedAnalysisEngine;
  /** Runs `turn` in a later macrotask, so the editor keeps responding between turns. */
  defer(turn: () => void): void;
}
