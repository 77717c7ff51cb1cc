// The messages between the extension host and the analysis engine. Kept apart from analysisWorker.ts so the extension
// bundle does not pull in the NLP pipeline: it runs in the worker, and is loaded on the host only as a fallback.
import type { Analysis, AnalyzeOptions } from '../core/nlp/analysisModel';

export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

export interface AnalyzeJob {
  readonly jobId: number;
  readonly text: string;
  readonly options: AnalyzeOptions;
  /** Source spans to analyse first (what is on screen). */
  readonly priority: readonly SourceSpan[];
}

export type EngineToHost =
  | { readonly type: 'partial'; readonly jobId: number; readonly analysis: Analysis; readonly covered: number; readonly total: number }
  | { readonly type: 'done'; readonly jobId: number; readonly analysis: Analysis; readonly reused: number; readonly analysed: number; readonly millis: number }
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string };

export type HostToEngine =
  | ({ readonly type: 'analyze' } & AnalyzeJob)
  | { readonly type: 'cancel'; readonly jobId: number }
  | { readonly type: 'prioritize'; readonly jobId: number; readonly priority: readonly SourceSpan[] };

/** Marker passed as workerData so the bundle knows it runs as the analysis worker. */
export const WORKER_MARKER = 'articleAnnotatorAnalysisWorker';
