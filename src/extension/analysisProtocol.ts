// The messages between the extension host and the analysis engine. Kept apart from analysisWorker.ts so the extension
// bundle does not pull in the NLP pipeline: it runs in the worker, and is loaded on the host only as a fallback.
import { prepareArticle, type PreparedArticle } from '../core/corpus/corpusIndex';
import type { AnalysisDelta } from '../core/nlp/analysisDelta';
import type { Analysis, AnalyzeOptions } from '../core/nlp/analysisModel';
import type { EntityCorrection } from '../core/nlp/entityLearning';
import type { LearnedEntityModelData } from '../core/nlp/learnedEntityModel';
import type { TextReplacement } from '../core/text/textDifference';

/** What the workspace learned from its user's corrections, as the worker receives it: the table and its key. */
export interface LearnedTable {
  readonly key: string;
  readonly data: LearnedEntityModelData;
}

export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

export interface AnalyzeJob {
  readonly jobId: number;
  readonly text: string;
  /**
   * The article's key, when the engine should keep this text (RecentTexts) for a later job sent as an edit of it
   * (AnalyzeEditJob); the worker is given it, the in-process engine needs no copy.
   */
  readonly key?: string;
  readonly options: AnalyzeOptions;
  /** Source spans to analyse first (what is on screen). */
  readonly priority: readonly SourceSpan[];
  /** The workspace's learned table, when it has one (its key is options.learnedModel). */
  readonly learned?: LearnedTable;
  /**
   * The job whose complete result the host holds for `key`: the engine may answer with the change from that result
   * ('doneDelta') when it holds the same one. Results are remembered per key on both sides (RecentTexts) from the 'done'
   * and 'doneDelta' messages of the job the host is running.
   */
  readonly baseResult?: number;
}

/**
 * A job whose text is the last text the engine kept for `key` with one replacement applied: typing into a large
 * article changes a few characters, and posting the whole text again cost the host a copy of it. `baseLength` is the
 * kept text's length, a check that both sides hold the same one; an engine that holds another answers 'failed' with
 * `missingBase`, and the host sends the whole text.
 */
export interface AnalyzeEditJob extends Omit<AnalyzeJob, 'text' | 'key'> {
  readonly key: string;
  readonly baseLength: number;
  readonly replacement: TextReplacement;
}

/** Learn corrections of one article on top of `table` (null: nothing learned yet); answered with the new table. */
export interface LearnRequest {
  readonly requestId: number;
  readonly table: LearnedEntityModelData | null;
  readonly text: string;
  readonly corrections: readonly EntityCorrection[];
}

/**
 * Find an article's quotations and its resolved dates' sentences (the work the Quotations and Timeline views need of
 * each article of the workspace index): seconds for a megabyte, so it is done in the engine, between its analysis jobs.
 */
export interface PrepareRequest {
  readonly requestId: number;
  readonly text: string;
  readonly analysis: Pick<Analysis, 'entities' | 'dates'>;
}

export type EngineToHost =
  | { readonly type: 'partial'; readonly jobId: number; readonly analysis: Analysis; readonly covered: number; readonly total: number }
  | { readonly type: 'done'; readonly jobId: number; readonly analysis: Analysis; readonly reused: number; readonly analysed: number; readonly millis: number }
  /** The complete result as the change from the result of job `base` (the job's baseResult). */
  | { readonly type: 'doneDelta'; readonly jobId: number; readonly base: number; readonly delta: AnalysisDelta; readonly reused: number; readonly analysed: number; readonly millis: number }
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string; readonly missingBase?: true };

/** What the engine itself posts about a job; its message loop may send a 'done' as a 'doneDelta'. */
export type EngineResult = Exclude<EngineToHost, { readonly type: 'doneDelta' }>;

/** The answer to a LearnRequest: the new table and how many corrections it learned, or why it could not. */
export type LearnAnswer =
  | { readonly type: 'learned'; readonly requestId: number; readonly data: LearnedEntityModelData; readonly learned: number }
  | { readonly type: 'learnFailed'; readonly requestId: number; readonly message: string };

/**
 * A PrepareRequest for the text and the complete result the engine keeps for `key` (from job `resultOf`): a large
 * article's analysis is not cloned into the engine again. An engine that no longer holds them answers 'prepareFailed'
 * with `missingBase`, and the host sends the whole request.
 */
export interface PrepareHeldRequest {
  readonly requestId: number;
  readonly key: string;
  readonly resultOf: number;
}

/** The answer to a PrepareRequest. */
export type PrepareAnswer =
  | { readonly type: 'prepared'; readonly requestId: number; readonly prepared: PreparedArticle }
  | { readonly type: 'prepareFailed'; readonly requestId: number; readonly message: string; readonly missingBase?: true };

/** Finds a request's quotations and sentences: in the engine's message loop, or on the host when there is no worker. */
export function prepareAnswer(request: PrepareRequest): PrepareAnswer {
  try {
    return { type: 'prepared', requestId: request.requestId, prepared: prepareArticle(request.text, request.analysis) };
  } catch (error) {
    return { type: 'prepareFailed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Everything the engine posts to the host. */
export type EngineMessage = EngineToHost | LearnAnswer | PrepareAnswer;

export type HostToEngine =
  | ({ readonly type: 'analyze' } & AnalyzeJob)
  | ({ readonly type: 'analyzeEdit' } & AnalyzeEditJob)
  | { readonly type: 'cancel'; readonly jobId: number }
  | { readonly type: 'prioritize'; readonly jobId: number; readonly priority: readonly SourceSpan[] }
  | ({ readonly type: 'learn' } & LearnRequest)
  | ({ readonly type: 'prepare' } & PrepareRequest)
  | ({ readonly type: 'prepareHeld' } & PrepareHeldRequest);

/** Marker passed as workerData so the bundle knows it runs as the analysis worker. */
export const WORKER_MARKER = 'articleAnnotatorAnalysisWorker';
