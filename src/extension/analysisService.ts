// Analyses articles without blocking the extension host: a worker thread when possible, time-sliced in-process otherwise.
import * as vscode from 'vscode';
import type { Analysis, AnalyzeOptions } from '../core/nlp/analysisModel';
import type { SegmentedAnalysisEngine } from './analysisEngine';
import type { EntityCorrection } from '../core/nlp/entityLearning';
import type { LearnedEntityModelData } from '../core/nlp/learnedEntityModel';
import { type EngineMessage, type EngineResult, type EngineToHost, type HostToEngine, type IndexedArticle, indexedArticle, type IndexRequest, isIndexedArticle, type LearnAnswer, type LearnedTable, type LearnRequest, prepareAnswer, type PrepareAnswer, type PrepareRequest, type SourceSpan } from './analysisProtocol';
import type { PreparedArticle } from '../core/corpus/corpusIndex';
import type { AnalysisHost, EngineWorker } from './platform/analysisHost';
import type { ArticleDocument } from './articleDocuments';
import { type AliasEntries, applyAnalysisDeltaWithEntries } from '../core/nlp/analysisDelta';
import { shareAnalysisStrings, shareMentionStrings, sharePackedStrings, shareQuotationStrings } from '../core/nlp/shareAnalysisStrings';
import { RecentTexts } from '../core/text/recentTexts';
import { replacementBetween } from '../core/text/textDifference';
import { hostStrings } from './hostStrings';

export interface AnalysisUpdate {
  readonly key: string;
  /** The exact source text the analysis is for; callers skip it if their text has moved on. */
  readonly text: string;
  readonly analysis: Analysis;
  /** False while only part of the article (the visible part first) has been analysed. */
  readonly complete: boolean;
}

/** What an article's analysis options are decided from: its key, its file and the text analysed. */
export type ArticleSource = Pick<ArticleDocument, 'key' | 'sourceUri' | 'sourceText'>;

export interface AnalysisRunStats {
  readonly key: string;
  readonly characters: number;
  readonly millis: number;
  readonly analysedSlices: number;
  readonly reusedSlices: number;
  readonly inWorker: boolean;
}

interface Job {
  readonly id: number;
  readonly key: string;
  readonly text: string;
  readonly options: AnalyzeOptions;
  readonly optionsKey: string;
  priority: readonly SourceSpan[];
  /** An editor's job is answered with the Analysis; a workspace-index job with the IndexedArticle (see `index`). */
  readonly waiters: ((result: Analysis | IndexedArticle | undefined) => void)[];
  /** A workspace-index job: runs after every editor's job, its result is neither kept in `latest` nor announced. */
  background: boolean;
  /** What a workspace-index job asks for besides the analysis (an editor's job has none). */
  readonly index?: IndexRequest;
  /** The learned table the options' key names, sent with the job. */
  readonly learned: LearnedTable | undefined;
}

/** A one-off request to the engine (learn corrections, prepare an article), answered by requestId. */
interface PendingRequest {
  readonly request: ({ readonly type: 'learn' } & LearnRequest) | ({ readonly type: 'prepare' } & PrepareRequest);
  readonly settle: (answer: LearnAnswer | PrepareAnswer) => void;
  readonly reject: (error: Error) => void;
}

/** How many superseded analyses a hover or command waits through before settling for the newest partial result. */
const SUPERSEDED_RETRIES = 4;

/** One job runs at a time; a newer request for the same article replaces its queued or running job. */
export class AnalysisService implements vscode.Disposable {
  private worker: EngineWorker | undefined;
  /** The worker is started with the first job, not at activation; after it failed once, analysis stays in-process. */
  private workerTried = false;
  private inProcess: SegmentedAnalysisEngine | undefined;
  private inProcessScheduled = false;
  private running: Job | undefined;
  private readonly queue = new Map<string, Job>();
  private readonly backgroundQueue = new Map<string, Job>();
  private completedRuns = 0;
  private readonly latest = new Map<string, AnalysisUpdate & { readonly optionsKey: string }>();
  private readonly stats = new Map<string, AnalysisRunStats>();
  private nextId = 1;
  private disposed = false;
  private readonly emitter = new vscode.EventEmitter<AnalysisUpdate>();
  /** Fires for partial (visible part first) and complete results. */
  readonly onDidAnalyze = this.emitter.event;

  /** The text the worker holds for each article it was last sent (the same RecentTexts the worker keeps). */
  private readonly workerTexts = new RecentTexts();
  /**
   * The worker's last complete result for each article, as the worker keeps it: a job names it, and the worker sends
   * the new result as the change from it (a megabyte's result cloned whole into this host, and its garbage collected,
   * stalled the editor after each pause in typing).
   */
  private readonly workerResults = new RecentTexts<{ readonly jobId: number; readonly analysis: Analysis; aliasEntries: AliasEntries | undefined }>();


  private readonly requests = new Map<number, PendingRequest>();
  private nextRequestId = 1;
  /** The workspace's learned table (set by LearnedCorrections); jobs whose options name its key carry it. */
  learnedTable: () => LearnedTable | undefined = () => undefined;

  private readonly invalidateEmitter = new vscode.EventEmitter<string | undefined>();
  /** Fires with an article key (or undefined for all) when its analysis options changed and views should ask again. */
  readonly onDidInvalidate = this.invalidateEmitter.event;

  constructor(
    /** How this extension host starts the engine's worker and loads the engine (Node or browser). */
    private readonly host: AnalysisHost,
    private readonly log: vscode.LogOutputChannel,
    /** An article's analysis options (its date, the user lexicon, its file's date): the one function the workspace index uses too. */
    private readonly optionsFor: (article: ArticleSource) => AnalyzeOptions,
    /** False runs every job in-process (the fallback path, also what tests of it use). */
    useWorker = true,
  ) {
    this.workerTried = !useWorker;
  }

  /** Analyses an open article with its current options; visible source spans go first. */
  analyzeDocument(article: ArticleDocument, priority: readonly SourceSpan[] = []): Promise<Analysis | undefined> {
    return this.analyze(article.key, article.sourceText, this.optionsFor(article), priority);
  }

  /** The newest result for this article if it is for exactly its current text and options. */
  currentFor(article: ArticleDocument): AnalysisUpdate | undefined {
    const latest = this.latest.get(article.key);
    // the lengths first: after a keystroke they differ, and the document's text is not joined just to find that out
    if (!latest || latest.text.length !== article.sourceLength || latest.text !== article.sourceText || latest.optionsKey !== JSON.stringify(this.optionsFor(article))) return undefined;
    return latest;
  }

  /**
   * The complete analysis of an open article: the current one, else the one on its way, waited for at most
   * `waitMillis` or until cancelled; then the newest partial result (better than nothing when the full one takes long).
   */
  async completeFor(article: ArticleDocument, token?: vscode.CancellationToken, waitMillis = 8000): Promise<Analysis | undefined> {
    const current = this.currentFor(article);
    if (current?.complete) return current.analysis;
    let timer: NodeJS.Timeout | undefined;
    let cancel: vscode.Disposable | undefined;
    let over = false;
    const gaveUp = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), waitMillis);
      cancel = token?.onCancellationRequested(() => resolve(undefined));
    }).finally(() => (over = true));
    try {
      // a job superseded while waited for (the lexicon or the learned table changed, a newer edit) resolves with
      // undefined: wait for the one that replaced it instead of answering with nothing (a few times, never forever)
      for (let attempt = 0; attempt < SUPERSEDED_RETRIES; attempt++) {
        const complete = await Promise.race([this.analyzeDocument(article), gaveUp]);
        if (complete) return complete;
        if (over) break;
      }
      return this.currentFor(article)?.analysis;
    } finally {
      if (timer) clearTimeout(timer);
      cancel?.dispose();
    }
  }

  /** Call when an article's date or the lexicon changed: listeners re-request and get re-resolved results. */
  invalidate(key?: string): void {
    this.invalidateEmitter.fire(key);
  }

  /** The newest result for an article, partial or complete, whatever text it was for. */
  current(key: string): AnalysisUpdate | undefined {
    return this.latest.get(key);
  }

  /** Timing of the last complete run for an article. */
  lastRun(key: string): AnalysisRunStats | undefined {
    return this.stats.get(key);
  }

  get usesWorker(): boolean {
    return this.worker !== undefined;
  }

  /** Analyses `text` unless the same text and options are already analysed or on their way; resolves with the complete result (undefined if superseded). */
  analyze(key: string, text: string, options: AnalyzeOptions, priority: readonly SourceSpan[] = []): Promise<Analysis | undefined> {
    const optionsKey = JSON.stringify(options);
    const done = this.latest.get(key);
    if (done && done.complete && done.text === text && done.optionsKey === optionsKey) return Promise.resolve(done.analysis);
    // a workspace-index job is not joined: it is answered without the Analysis an editor needs (it waits, and finds the
    // slices analysed for the editor's job in the engine's cache)
    const same = (job: Job | undefined): job is Job => job !== undefined && job.index === undefined && job.key === key && job.text === text && job.optionsKey === optionsKey;
    const existing = same(this.running) ? this.running : this.queue.get(key);
    if (same(existing)) {
      if (priority.length > 0) this.prioritize(key, priority);
      return new Promise((resolve) => existing.waiters.push(analysisOnly(resolve)));
    }
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, key, text, options, optionsKey, priority, waiters: [analysisOnly(resolve)], background: false, learned: this.tableFor(options) };
      const queued = this.queue.get(key);
      if (queued) for (const w of queued.waiters) w(undefined);
      this.queue.set(key, job);
      if (this.running?.key === key && !this.running.background) this.cancelRunning();
      this.preemptBackground();
      this.pump();
    });
  }

  /**
   * Analyses an article for the workspace index: after every editor's job, without partial results, and without
   * keeping or announcing the result (`latest`, `onDidAnalyze` are for what editors show). The engine answers with the
   * article as the index keeps it (IndexedArticle: packed, its cache entry serialised, its quotations found as `request`
   * asks). Joins an editor's job for the same text and options (its Analysis is then packed here, and the quotations
   * left to the caller). Resolves with undefined when a newer background request for the key replaced it.
   */
  indexInBackground(key: string, text: string, options: AnalyzeOptions, request: IndexRequest): Promise<IndexedArticle | undefined> {
    const optionsKey = JSON.stringify(options);
    const fromEditor = (analysis: Analysis): IndexedArticle => ({ ...indexedArticle(text, analysis, { ...request, prepare: false }), analysis });
    const done = this.latest.get(key);
    if (done && done.complete && done.text === text && done.optionsKey === optionsKey) return Promise.resolve(fromEditor(done.analysis));
    const requestKey = JSON.stringify(request);
    const same = (job: Job | undefined): job is Job => job !== undefined && job.key === key && job.text === text && job.optionsKey === optionsKey && (job.index === undefined || JSON.stringify(job.index) === requestKey);
    const existing = [this.running, this.queue.get(key), this.backgroundQueue.get(key)].find(same);
    // an editor's job joined answers with its Analysis, packed here
    const answer = (resolve: (article: IndexedArticle | undefined) => void) => (result: Analysis | IndexedArticle | undefined): void => resolve(result === undefined || isIndexedArticle(result) ? result : fromEditor(result));
    if (existing) return new Promise((resolve) => existing.waiters.push(answer(resolve)));
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, key, text, options, optionsKey, priority: [], waiters: [answer(resolve)], background: true, learned: this.tableFor(options), index: request };
      const queued = this.backgroundQueue.get(key);
      if (queued) for (const w of queued.waiters) w(undefined);
      this.backgroundQueue.set(key, job);
      this.pump();
    });
  }

  /** Drops background requests for an article (deleted, or no longer an article); their promises resolve with undefined. */
  cancelBackground(key?: string): void {
    for (const [k, job] of [...this.backgroundQueue]) {
      if (key !== undefined && k !== key) continue;
      this.backgroundQueue.delete(k);
      for (const w of job.waiters) w(undefined);
    }
    if (this.running?.background && (key === undefined || this.running.key === key)) {
      this.cancelRunning();
      this.pump();
    }
  }

  /** Background jobs waiting (not counting the one running). */
  get backgroundPending(): number {
    return this.backgroundQueue.size;
  }

  /**
   * Learns corrections of one article on top of `table` in the engine (the worker: the NLP pipeline is not loaded on
   * the extension host), resolving with the new table; rejects when the engine cannot.
   */
  learn(table: LearnedEntityModelData | null, text: string, corrections: readonly EntityCorrection[]): Promise<{ data: LearnedEntityModelData; learned: number }> {
    return this.request({ type: 'learn', requestId: this.nextRequestId++, table, text, corrections }).then((answer) => {
      if (answer.type === 'learned') return { data: answer.data, learned: answer.learned };
      throw requestFailure(answer);
    });
  }

  /**
   * An article's quotations and its resolved dates' sentences (prepareArticle), found in the engine between its analysis
   * jobs: a megabyte's took the extension host a second and more. Rejects when the engine cannot.
   */
  prepare(key: string, text: string, analysis: Pick<Analysis, 'entities' | 'dates'>): Promise<PreparedArticle> {
    const requestId = this.nextRequestId++;
    // the worker's own copy when it holds this very result for the article (a megabyte's analysis is not cloned again)
    const held = this.worker ? this.workerResults.get(key) : undefined;
    const byKey = held && held.analysis.entities === analysis.entities && held.analysis.dates === analysis.dates && this.workerTexts.get(key) === text ? { type: 'prepareHeld' as const, requestId, key, resultOf: held.jobId } : undefined;
    return this.request({ type: 'prepare', requestId, text, analysis: { entities: analysis.entities, dates: analysis.dates } }, byKey).then((answer) => {
      if (answer.type === 'prepared') return answer.prepared;
      throw requestFailure(answer);
    });
  }

  /** Sends a request (`short` first, when the worker can answer it from what it holds) and settles with its answer. */
  private request(request: PendingRequest['request'], short?: HostToEngine): Promise<LearnAnswer | PrepareAnswer> {
    if (this.disposed) return Promise.reject(new Error('the analysis service was closed'));
    return new Promise((settle, reject) => {
      this.requests.set(request.requestId, { request, settle, reject });
      this.sendRequest(request, short);
    });
  }

  private sendRequest(request: PendingRequest['request'], short?: HostToEngine): void {
    if (!this.workerTried) this.startWorker();
    if (this.worker) {
      this.worker.post(short ?? request);
      return;
    }
    // in-process: answered in a later turn, like the worker would
    this.host.defer(() => {
      if (request.type === 'prepare') {
        this.answer(prepareAnswer(request));
        return;
      }
      const engine = this.engineInProcess();
      this.answer(engine ? engine.learn(request) : { type: 'learnFailed', requestId: request.requestId, message: 'the analysis engine could not be loaded' });
    });
  }

  private answer(message: LearnAnswer | PrepareAnswer): void {
    const pending = this.requests.get(message.requestId);
    if (!pending) return;
    if (message.type === 'prepareFailed' && message.missingBase) {
      // the worker no longer held the article's result: the whole request, then
      this.sendRequest(pending.request);
      return;
    }
    this.requests.delete(message.requestId);
    pending.settle(message);
  }

  /** The learned table for a job with these options: the current one when the options name it. */
  private tableFor(options: AnalyzeOptions): LearnedTable | undefined {
    if (!options.learnedModel) return undefined;
    const table = this.learnedTable();
    return table?.key === options.learnedModel ? table : undefined;
  }

  /** Complete analyses run since activation (editor and background jobs; results reused from `latest` do not count). */
  get analysesRun(): number {
    return this.completedRuns;
  }

  // An editor's job does not wait for a background one: the background job goes back to the front of its queue.
  private preemptBackground(): void {
    const job = this.running;
    if (!job?.background) return;
    this.running = undefined;
    this.send({ type: 'cancel', jobId: job.id });
    const rest = [...this.backgroundQueue].filter(([k]) => k !== job.key);
    this.backgroundQueue.clear();
    this.backgroundQueue.set(job.key, { ...job, id: this.nextId++ });
    for (const [k, j] of rest) this.backgroundQueue.set(k, j);
  }

  /** Moves the given source spans of an article's running job to the front (the user scrolled). */
  prioritize(key: string, priority: readonly SourceSpan[]): void {
    const queued = this.queue.get(key);
    if (queued) queued.priority = priority;
    if (this.running?.key !== key) return;
    this.running.priority = priority;
    this.send({ type: 'prioritize', jobId: this.running.id, priority });
  }

  /** Forgets results for an article nobody shows any more, and stops analysing it. */
  forget(key: string): void {
    this.latest.delete(key);
    this.stats.delete(key);
    if (this.running?.key === key && !this.running.background) {
      this.cancelRunning();
      this.pump();
    }
    const queued = this.queue.get(key);
    if (queued) {
      this.queue.delete(key);
      for (const w of queued.waiters) w(undefined);
    }
  }

  private cancelRunning(): void {
    const job = this.running;
    if (!job) return;
    this.running = undefined;
    this.send({ type: 'cancel', jobId: job.id });
    for (const w of job.waiters) w(undefined);
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.queue.values().next();
    const job = next.done ? this.backgroundQueue.values().next().value : next.value;
    if (!job) return;
    if (job.background) this.backgroundQueue.delete(job.key);
    else this.queue.delete(job.key);
    this.running = job;
    this.sendJob(job);
  }

  /** A workspace-index job done: its result to its waiters, and the next job started. */
  private finishBackground(job: Job, result: Analysis | IndexedArticle, millis: number): void {
    this.completedRuns++;
    this.running = undefined;
    this.log.trace(`Indexed ${job.key}: ${job.text.length} characters in ${millis} ms`);
    for (const w of job.waiters) w(result);
    this.pump();
  }

  /**
   * Starts a job in the engine. The worker gets an edit of the text it holds for the article when it holds one (see
   * RecentTexts): after a pause in typing, the few characters typed rather than a copy of the whole article.
   */
  private sendJob(job: Job, whole = false): void {
    const common = { jobId: job.id, options: job.options, priority: job.priority, ...(job.learned ? { learned: job.learned } : {}), ...(job.index ? { index: job.index } : {}) };
    if (!this.workerTried) this.startWorker();
    const worker = this.worker;
    if (!worker) {
      this.send({ type: 'analyze', text: job.text, ...common });
      return;
    }
    const base = whole ? undefined : this.workerTexts.get(job.key);
    this.workerTexts.remember(job.key, job.text);
    const baseResult = this.workerResults.get(job.key)?.jobId;
    const inWorker = { ...common, ...(baseResult === undefined ? {} : { baseResult }) };
    if (base === undefined) worker.post({ type: 'analyze', text: job.text, key: job.key, ...inWorker });
    else worker.post({ type: 'analyzeEdit', key: job.key, baseLength: base.length, replacement: replacementBetween(base, job.text), ...inWorker });
  }

  private send(message: HostToEngine): void {
    if (!this.workerTried && message.type === 'analyze') this.startWorker();
    if (this.worker) {
      this.worker.post(message);
      return;
    }
    const engine = this.engineInProcess();
    if (!engine) {
      if (message.type === 'analyze') this.receive({ type: 'failed', jobId: message.jobId, message: 'the analysis engine could not be loaded' }, false);
      return;
    }
    if (message.type === 'analyze') engine.start(message);
    else if (message.type === 'cancel') engine.cancel(message.jobId);
    else if (message.type === 'prioritize') engine.prioritize(message.jobId, message.priority);
    this.scheduleInProcess();
  }

  // The NLP pipeline is loaded on the extension host only here (in Node from the worker's bundle): activation never pays for it.
  private engineInProcess(): SegmentedAnalysisEngine | undefined {
    if (this.inProcess) return this.inProcess;
    try {
      this.inProcess = this.host.loadEngine((message) => this.receive(message, false));
    } catch (error) {
      this.log.error(`Article Annotator: the analysis engine could not be loaded (${this.host.kind} host): ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.inProcess;
  }

  // In-process fallback: one short turn per macrotask, so the editor keeps responding between slices.
  private scheduleInProcess(): void {
    if (this.inProcessScheduled) return;
    this.inProcessScheduled = true;
    this.host.defer(() => {
      this.inProcessScheduled = false;
      if (!this.disposed && this.inProcess?.step()) this.scheduleInProcess();
    });
  }

  private receive(received: EngineMessage, inWorker: boolean): void {
    if (received.type === 'learned' || received.type === 'learnFailed' || received.type === 'prepared' || received.type === 'prepareFailed') {
      if (inWorker && received.type === 'prepared') shareQuotationStrings(received.prepared.quotes, hostStrings);
      this.answer(received);
      return;
    }
    const job = this.running;
    if (!job || job.id !== received.jobId) return;
    if (received.type === 'indexed') {
      // its names point at the host's shared copies (the corpus keeps them), as a cloned analysis' do
      if (inWorker) {
        sharePackedStrings(received.article.packed, hostStrings);
        if (received.article.prepared) shareQuotationStrings(received.article.prepared.quotes, hostStrings);
      }
      this.finishBackground(job, received.article, received.millis);
      return;
    }
    // a result cloned from the worker holds a copy of every name at each mention: its strings are shared before it is kept
    if (inWorker && received.type === 'done') shareAnalysisStrings(received.analysis, hostStrings);
    if (inWorker && received.type === 'doneDelta') shareMentionStrings(received.delta.entities.middle, received.delta.dates.middle, hostStrings);
    const rebuilt = received.type === 'doneDelta' ? this.fromDelta(job, received) : { message: received, aliasEntries: undefined };
    if (!rebuilt) return;
    const { message } = rebuilt;
    // (an index job's answer was handled above)
    if (message.type === 'indexed') return;
    if (message.type === 'done' && inWorker) {
      const held = { jobId: job.id, analysis: message.analysis, aliasEntries: rebuilt.aliasEntries };
      this.workerResults.remember(job.key, held);
      // the next change from this result refers to its aliases by their place: they are listed in a turn of their own
      // now, not when the change arrives (listing a megabyte's 7,000 aliases was most of applying the first change)
      if (!held.aliasEntries) this.host.defer(() => (held.aliasEntries ??= Object.entries(held.analysis.aliases)));
    }
    if (message.type === 'failed' && message.missingBase) {
      // the worker did not hold the text the edit applies to (it should, as this side does): the whole text, then
      this.log.warn(`Analysis of ${job.key}: ${message.message}; sending the whole text.`);
      this.sendJob(job, true);
      return;
    }
    if (message.type === 'failed') {
      this.log.error(`Analysis of ${job.key} failed: ${message.message}`);
      this.running = undefined;
      for (const w of job.waiters) w(undefined);
      this.pump();
      return;
    }
    const complete = message.type === 'done';
    if (job.background) {
      if (!complete) return;
      this.finishBackground(job, message.analysis, message.millis);
      return;
    }
    const update = { key: job.key, text: job.text, analysis: message.analysis, complete, optionsKey: job.optionsKey };
    this.latest.set(job.key, update);
    if (message.type === 'done') {
      this.completedRuns++;
      const stats: AnalysisRunStats = { key: job.key, characters: job.text.length, millis: message.millis, analysedSlices: message.analysed, reusedSlices: message.reused, inWorker };
      this.stats.set(job.key, stats);
      this.log.debug(`Analysed ${job.key}: ${stats.characters} characters in ${stats.millis} ms (${stats.analysedSlices} slices analysed, ${stats.reusedSlices} reused, ${inWorker ? 'worker thread' : 'in-process'})`);
      this.running = undefined;
      for (const w of job.waiters) w(message.analysis);
    }
    this.emitter.fire(update);
    if (complete) this.pump();
  }

  /**
   * The worker's complete result sent as the change from the result the job named (see workerResults); undefined, and
   * the job sent again for a whole result, when this host does not hold that one.
   */
  private fromDelta(job: Job, message: Extract<EngineToHost, { readonly type: 'doneDelta' }>): { readonly message: EngineResult; readonly aliasEntries: AliasEntries | undefined } | undefined {
    const { base, delta, ...rest } = message;
    const held = this.workerResults.get(job.key);
    if (held?.jobId !== base) {
      // cannot happen while both sides keep the same results: the whole result, then
      this.log.warn(`Analysis of ${job.key}: the worker sent a change from result ${base}, this host holds ${held?.jobId ?? 'none'}; asking for the whole result.`);
      this.workerResults.forget(job.key);
      this.sendJob(job, true);
      return undefined;
    }
    const rebuilt = applyAnalysisDeltaWithEntries(held.analysis, held.aliasEntries, delta);
    return { message: { ...rest, type: 'done', analysis: rebuilt.analysis }, aliasEntries: rebuilt.aliasEntries };
  }

  private startWorker(): void {
    this.workerTried = true;
    let worker: EngineWorker | undefined;
    try {
      worker = this.host.startWorker((message) => this.receive(message, true), (reason) => {
        if (!this.disposed && worker !== undefined && this.worker === worker) this.fallBack(reason);
      });
    } catch (error) {
      this.fallBack(`cannot start the analysis worker (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    this.worker = worker;
  }

  // Keeps working without the worker: re-runs the current job in time slices on the extension host.
  private fallBack(reason: string): void {
    if (this.disposed) return;
    this.log.warn(`Article Annotator: ${reason}; analysing in the extension host in small slices instead.`);
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
    this.workerTexts.clear();
    this.workerResults.clear();
    const job = this.running;
    if (job) this.sendJob(job);
    for (const pending of this.requests.values()) this.sendRequest(pending.request);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelRunning();
    for (const job of [...this.queue.values(), ...this.backgroundQueue.values()]) for (const w of job.waiters) w(undefined);
    this.queue.clear();
    this.backgroundQueue.clear();
    for (const pending of this.requests.values()) pending.reject(new Error('the analysis service was closed'));
    this.requests.clear();
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
    this.emitter.dispose();
    this.invalidateEmitter.dispose();
  }
}

/** A waiter of an editor's job: its result is the Analysis (an IndexedArticle, which it never gets, counts as none). */
function analysisOnly(resolve: (analysis: Analysis | undefined) => void): (result: Analysis | IndexedArticle | undefined) => void {
  return (result) => resolve(result === undefined || isIndexedArticle(result) ? undefined : result);
}

/** The error of a one-off request answered with a failure (or, by a fault of the engine, with another request's kind of answer). */
function requestFailure(answer: LearnAnswer | PrepareAnswer): Error {
  return new Error(answer.type === 'learnFailed' || answer.type === 'prepareFailed' ? answer.message : `unexpected answer '${answer.type}'`);
}
