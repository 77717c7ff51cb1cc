// The analysis engine: the NLP pipeline over paragraph slices, visible ones first, cached by content hash, in bounded turns.
// Platform-neutral: it runs in a Node worker thread (analysisWorker.ts), a browser Web Worker (analysisWorker.web.ts)
// and, as a fallback, in time slices on the extension host itself.
import { sha256Hex } from '../core/hash/sha256';
import type { EntityTagger } from '../core/nlp/entityModel';
import { learnFromCorrections } from '../core/nlp/entityLearning';
import { LearnedEntityModel } from '../core/nlp/learnedEntityModel';
import { analyzeSegment, combineSegments, defaultEntityTagger, moveSegment, segmentSpans, type SegmentAnalysis } from '../core/nlp/pipeline';
import { type AnalyzeJob, type EngineMessage, type EngineResult, type HostToEngine, indexedArticle, type LearnAnswer, type LearnRequest, prepareAnswer, type PrepareRequest, type SourceSpan } from './analysisProtocol';
import { analysisDelta } from '../core/nlp/analysisDelta';
import type { Analysis } from '../core/nlp/analysisModel';
import { RecentTexts } from '../core/text/recentTexts';
import { applyReplacement } from '../core/text/textDifference';

/** Time budget per turn before yielding to the event loop (in-process) or checking messages (worker). */
const TURN_MILLIS = 8;
/**
 * Minimum time between two progress results after the visible part was posted. Every result is cloned into the
 * extension host and handed to every view there, so they come rarely: the visible part is what the editor shows.
 */
const PARTIAL_INTERVAL_MILLIS = 2000;
/**
 * A progress result combines every slice done so far (aliases, dates: the whole article), so on a long article it costs
 * seconds: the next one waits at least this many times as long as the last took, or the combining of progress results
 * would outgrow the analysis itself (a 1 MB article never completed).
 */
const PARTIAL_COST_FACTOR = 4;
const CACHE_LIMIT = 20_000;

/** Result of one slice moved to offset 0 (entities and acronym definitions), so it can be reused wherever the same text appears. */
type CachedSlice = SegmentAnalysis;

/** The slices of the text: exactly the pipeline's own (so the editor's names are the CLI's), long paragraphs cut after whole sentences. */
export function analysisSlices(text: string): SourceSpan[] {
  return segmentSpans(text);
}

/** Drives one job at a time per caller; `step()` does a bounded amount of work and says whether more remains. */
export class SegmentedAnalysisEngine {
  private readonly cache = new Map<string, CachedSlice>();
  /** The tagger with the workspace's learned table, rebuilt only when the table's key changes. */
  private learned: { key: string; tagger: EntityTagger } | undefined;
  private job: { job: AnalyzeJob; slices: SourceSpan[]; results: (SegmentAnalysis | undefined)[]; order: number[]; next: number; reused: number; analysed: number; started: number; priorityLeft: number; lastPartial: number; partialEvery: number; visiblePosted: boolean } | undefined;

  constructor(
    private readonly post: (message: EngineResult) => void,
    /** The slice cache's key: a SHA-256 of the text (Node's native one in a worker thread, the pure one in a browser). */
    private readonly hash: (text: string) => string = sha256Hex,
  ) {}

  get busy(): boolean {
    return this.job !== undefined;
  }

  start(job: AnalyzeJob): void {
    const table = job.learned;
    if (table && this.learned?.key !== table.key) this.learned = { key: table.key, tagger: { ...defaultEntityTagger(), learned: LearnedEntityModel.fromData(table.data) } };
    const slices = analysisSlices(job.text);
    const results: (SegmentAnalysis | undefined)[] = new Array(slices.length).fill(undefined);
    this.job = { job, slices, results, order: [], next: 0, reused: 0, analysed: 0, started: Date.now(), priorityLeft: 0, lastPartial: 0, partialEvery: PARTIAL_INTERVAL_MILLIS, visiblePosted: false };
    this.prioritize(job.jobId, job.priority);
  }

  /** Learns corrections (see learnCorrections); the in-process fallback's way to it. */
  learn(request: LearnRequest): LearnAnswer {
    return learnCorrections(request);
  }

  cancel(jobId: number): void {
    if (this.job?.job.jobId === jobId) this.job = undefined;
  }

  /** Puts the slices overlapping `priority` first among those not done yet. */
  prioritize(jobId: number, priority: readonly SourceSpan[]): void {
    const state = this.job;
    if (!state || state.job.jobId !== jobId) return;
    const pending = state.slices.map((_, i) => i).filter((i) => state.results[i] === undefined);
    const visible = (i: number): boolean => priority.some((p) => (state.slices[i]?.start ?? 0) < p.end && (state.slices[i]?.end ?? 0) > p.start);
    const first = pending.filter(visible);
    state.order = [...first, ...pending.filter((i) => !visible(i))];
    state.next = 0;
    state.priorityLeft = first.length;
    // The newly visible part is posted as soon as it is done, whatever the progress interval.
    state.visiblePosted = false;
  }

  /** Works for about TURN_MILLIS; returns true while the job has more to do. */
  step(): boolean {
    const state = this.job;
    if (!state) return false;
    const { job, slices, results } = state;
    const turnStart = Date.now();
    try {
      while (state.next < state.order.length && Date.now() - turnStart < TURN_MILLIS) {
        const index = state.order[state.next++] ?? 0;
        if (results[index] !== undefined) continue;
        const slice = slices[index] ?? { start: 0, end: 0 };
        const sliceText = job.text.slice(slice.start, slice.end);
        // a slice analysed with what the workspace learned is another slice than without it (or with another table)
        const learned = job.learned && this.learned?.key === job.learned.key ? this.learned : undefined;
        const key = learned ? `${this.hash(sliceText)}:${learned.key}` : this.hash(sliceText);
        let cached = this.cache.get(key);
        if (cached) {
          state.reused++;
        } else {
          const analysed = learned ? analyzeSegment(job.text, slice.start, slice.end, learned.tagger) : analyzeSegment(job.text, slice.start, slice.end);
          cached = moveSegment(analysed, 0);
          if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value ?? '');
          this.cache.set(key, cached);
          state.analysed++;
        }
        results[index] = moveSegment(cached, slice.start);
        if (state.priorityLeft > 0) state.priorityLeft--;
        if (state.priorityLeft === 0 && state.next < state.order.length) {
          // The visible part is done: show it now, then post progress only at a calm pace.
          const now = Date.now();
          if (!state.visiblePosted || now - state.lastPartial >= state.partialEvery) {
            state.visiblePosted = true;
            const done = results.filter((r): r is SegmentAnalysis => r !== undefined);
            const analysis = combineSegments(job.text, done, job.options);
            state.lastPartial = Date.now();
            state.partialEvery = Math.max(PARTIAL_INTERVAL_MILLIS, PARTIAL_COST_FACTOR * (state.lastPartial - now));
            this.post({ type: 'partial', jobId: job.jobId, analysis, covered: done.length, total: slices.length });
            return true;
          }
        }
      }
      if (state.next < state.order.length) return true;
      const all = results.filter((r): r is SegmentAnalysis => r !== undefined);
      this.job = undefined;
      const analysis = combineSegments(job.text, all, job.options);
      const counts = { reused: state.reused, analysed: state.analysed, millis: Date.now() - state.started };
      // an index job's article is packed, its cache entry serialised and its quotations found here, not on the host
      this.post(job.index ? { type: 'indexed', jobId: job.jobId, article: indexedArticle(job.text, analysis, job.index), ...counts } : { type: 'done', jobId: job.jobId, analysis, ...counts });
      return false;
    } catch (error) {
      this.job = undefined;
      this.post({ type: 'failed', jobId: job.jobId, message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
      return false;
    }
  }
}

/** Learns a request's corrections on top of its table: quick (a few sentences), so it runs between two turns. */
export function learnCorrections(request: LearnRequest): LearnAnswer {
  try {
    const model = request.table ? LearnedEntityModel.fromData(request.table) : LearnedEntityModel.empty();
    const learned = learnFromCorrections(model, request.text, request.corrections);
    return { type: 'learned', requestId: request.requestId, data: model.toData(), learned };
  } catch (error) {
    return { type: 'learnFailed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Runs an engine behind a message port: `defer` schedules the next turn so cancel/prioritize/analyze messages are seen
 * between turns. Returns the handler for messages from the host.
 */
export function engineMessageLoop(post: (message: EngineMessage) => void, defer: (turn: () => void) => void, hash?: (text: string) => string): (message: HostToEngine) => void {
  // The last complete result of each article, which the next one is sent as a change of when the host holds it too, and
  // the one that result was sent as a change of: a result the host passed over (typing went on and its job was
  // cancelled after it was done here) leaves the host with that one, and the next job names it again. Without it, each
  // such pause made the next result whole: a megabyte's cloned into the host, its strings shared, its garbage collected.
  type Kept = { readonly jobId: number; readonly analysis: Analysis; readonly length: number; readonly text: string };
  const results = new RecentTexts<{ readonly latest: Kept; readonly named?: Kept }>();
  const heldResult = (key: string, jobId: number | undefined): Kept | undefined => {
    const kept = results.get(key);
    return jobId === undefined || !kept ? undefined : kept.latest.jobId === jobId ? kept.latest : kept.named?.jobId === jobId ? kept.named : undefined;
  };
  const jobs = new Map<number, { readonly key: string; readonly baseResult: number | undefined; readonly length: number; readonly text: string }>();
  const engine = new SegmentedAnalysisEngine((message) => {
    const job = message.type === 'partial' ? undefined : jobs.get(message.jobId);
    if (message.type !== 'partial') jobs.delete(message.jobId);
    if (message.type !== 'done' || !job) {
      post(message);
      return;
    }
    const base = heldResult(job.key, job.baseResult);
    const latest = { jobId: message.jobId, analysis: message.analysis, length: job.length, text: job.text };
    results.remember(job.key, base ? { latest, named: base } : { latest });
    if (base === undefined) {
      post(message);
      return;
    }
    const { analysis, ...rest } = message;
    post({ ...rest, type: 'doneDelta', base: base.jobId, delta: analysisDelta(base.analysis, analysis, job.length - base.length) });
  }, hash);
  // the engine runs one job at a time: a job started replaces the one before
  const started = (jobId: number, key: string | undefined, baseResult: number | undefined, text: string): void => {
    jobs.clear();
    if (key !== undefined) jobs.set(jobId, { key, baseResult, length: text.length, text });
  };
  let scheduled = false;
  /** Prepare requests: each runs in a turn of its own when no analysis job is running (they wait for the editor's). */
  const prepares: PrepareRequest[] = [];
  const pump = (): void => {
    scheduled = false;
    if (engine.busy) engine.step();
    else {
      const request = prepares.shift();
      if (request) post(prepareAnswer(request));
    }
    if (engine.busy || prepares.length > 0) schedule();
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    defer(pump);
  };
  // the texts the host may send edits of: kept as the host keeps its copy, by the same messages in the same order
  const texts = new RecentTexts();
  return (message) => {
    if (message.type === 'learn') {
      post(learnCorrections(message));
      return;
    }
    if (message.type === 'prepare') {
      prepares.push({ requestId: message.requestId, text: message.text, analysis: message.analysis });
    } else if (message.type === 'prepareHeld') {
      // what this engine keeps for the article now: later jobs may replace it before the request's turn comes
      const held = heldResult(message.key, message.resultOf);
      if (!held) {
        post({ type: 'prepareFailed', requestId: message.requestId, message: `the engine does not hold the result of job ${message.resultOf} for ${message.key}`, missingBase: true });
        return;
      }
      prepares.push({ requestId: message.requestId, text: held.text, analysis: held.analysis });
    } else if (message.type === 'analyze') {
      if (message.key !== undefined) texts.remember(message.key, message.text);
      started(message.jobId, message.key, message.baseResult, message.text);
      engine.start(message);
    } else if (message.type === 'analyzeEdit') {
      const base = texts.get(message.key);
      if (base === undefined || base.length !== message.baseLength) {
        texts.forget(message.key);
        post({ type: 'failed', jobId: message.jobId, message: `the engine does not hold the text this edit of ${message.key} applies to`, missingBase: true });
        return;
      }
      const text = applyReplacement(base, message.replacement);
      texts.remember(message.key, text);
      started(message.jobId, message.key, message.baseResult, text);
      engine.start({ jobId: message.jobId, text, key: message.key, options: message.options, priority: message.priority, ...(message.learned ? { learned: message.learned } : {}), ...(message.index ? { index: message.index } : {}) });
    } else if (message.type === 'cancel') {
      jobs.delete(message.jobId);
      engine.cancel(message.jobId);
    } else engine.prioritize(message.jobId, message.priority);
    schedule();
  };
}
