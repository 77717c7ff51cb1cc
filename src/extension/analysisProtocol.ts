// The messages between the extension host and the analysis engine. Kept apart from analysisWorker.ts so the extension
// bundle does not pull in the NLP pipeline: it runs in the worker, and is loaded on the host only as a fallback.
import { prepareArticle, type PreparedArticle } from '../core/corpus/corpusIndex';
import { encodeIndexCacheEntry, type IndexCacheKey, packedArticleChunks } from '../core/corpus/indexCache';
import { packAnalysis, type PackedAnalysis } from '../core/corpus/packedAnalysis';
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
  /**
   * A job of the workspace index: answered with 'indexed' (the article as the index keeps it) instead of 'done', and no
   * result is kept for it on either side.
   */
  readonly index?: IndexRequest;
}

/** What the workspace index asks of an article's analysis besides the analysis itself (see IndexedArticle). */
export interface IndexRequest {
  /** The key of its cache entry: the entry's bytes are made too (none for the text of a pause in typing). */
  readonly cache?: IndexCacheKey;
  /** Whether its quotations and dates' sentences are found too. */
  readonly prepare: boolean;
  /** The article's key, file and cache name: its lines of the cache's pack are made too (see IndexedArticle.packLines). */
  readonly pack?: { readonly key: string; readonly uri: string; readonly cacheName: string };
}

/**
 * An analysed article as the workspace index keeps it, made where it was analysed (the worker): its analysis packed
 * (a typed array and one table of strings), its cache entry's bytes, its quotations and sentences. A whole Analysis
 * cloned into the extension host was an object per mention, date and alias there (270 KB per article), packed and
 * thrown away at once, serialised again for the cache and cloned back to the worker for the quotations: most of what the
 * host's young-generation collections copied while the index filled. The typed arrays are transferred, not copied.
 */
export interface IndexedArticle {
  readonly packed: PackedAnalysis;
  /** The bytes of its cache entry, when asked for. */
  readonly cacheEntry?: Uint8Array;
  /** Its quotations and sentences, when asked for and found. */
  readonly prepared?: PreparedArticle;
  /** Why they could not be found, when asked for and not found. */
  readonly prepareProblem?: string;
  /**
   * Its lines of the cache's pack (each with its line break), with its quotations and sentences when they were found,
   * when asked for: the pack is written by joining these bytes (serialised on the host, a thousand articles' analyses
   * were unpacked and walked at every pack written).
   */
  readonly packLines?: Uint8Array;
  /** The analysis itself, only where the host had it anyway (an editor's result for the same text). */
  readonly analysis?: Analysis;
}

/** The article of an index job from its analysis: in the engine, or on the host from an editor's result. */
export function indexedArticle(text: string, analysis: Analysis, request: IndexRequest): IndexedArticle {
  const packed = packAnalysis(analysis);
  const cacheEntry = request.cache ? encodeIndexCacheEntry(request.cache, analysis) : undefined;
  let prepared: PreparedArticle | undefined;
  let prepareProblem: string | undefined;
  if (request.prepare) {
    try {
      prepared = prepareArticle(text, analysis);
    } catch (error) {
      prepareProblem = error instanceof Error ? error.message : String(error);
    }
  }
  const packLines = request.pack ? new TextEncoder().encode([...packedArticleChunks({ ...request.pack, text, analysis: packed, ...(prepared ? { prepared } : {}) })].join('')) : undefined;
  return { packed, ...(cacheEntry ? { cacheEntry } : {}), ...(prepared ? { prepared } : {}), ...(prepareProblem === undefined ? {} : { prepareProblem }), ...(packLines ? { packLines } : {}) };
}

/** Whether a job's result is an IndexedArticle rather than an Analysis. */
export function isIndexedArticle(result: Analysis | IndexedArticle): result is IndexedArticle {
  return (result as Partial<IndexedArticle>).packed !== undefined;
}

/**
 * The buffers a message can hand over rather than copy (postMessage's transfer list): an indexed article's packed ints
 * and cache entry, each a buffer of its own (a view into a larger buffer would hand over the rest with it, and is copied).
 */
export function transferablesOf(message: EngineMessage): ArrayBuffer[] {
  if (message.type !== 'indexed') return [];
  const buffers: ArrayBuffer[] = [];
  for (const view of [message.article.packed.ints, message.article.cacheEntry, message.article.packLines]) {
    if (view && view.byteOffset === 0 && view.buffer instanceof ArrayBuffer && view.byteLength === view.buffer.byteLength) buffers.push(view.buffer);
  }
  return buffers;
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
  /** The complete result of an index job (AnalyzeJob.index). */
  | { readonly type: 'indexed'; readonly jobId: number; readonly article: IndexedArticle; readonly reused: number; readonly analysed: number; readonly millis: number }
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
