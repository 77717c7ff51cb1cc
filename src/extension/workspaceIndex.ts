// The workspace index: every article of the workspace (files matching the article globs, and every article opened)
// analysed in the background by the analysis worker, kept in a CorpusIndex, cached on disk by content hash, pipeline
// version and the lexicon entries that touch the text. Hovers, views and navigation read the collection from here.
import * as vscode from 'vscode';
import type { WorkspaceFileEvents } from './workspaceFiles';
import { decodeArticleBytes } from '../core/article/articleText';
import { CorpusIndex, type CorpusEntity } from '../core/corpus/corpusIndex';
import { packAnalysis, unpackAnalysis, type PackedAnalysis } from '../core/corpus/packedAnalysis';
import { sha256Hex } from '../core/hash/sha256';
import { cacheOptionsKey, encodeIndexCacheEntry, INDEX_CACHE_FORMAT, type IndexCacheKey, packHeader, packIdOf, packedArticleChunks, PackReader, parseIndexCacheEntry, parseSummaryEntity, parseSummaryHeader, serializeSummaryEntity, summaryHeader } from '../core/corpus/indexCache';
import type { Analysis, AnalyzeOptions, EntityType } from '../core/nlp/analysisModel';
import { fileDateMatters } from '../core/article/articleDate';
import type { AnalysisService, ArticleSource } from './analysisService';
import type { IndexedArticle } from './analysisProtocol';
import { ARTICLE_SCHEME, articleKeyOf, sourceUriOf } from './articleKeys';
import { type ArticleDocuments } from './articleDocuments';
import { bufferRefreshDelay } from './articleProvider';
import { extensionPlatform, storageFileSystem, type StorageFileSystem } from './platform/extensionPlatform';
import { FileEventQueue } from './fileEventQueue';
import { nextMacrotask } from './platform/macrotask';
import type { SettingsWatcher } from './settings';
import { CANCEL_INDEXING_COMMAND, RESUME_INDEXING_COMMAND } from './commandIds';
import { documentText } from './documentText';
import { shareAnalysisStrings, sharePackedStrings, shareQuotationStrings } from '../core/nlp/shareAnalysisStrings';
import { hostStrings } from './hostStrings';


/** Articles read and checked against the cache together, between two yields to the event loop. */
const BATCH = 16;
/** Pause after the last change before onDidChange fires (views and hovers re-read the corpus then). */
const CHANGE_DEBOUNCE_MILLIS = 300;
/** Context key: the index has articles waiting (Stop Indexing applies). */
const INDEXING_CONTEXT = 'articleAnnotator.indexing';
/** Context key: indexing was stopped with articles left out (Resume Indexing applies). */
const STOPPED_CONTEXT = 'articleAnnotator.indexingStopped';
const CACHE_FOLDER = 'workspace-index';
const MANIFEST = 'manifest.json';
/** Every indexed article in one file (see indexCache.ts): a reopen reads it instead of two files per article. */
const PACK = 'pack.jsonl';
/** The corpus entities as the pack's articles make them, written beside it: a reopen lists them before the pack is in. */
const SUMMARY = 'summary.jsonl';
/** The pack is rewritten this long after the index settles with changes (whenIdle() writes it at once). */
const PACK_DELAY_MILLIS = 2000;
/** A burst of this many file events is followed by a search of the globs, for files whose events were dropped. */
const RESCAN_AFTER_EVENTS = 200;
const RESCAN_DELAY_MILLIS = 1000;
/** Longest stretch of work on the extension host between two yields while the pack is read or written. */
const SLICE_MILLIS = 10;
/**
 * The summary's slices at a reopen, longer: until it is read the Entities view has nothing to list, and at startup each
 * yield waits behind VS Code's and other extensions' own startup work (its 3,000 entities listed 1.1-1.6 s after the
 * index started in slices of 10 ms, with 100-190 ms of work).
 */
const SUMMARY_SLICE_MILLIS = 40;

export interface WorkspaceIndexDependencies {
  readonly analysis: AnalysisService;
  readonly articles: ArticleDocuments;
  readonly settings: SettingsWatcher;
  readonly log: vscode.LogOutputChannel;
  /** The analysis options of an article: the same function the editor's analyses use (see articleAnalysisOptions). */
  readonly optionsFor: (article: ArticleSource) => AnalyzeOptions;
  /** Notes a file's modification time, where the options of its article find it (the reading view notes it too). */
  readonly noteFileDate: (uri: vscode.Uri, mtime: number) => void;
  /** The file of an article key that is not (yet) in the index. */
  readonly sourceUriOfKey: (key: string) => vscode.Uri | undefined;
  /** The extension's file watcher. */
  readonly files: WorkspaceFileEvents;
  /** Folder for the on-disk cache (`context.storageUri`, else `globalStorageUri`); undefined keeps the index in memory only. */
  readonly storageUri: vscode.Uri | undefined;
  /** Identifies the analysis pipeline build: cache entries of another build are not used. */
  readonly pipelineVersion: string;
}

/** How the index came to know its articles (tests and the status bar read it). */
export interface WorkspaceIndexStats {
  /** Articles in the index. */
  readonly articles: number;
  /** Analyses the index asked the worker for since activation (a cached article costs none). */
  readonly analysed: number;
  /** Articles taken from the on-disk cache since activation. */
  readonly fromCache: number;
  /** Articles that could not be read or analysed. */
  readonly failed: number;
  /** Articles waiting to be (re)indexed. */
  readonly pending: number;
  /** Articles left out by Stop Indexing, until resumed (or changed). */
  readonly stopped: number;
}

/** What the status-bar item shows (tests read it; the item itself has no getter for its visibility). */
export interface WorkspaceIndexStatus {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly command: string | undefined;
}

interface Entry {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly cacheName: string;
  /**
   * Its analysis as the corpus holds it, the same object (see packedAnalysis.ts): every article's analysis is kept, open
   * or not, and as an Analysis it was tens of small objects per article for the host's collector to copy.
   */
  readonly packed: PackedAnalysis;
  readonly origin: 'cache' | 'analysis';
  /** False for an article taken from the pack until its file was read and found unchanged (or indexed anew). */
  readonly verified: boolean;
  /** Whether the on-disk cache holds this analysis (the analysis of unsaved text is not written until it is saved). */
  readonly cached: boolean;
  /**
   * Its lines of the cache's pack as bytes, made by the worker or read from the last pack, for this text, analysis, file
   * and cache name (and with its quotations and sentences when `prepared`): the next pack joins them as they are.
   */
  readonly packLines?: PackLines;
}

interface PackLines {
  readonly bytes: Uint8Array;
  readonly uri: string;
  readonly cacheName: string;
  readonly prepared: boolean;
}

/** An article's cache entry: its file's name, the key the entry is checked against, and the options it is for. */
interface CacheKey extends IndexCacheKey {
  readonly name: string;
  readonly options: AnalyzeOptions;
}

/** What the index's change event says. */
export interface WorkspaceIndexChange {
  /** The articles of the last session were just taken from the cache's pack: views can list them now. */
  readonly reopened: boolean;
}

/** How the index came back after activation: when the pack's articles were in, and when every article was checked. */
export interface WorkspaceIndexOpening {
  /** Milliseconds from start() until the pack's articles were in the index (undefined: no usable pack). */
  readonly loadedMillis: number | undefined;
  /** Articles taken from the pack. */
  readonly loaded: number;
  /** Milliseconds from asking for the pack file (read while the summary is listed) until its bytes came, and the host's work on it (parse, corpus, ranking) without the waits between slices. */
  readonly readMillis?: number;
  readonly workMillis?: number;
  /** Milliseconds from start() until the Entities view could list the collection from the cache's summary (undefined: no usable summary). */
  readonly listedMillis?: number;
  /** Entities the summary listed. */
  readonly listed?: number;
  /** Milliseconds from asking for the summary file until its bytes came, until it was listed, and the host's work on it. */
  readonly summaryReadMillis?: number;
  readonly summaryMillis?: number;
  readonly summaryWorkMillis?: number;
  /** Milliseconds from start() until the index was first complete (every article found then, checked or indexed). */
  readonly readyMillis: number | undefined;
  /** What the index held then. */
  readonly ready: WorkspaceIndexStats | undefined;
}

export class WorkspaceIndex implements vscode.Disposable {
  /** Keys are article keys (workspace-relative paths, see articleKeyOf). */
  readonly corpus = new CorpusIndex();
  private readonly entries = new Map<string, Entry>();
  /** Articles to (re)index, in order. */
  private readonly dirty = new Map<string, vscode.Uri>();
  private readonly debounces = new Map<string, { readonly timer: NodeJS.Timeout; readonly uri: vscode.Uri }>();
  /** Articles being indexed in the current batch. */
  private readonly inFlight = new Map<string, vscode.Uri>();
  /** Articles Stop Indexing left out: Resume Indexing indexes them. */
  private readonly stopped = new Map<string, vscode.Uri>();
  /**
   * The documents with unsaved changes (their URIs), followed by the documents' events: asked up to four times for each
   * article indexed, listing the workspace's documents each time allocated 11 KB per article on the host.
   */
  private readonly unsaved = new Set<string>();
  /** How many times Stop Indexing was used: a search or check under way when it is used leaves the rest of its articles out. */
  private stops = 0;
  /** When Stop Indexing was last used (Date.now(), the clock of a file's modification time). */
  private stoppedAt = 0;
  private statusShown: WorkspaceIndexStatus = { visible: false, text: '', tooltip: '', command: undefined };
  private stoppedContext = false;
  private readonly changeEmitter = new vscode.EventEmitter<WorkspaceIndexChange>();
  /** Fires (debounced) after articles were added, changed or removed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Whether the index follows the extension's file watcher yet (from start()). */
  private watching = false;
  private readonly status: vscode.StatusBarItem;
  private changeTimer: NodeJS.Timeout | undefined;
  private draining = false;
  private scanning = 0;
  private idleWaiters: (() => void)[] = [];
  /** Cache entries being written in the background; being idle includes them, so a caller finds them on disk. */
  private readonly cacheWrites = new Set<Promise<void>>();
  /** Articles' quotations and sentences being found in the analysis worker (see prepareInBackground); being idle includes them. */
  private readonly prepares = new Set<Promise<void>>();
  private disposed = false;
  private cacheReady: Promise<vscode.Uri | undefined> | undefined;
  /** Progress of the current round: how many of how many. */
  private roundDone = 0;
  private roundTotal = 0;
  private counters = { analysed: 0, fromCache: 0, failed: 0 };
  /** File events: a checkout or a sync reports thousands at once, handled a slice at a time. */
  private readonly fileEvents = new FileEventQueue(
    (uri, kind) => {
      this.burst++;
      if (kind === 'deleted') this.fileDeleted(uri);
      else this.fileChanged(uri);
    },
    () => this.burstSettled(),
  );
  /** File events of the current burst; after a large one the globs are searched again (see burstSettled). */
  private burst = 0;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  /** The host-thread share of indexing (hashing, checking, merging), one article at a time: see inLane(). */
  private lane: Promise<unknown> = Promise.resolve();
  private readonly failedKeys = new Set<string>();
  private indexingContext = false;
  private startedAtValue: number | undefined;
  private openingValue: WorkspaceIndexOpening = { loadedMillis: undefined, loaded: 0, readyMillis: undefined, ready: undefined };
  /** The pack on disk lacks changes of the index; `packTimer` rewrites it once the index settles. */
  private packDirty = false;
  private packTimer: ReturnType<typeof setTimeout> | undefined;
  private packWrite: Promise<void> | undefined;
  private longestSliceValue = { millis: 0, what: '' };
  /** The cache's summary, listed by rankedEntities() while the pack's articles come in (see loadPack). */
  private standIn: { readonly pack: string; readonly articles: number; readonly entities: readonly CorpusEntity[] } | undefined;
  private packLoaded = false;
  private packWaiters: (() => void)[] = [];

  constructor(private readonly deps: WorkspaceIndexDependencies) {
    this.status = vscode.window.createStatusBarItem('articleAnnotator.indexing', vscode.StatusBarAlignment.Left, 0);
    this.status.name = 'Article Annotator: workspace index';
    const { articles, settings } = deps;
    for (const document of vscode.workspace.textDocuments) this.noteDirty(document);
    this.disposables.push(
      this.changeEmitter,
      this.status,
      // an open article's text (unsaved edits included) is what the index holds for it
      // text being typed into a large article waits for a real pause, as its reading view does: re-indexing a megabyte
      // is work of its own (the corpus entry replaced), which at every short pause between words stalled the typing
      articles.onDidChangeArticle((change) => {
        const typed = change.documents.find((d) => d.view === 'source' && d.document.isDirty);
        this.schedule(change.key, change.sourceUri, Math.max(settings.settings.reanalyzeDelay, typed ? bufferRefreshDelay(typed.sourceLength) : 0));
      }),
      articles.onDidCloseArticle((key) => {
        const entry = this.entries.get(key);
        const uri = entry?.uri ?? deps.sourceUriOfKey(key);
        if (uri) this.schedule(key, uri, 0);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        this.noteDirty(document);
        const article = articles.get(document);
        if (article) this.schedule(article.key, article.sourceUri, 0);
      }),
      // a change of the dirty state is a change event too
      vscode.workspace.onDidChangeTextDocument(({ document }) => this.noteDirty(document)),
      vscode.workspace.onDidSaveTextDocument((document) => this.noteDirty(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.unsaved.delete(document.uri.toString())),
      settings.onDidChange((change) => {
        if (change.articleGlobs) void this.scan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
    );
  }

  /** Finds every article of the workspace and indexes what is not indexed yet (call once after activation). */
  start(): void {
    this.startedAtValue = performance.now();
    this.watch();
    void this.open();
  }

  /** The last session's articles from the cache's pack first (the views can list them at once), then every file checked. */
  private async open(): Promise<void> {
    this.scanning++;
    try {
      await this.loadPack();
    } finally {
      this.scanning--;
    }
    await this.scan();
  }

  /**
   * Every entity of the collection (of one kind, if given), most mentioned first, as the Entities view lists them: the
   * cache's summary while a reopen brings the articles in, then the corpus itself.
   */
  rankedEntities(type?: EntityType): CorpusEntity[] {
    const standIn = this.standIn;
    if (!standIn) return this.corpus.entities(type);
    return type === undefined ? [...standIn.entities] : standIn.entities.filter((e) => e.type === type);
  }

  /** How many articles the collection has (the summary's count while it stands in). */
  get articleCount(): number {
    return this.standIn?.articles ?? this.entries.size;
  }

  /** True while the entities listed come from the cache's summary: their articles and mentions are not in yet. */
  get standingIn(): boolean {
    return this.standIn !== undefined;
  }

  /** Resolves once the last session's articles are in from the cache's pack (at once when there is none). */
  whenPackLoaded(): Promise<void> {
    return this.packLoaded || this.startedAtValue === undefined ? Promise.resolve() : new Promise((resolve) => this.packWaiters.push(resolve));
  }

  /** performance.now() when start() was called (undefined before): the origin of the opening's figures. */
  get startedAt(): number | undefined {
    return this.startedAtValue;
  }

  /** How the index came back after activation (tests and the output channel read it). */
  get opening(): WorkspaceIndexOpening {
    return this.openingValue;
  }

  uriOf(key: string): vscode.Uri {
    return this.entries.get(key)?.uri ?? this.deps.sourceUriOfKey(key) ?? vscode.Uri.parse(key);
  }

  /** The article key of a file or of its reading view (`article:` URI); undefined when the URI is not an article. */
  keyOf(uri: vscode.Uri): string | undefined {
    const source = uri.scheme === ARTICLE_SCHEME ? sourceUriOf(uri) : uri;
    if (!source) return undefined;
    const key = articleKeyOf(source);
    if (uri.scheme === ARTICLE_SCHEME || this.entries.has(key) || this.deps.articles.matchesArticleGlobs(source)) return key;
    return undefined;
  }

  /** The text the corpus offsets of this article point into (undefined for an article not in the index). */
  textOf(key: string): string | undefined {
    return this.entries.get(key)?.text;
  }

  /** The analysis the corpus holds for this article (made from its packed form: a new object at each call). */
  analysisOf(key: string): Analysis | undefined {
    const packed = this.entries.get(key)?.packed;
    return packed && unpackAnalysis(packed);
  }

  /** Where the index got an article's analysis this session: the on-disk cache or an analysis run. */
  originOf(key: string): 'cache' | 'analysis' | undefined {
    return this.entries.get(key)?.origin;
  }

  /** The cache file that holds (or would hold) this article's current analysis; undefined for unsaved text (never written). */
  cacheFileOf(key: string): vscode.Uri | undefined {
    const entry = this.entries.get(key);
    const dir = this.cacheDir();
    return entry?.cached && dir ? vscode.Uri.joinPath(dir, `${entry.cacheName}.json`) : undefined;
  }

  /** True while articles are waiting or being indexed. */
  get busy(): boolean {
    return !this.idle();
  }

  get stats(): WorkspaceIndexStats {
    return { articles: this.entries.size, ...this.counters, pending: this.dirty.size + this.debounces.size, stopped: this.stopped.size };
  }

  /** The status-bar item as the user sees it. */
  get statusItem(): WorkspaceIndexStatus {
    return this.statusShown;
  }

  /** Resolves when nothing is waiting to be indexed, the cache entries are on disk and listeners have been told about the last change. */
  async whenIdle(): Promise<void> {
    if (this.idle()) this.flushChange();
    else await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    while (this.cacheWrites.size > 0 || this.prepares.size > 0) await Promise.all([...this.cacheWrites, ...this.prepares]);
    // the pack too: a caller that reloads the window next finds it on disk
    if (this.packTimer) {
      clearTimeout(this.packTimer);
      this.packTimer = undefined;
      this.packWrite ??= this.writePack().finally(() => (this.packWrite = undefined));
    }
    await this.packWrite;
  }

  /** Stops the current round: what is indexed stays; the rest waits for Resume Indexing, its next change or a rebuild. */
  cancel(): void {
    this.stops++;
    this.stoppedAt = Date.now();
    for (const [key, uri] of this.dirty) this.stopped.set(key, uri);
    for (const [key, uri] of this.inFlight) this.stopped.set(key, uri);
    for (const [key, { timer, uri }] of this.debounces) {
      clearTimeout(timer);
      this.stopped.set(key, uri);
    }
    this.dirty.clear();
    this.debounces.clear();
    this.deps.analysis.cancelBackground();
    if (this.stopped.size > 0) this.deps.log.info(`Workspace index: stopped; ${this.stopped.size} article(s) not indexed (run "Resume Indexing Articles" to index them).`);
    this.updateStatus();
    this.checkIdle();
  }

  /** Indexes the articles Stop Indexing left out. */
  resume(): void {
    const left = [...this.stopped];
    this.stopped.clear();
    for (const [key, uri] of left) this.enqueue(key, uri);
    this.updateStatus();
    this.checkIdle();
  }

  /** Forgets the on-disk cache and the index, then indexes every article again. */
  async rebuild(): Promise<void> {
    this.cancel();
    const dir = this.cacheDir();
    if (this.packTimer) clearTimeout(this.packTimer);
    this.packTimer = undefined;
    await this.packWrite;
    if (dir) await storage().delete(dir).then(undefined, () => undefined);
    this.cacheReady = undefined;
    for (const key of [...this.entries.keys()]) this.remove(key);
    this.failedKeys.clear();
    this.stopped.clear();
    await this.scan();
  }

  // ---- discovering articles ----

  /**
   * Follows the files of the workspace from the extension's watcher, once: every file created or changed (fileChanged
   * keeps articles only, a slice of the queue at a time) and every deletion (a folder deleted or renamed away takes its
   * articles along, and is reported as the folder only).
   */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const { files } = this.deps;
    this.disposables.push(
      files.onDidCreate((uri) => this.fileEvents.push(uri, 'created')),
      files.onDidChange((uri) => this.fileEvents.push(uri, 'changed')),
      files.onDidDelete((uri) => this.fileEvents.push(uri, 'deleted')),
    );
  }

  /**
   * A file watcher can drop events of a large burst (the operating system's queue overflows under load): once a burst of
   * many settles, the globs are searched once more, which costs one search and indexes only what is missing.
   */
  private burstSettled(): void {
    const large = this.burst >= RESCAN_AFTER_EVENTS;
    this.burst = 0;
    if (large && !this.disposed) {
      if (this.rescanTimer) clearTimeout(this.rescanTimer);
      this.rescanTimer = setTimeout(() => {
        this.rescanTimer = undefined;
        // what Stop Indexing left out stays out
        void this.scan(true);
      }, RESCAN_DELAY_MILLIS);
    }
    this.checkIdle();
  }

  private fileChanged(uri: vscode.Uri): void {
    if (!this.deps.articles.matchesArticleGlobs(uri)) return;
    const key = articleKeyOf(uri);
    if (this.stopped.has(key)) void this.changedWhileStopped(key, uri);
    else this.schedule(key, uri, 0);
  }

  /**
   * An article Stop Indexing left out is indexed once it changes after the stop, not for an event of a change made before
   * it: the watcher can deliver a burst of creations seconds late, and they undid the stop.
   */
  private async changedWhileStopped(key: string, uri: vscode.Uri): Promise<void> {
    this.scanning++;
    try {
      const { mtime } = await vscode.workspace.fs.stat(uri);
      if (mtime > this.stoppedAt && this.stopped.has(key)) this.schedule(key, uri, 0);
    } catch {
      // gone: its deletion's event takes it out of the stopped ones
    } finally {
      this.scanning--;
      this.checkIdle();
    }
  }

  private fileDeleted(uri: vscode.Uri): void {
    // an article itself (the common case, also thousands at once): found by its key
    const key = articleKeyOf(uri);
    const entry = this.entries.get(key);
    if (entry) {
      this.schedule(key, entry.uri, 0);
      return;
    }
    // a folder: the articles under it
    const prefix = uri.toString() + '/';
    for (const [k, e] of this.entries) if (e.uri.toString().startsWith(prefix)) this.schedule(k, e.uri, 0);
  }

  /** Every file matching the article globs and every open article; articles gone since are removed. */
  private async scan(keepStopped = false): Promise<void> {
    this.scanning++;
    try {
      // only what was indexed before the search can be gone: an article indexed meanwhile came from a watcher's event
      const before = new Set(this.entries.keys());
      const found = new Map<string, vscode.Uri>();
      const stops = this.stops;
      // a search finds thousands of files: they are sorted out a slice at a time (at once, they held the host for 80 ms)
      const slices = this.slices('finding the articles');
      for (const glob of this.deps.settings.settings.articleGlobs) {
        slices.end();
        const uris = await vscode.workspace.findFiles(glob);
        // the search itself ran elsewhere: the slice starts now
        slices.restart();
        for (const uri of uris) {
          if (this.deps.articles.matchesArticleGlobs(uri)) found.set(articleKeyOf(uri), uri);
          await slices.pause();
        }
      }
      for (const article of this.deps.articles.all()) found.set(article.key, article.sourceUri);
      if (this.disposed) return;
      for (const key of before) {
        if (!found.has(key)) this.remove(key);
        await slices.pause();
      }
      // what is indexed stays (the file watcher follows its changes): a new glob costs only its new articles; an article
      // from the pack is checked against its file
      for (const [key, uri] of found) {
        if (this.disposed) return;
        const entry = this.entries.get(key);
        if (!(keepStopped && this.stopped.has(key)) && (entry?.uri.toString() !== uri.toString() || !entry.verified)) this.enqueueUnlessStopped(key, uri, stops);
        await slices.pause();
      }
      slices.end();
      this.deps.log.info(`Workspace index: ${found.size} article(s) found.`);
    } catch (error) {
      this.deps.log.error(`Workspace index: finding the articles failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.scanning--;
      // the articles a Stop Indexing during the search left out are counted on the status-bar item
      this.updateStatus();
      this.checkIdle();
    }
  }


  // ---- indexing ----

  private schedule(key: string, uri: vscode.Uri, delay: number): void {
    const pending = this.debounces.get(key);
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.debounces.delete(key);
      this.enqueue(key, uri);
      this.checkIdle();
    }, delay);
    this.debounces.set(key, { timer, uri });
  }

  /** Enqueues, or leaves out with the rest if Stop Indexing was used since `stops` was read (the caller's work began). */
  private enqueueUnlessStopped(key: string, uri: vscode.Uri, stops: number): void {
    if (this.stops === stops) this.enqueue(key, uri);
    else this.stopped.set(key, uri);
  }

  private enqueue(key: string, uri: vscode.Uri): void {
    if (this.disposed) return;
    // a change to an article Stop Indexing left out indexes it like any other
    this.stopped.delete(key);
    if (!this.dirty.has(key)) {
      this.dirty.set(key, uri);
      this.roundTotal++;
    }
    void this.drain();
  }

  /** Re-checks every indexed article against the current lexicon and article dates; only those whose cache key changed are analysed again. */
  refreshOptions(keys?: readonly string[]): void {
    void this.refreshOptionsAsync(keys);
  }

  private async refreshOptionsAsync(keys?: readonly string[]): Promise<void> {
    this.scanning++;
    const stops = this.stops;
    try {
      const wanted = keys ?? [...this.entries.keys()];
      const slices = this.slices('checking the articles against the lexicon');
      for (const key of wanted) {
        const entry = this.entries.get(key);
        if (entry && entry.cacheName !== this.nameOf(entry, this.deps.optionsFor({ key, sourceUri: entry.uri, sourceText: entry.text }))) this.enqueueUnlessStopped(key, entry.uri, stops);
        else if (!entry && keys) this.enqueueUnlessStopped(key, this.uriOf(key), stops);
        if (!(await slices.pause())) return;
      }
      slices.end();
    } finally {
      this.scanning--;
      this.updateStatus();
      this.checkIdle();
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.dirty.size > 0 && !this.disposed) {
        const batch = [...this.dirty].slice(0, BATCH);
        for (const [key, uri] of batch) {
          this.dirty.delete(key);
          this.inFlight.set(key, uri);
        }
        this.updateStatus();
        await Promise.all(batch.map(async ([key, uri]) => {
          await this.indexOne(key, uri);
          this.inFlight.delete(key);
        }));
        this.roundDone += batch.length;
        this.updateStatus();
        await yieldToEventLoop();
        // the entity ranking follows the batch, so the Entities view's next redraw does not rank the whole corpus at once
        await this.rankInSlices();
        await yieldToEventLoop();
      }
    } finally {
      this.draining = false;
      if (this.dirty.size > 0 && !this.disposed) void this.drain();
      this.updateStatus();
      this.checkIdle();
    }
  }

  /**
   * Runs `work` after the lane's earlier work, in a macrotask of its own. The articles of a batch are read together, and
   * their reads complete together: without the lane, their hashing, checking and merging would run back to back and
   * hold the extension host for the whole batch.
   */
  private inLane<T>(work: () => T): Promise<T> {
    // the result is wrapped, so work that returns a promise holds the lane only while it runs, not until it settles
    const ran = this.lane.then(async (): Promise<{ readonly value: T } | { readonly error: unknown }> => {
      await yieldToEventLoop();
      const started = performance.now();
      try {
        return { value: work() };
      } catch (error) {
        return { error };
      } finally {
        this.measured('one article (hash, cache check, merge)', started);
      }
    });
    this.lane = ran;
    return ran.then((outcome): T => {
      if ('error' in outcome) throw outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
      return outcome.value;
    });
  }

  private async indexOne(key: string, uri: vscode.Uri): Promise<void> {
    try {
      const text = await this.readText(uri);
      if (text === undefined) {
        // deleted, unreadable, or no longer an article
        this.remove(key);
        return;
      }
      // the file's date counts only for a wire dateline without a year: only then is the file looked at
      if (fileDateMatters(text)) await this.noteFileDate(uri);
      const { options, cacheKey, cacheName, known } = await this.inLane(() => {
        const options = this.deps.optionsFor({ key, sourceUri: uri, sourceText: text });
        const entry = this.entries.get(key);
        // the text of a pause in typing is neither read from the cache nor written to it: it is not hashed for a cache
        // name (a megabyte's hash held the host 5 ms at every pause, the web host's far longer) unless it is the text
        // indexed, where the name tells whether its options changed
        const cacheKey = !this.isUnsaved(uri) || entry?.text === text ? this.cacheKey(text, options) : undefined;
        const cacheName = cacheKey?.name ?? this.unsavedName(text, options);
        const same = entry !== undefined && entry.text === text && entry.uri.toString() === uri.toString() && (entry.cacheName === cacheName || (!entry.cached && entry.cacheName === this.unsavedName(text, options)));
        if (same && !entry.verified) {
          // an article from the pack whose file is as it was: checked, and its share of the views' work done now unless
          // the pack had it (then the next pack has it)
          this.entries.set(key, { ...entry, verified: true });
          this.prepareInBackground(key, entry.text, entry.packed);
        }
        // the text being typed was saved: now its analysis is worth keeping on disk, under its content's name
        if (same && !entry.cached && cacheKey && !this.isUnsaved(uri)) {
          this.entries.set(key, { ...entry, cacheName, verified: true, cached: true });
          const packed = entry.packed;
          this.writeCacheInBackground(cacheName, () => encodeIndexCacheEntry(cacheKey, unpackAnalysis(packed)));
          this.packDirty = true;
        }
        return { options, cacheKey, cacheName, known: same };
      });
      if (known) return;
      // from the cache: an Analysis parsed here; from the worker: the article packed there (see IndexedArticle)
      let found: Analysis | undefined = cacheKey && (await this.readCache(cacheKey, text));
      let indexed: IndexedArticle | undefined;
      const origin = found ? 'cache' : 'analysis';
      let cached = found !== undefined;
      if (found) this.counters.fromCache++;
      else {
        // the text of a pause in typing is neither written (each write serialises the whole analysis) nor prepared
        const saved = !this.isUnsaved(uri);
        indexed = await this.deps.analysis.indexInBackground(key, text, options, { ...(saved && cacheKey ? { cache: cacheKey, pack: { key, uri: uri.toString(), cacheName } } : {}), prepare: saved });
        if (!indexed) {
          // superseded (a newer text is queued), cancelled, or the analysis failed (logged by the service)
          return;
        }
        this.counters.analysed++;
        found = indexed.analysis;
        // (made for this text, which was saved when asked for: keyed by its content, the entry is right whatever came since)
        const entryBytes = indexed.cacheEntry;
        cached = entryBytes !== undefined;
        if (entryBytes) this.writeCacheInBackground(cacheName, () => entryBytes);
        if (indexed.prepareProblem !== undefined) this.deps.log.warn(`Workspace index: the quotations and sentences of ${key} could not be found in the analysis worker (${indexed.prepareProblem}); the views find them when shown.`);
      }
      // the analysis itself is let go once the article joined the corpus and its quotations were asked for: the index
      // keeps it packed
      const foundCached = cached;
      // the worker could not find them: the views find them when shown (asking the worker again would fail again)
      const prepareFailed = indexed?.prepareProblem !== undefined;
      let packed: PackedAnalysis | undefined;
      const joined = (): void => {
        // this article's share of the Quotations and Timeline views' work, now rather than all articles' on their next redraw;
        // not for the text of a pause in typing: in a large article that is a second of the host's time at every pause,
        // spent again at the next one, and wanted only if one of those views is shown
        // (found in the worker with its analysis, they joined the corpus with it)
        if (packed && !prepareFailed && (foundCached || !this.isUnsaved(uri))) this.prepareInBackground(key, text, packed, found);
        found = undefined;
        this.failedKeys.delete(key);
        this.stopped.delete(key);
        this.changed();
      };
      const first = await this.inLane(() => {
        // kept even when the article is queued again meanwhile (a late watcher event, a second lexicon change): the next
        // run finds this text and options indexed and analyses nothing; a changed text is analysed then
        if (this.disposed || !(indexed ?? found)) return undefined;
        packed = indexed?.packed ?? packAnalysis(found!);
        const prepared = indexed?.prepared;
        const packLines = indexed?.packLines && { bytes: indexed.packLines, uri: uri.toString(), cacheName, prepared: prepared !== undefined };
        indexed = undefined;
        this.entries.set(key, { uri, text, cacheName, packed, origin, verified: true, cached: foundCached, ...(packLines ? { packLines } : {}) });
        // nor is it packed (serialising a large article and the whole pack again at every pause in typing): a reopen
        // finds the saved file, not this text, and indexes it
        if (foundCached) this.packDirty = true;
        // a large article's entities join the corpus over several turns of the lane (a megabyte's ten thousand mentions
        // held the host 60-120 ms at once, at every pause in typing); a small one's in this turn. Any other change of the
        // article meanwhile (its removal, a newer text) finishes this one first.
        const update = this.corpus.updateArticle(key, packed, text, prepared);
        const done = stepsWithinSlice(update);
        if (done) joined();
        return { update, done };
      });
      if (!first || first.done) return;
      for (let done = false; !done; ) {
        done = await this.inLane(() => {
          if (this.disposed) return true;
          if (!stepsWithinSlice(first.update)) return false;
          joined();
          return true;
        });
      }
    } catch (error) {
      this.counters.failed++;
      this.failedKeys.add(key);
      this.deps.log.warn(`Workspace index: ${key} could not be indexed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private isUnsaved(uri: vscode.Uri): boolean {
    return this.unsaved.has(uri.toString());
  }

  private noteDirty(document: vscode.TextDocument): void {
    if (document.isDirty && !document.isClosed) this.unsaved.add(document.uri.toString());
    else this.unsaved.delete(document.uri.toString());
  }

  /**
   * An indexed article's share of the Quotations and Timeline views' work (its quotations, its dates' sentences), found
   * in the analysis worker (a megabyte's held this host for a second and more) and kept in the corpus and the next pack.
   * A view shown before it comes finds them itself; an article changed meanwhile keeps what it has.
   */
  private prepareInBackground(key: string, text: string, packed: PackedAnalysis, analysis?: Analysis): void {
    if (this.corpus.prepared(key) || this.disposed) return;
    const prepare: Promise<void> = this.deps.analysis
      .prepare(key, text, analysis ?? unpackAnalysis(packed))
      .then((prepared) =>
        this.inLane(() => {
          if (this.disposed || this.corpus.prepared(key)) return;
          if (!this.corpus.setPrepared(key, text, packed, prepared)) return;
          this.packDirty = true;
          this.schedulePack();
        }),
      )
      .catch((error: unknown) => {
        if (!this.disposed) this.deps.log.warn(`Workspace index: the quotations and sentences of ${key} could not be found in the analysis worker (${error instanceof Error ? error.message : String(error)}); the views find them when shown.`);
      })
      .finally(() => this.prepares.delete(prepare));
    this.prepares.add(prepare);
  }

  /** The entry's bytes are made in the lane (where they are not made already); the lane does not wait for the disk. */
  private writeCacheInBackground(cacheName: string, entry: () => Uint8Array): void {
    const write: Promise<void> = this.inLane(() => this.writeCache(cacheName, entry()))
      .then((written) => written)
      .finally(() => this.cacheWrites.delete(write));
    this.cacheWrites.add(write);
  }

  /**
   * An open document's unsaved text, else the file's; undefined when it is not an article any more. A document without
   * unsaved edits is read from disk: VS Code keeps documents for a while after their editor closed, and a file deleted
   * meanwhile must leave the index.
   */
  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const wanted = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === wanted);
    if (open?.isDirty) return documentText(open);
    // the glob first: it is one match, while finding the open articles looks at every open document
    if (!this.deps.articles.matchesArticleGlobs(uri) && this.deps.articles.documentsFor(uri).length === 0) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileIsADirectory')) return undefined;
      throw error;
    }
    const decoded = decodeArticleBytes(bytes);
    if ('problem' in decoded) {
      this.deps.log.info(`Workspace index: ${articleKeyOf(uri)} is left out: ${decoded.problem}.`);
      return undefined;
    }
    return decoded.text;
  }

  private async noteFileDate(uri: vscode.Uri): Promise<void> {
    try {
      this.deps.noteFileDate(uri, (await vscode.workspace.fs.stat(uri)).mtime);
    } catch {
      // an unsaved or vanished file has no date; the options go without one
    }
  }

  private remove(key: string): void {
    this.deps.analysis.cancelBackground(key);
    this.failedKeys.delete(key);
    this.stopped.delete(key);
    if (!this.entries.delete(key)) return;
    this.corpus.removeArticle(key);
    this.packDirty = true;
    this.changed();
  }

  // ---- the on-disk cache ----

  /** The name an indexed article's entry has with these options: its cache entry's, or for unsaved text unsavedName's. */
  private nameOf(entry: Entry, options: AnalyzeOptions): string {
    return entry.cached ? this.cacheKey(entry.text, options).name : this.unsavedName(entry.text, options);
  }

  /**
   * The name of unsaved text's entry, which is never in the cache: it tells the options apart (a change of the lexicon
   * or the article date indexes the text again), not the text, which the entry holds.
   */
  private unsavedName(text: string, options: AnalyzeOptions): string {
    return `unsaved-${hash(`${this.deps.pipelineVersion}\u0000${cacheOptionsKey(text, options)}`).slice(0, 32)}`;
  }

  /** The cache entry's name and key for a text and its options: the text hashed once, for the name and the entry's check. */
  private cacheKey(text: string, options: AnalyzeOptions): CacheKey {
    const contentHash = hash(text);
    const optionsKey = cacheOptionsKey(text, options);
    const pipeline = this.deps.pipelineVersion;
    return { name: hash(`${contentHash}\u0000${pipeline}\u0000${optionsKey}`).slice(0, 40), pipeline, contentHash, optionsKey, options };
  }

  private cacheDir(): vscode.Uri | undefined {
    return this.deps.storageUri ? vscode.Uri.joinPath(this.deps.storageUri, CACHE_FOLDER) : undefined;
  }

  /** The cache folder, checked once per session: one of another format or pipeline is discarded with a message. */
  private ensureCache(): Promise<vscode.Uri | undefined> {
    this.cacheReady ??= (async () => {
      const dir = this.cacheDir();
      if (!dir) return undefined;
      const manifestUri = vscode.Uri.joinPath(dir, MANIFEST);
      const expected = { format: INDEX_CACHE_FORMAT, pipeline: this.deps.pipelineVersion };
      try {
        let manifest: unknown;
        try {
          manifest = JSON.parse(new TextDecoder().decode(await storage().readFile(manifestUri)));
        } catch (error) {
          if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) manifest = { unreadable: true };
        }
        const current = typeof manifest === 'object' && manifest !== null && (manifest as { format?: unknown }).format === expected.format && (manifest as { pipeline?: unknown }).pipeline === expected.pipeline;
        if (manifest !== undefined && !current) {
          this.deps.log.info('Workspace index: the cache on disk is from another version or unreadable; it is discarded and rebuilt.');
          await storage().delete(dir).then(undefined, () => undefined);
        }
        if (!current) {
          await storage().createDirectory(dir);
          await storage().writeFile(manifestUri, new TextEncoder().encode(JSON.stringify(expected)));
        }
        return dir;
      } catch (error) {
        this.deps.log.warn(`Workspace index: no cache on disk this session (${error instanceof Error ? error.message : String(error)}).`);
        return undefined;
      }
    })();
    return this.cacheReady;
  }

  private async readCache(key: CacheKey, text: string): Promise<Analysis | undefined> {
    const dir = await this.ensureCache();
    if (!dir) return undefined;
    const cacheName = key.name;
    const file = vscode.Uri.joinPath(dir, `${cacheName}.json`);
    let bytes: Uint8Array;
    try {
      bytes = await storage().readFile(file);
    } catch {
      return undefined;
    }
    const parsed = await this.inLane(() => parseIndexCacheEntry(new TextDecoder().decode(bytes), text, key));
    // its names point at the host's shared copies, as a result from the worker's do (see hostStrings)
    if ('analysis' in parsed) return shareAnalysisStrings(parsed.analysis, hostStrings);
    this.deps.log.warn(`Workspace index: cache entry ${cacheName}.json discarded (${parsed.problem}); the article is analysed again.`);
    await storage().delete(file).then(undefined, () => undefined);
    return undefined;
  }

  /** Writes an entry's bytes when the cache folder is ready. */
  private async writeCache(cacheName: string, body: Uint8Array): Promise<void> {
    const dir = await this.ensureCache();
    if (!dir) return;
    await storage().writeFile(vscode.Uri.joinPath(dir, `${cacheName}.json`), body).then(undefined, (error: unknown) => {
      this.deps.log.warn(`Workspace index: could not write the cache (${error instanceof Error ? error.message : String(error)}).`);
    });
  }

  /**
   * Puts the articles of the pack in the index, unchecked; a pack of another version or a broken line costs only a
   * message. The summary beside it first: the Entities view lists the collection from it while the pack's texts and
   * analyses come in, a slice at a time.
   */
  private async loadPack(): Promise<void> {
    try {
      // the summary and the pack are read while the cache folder is checked (at activation, every wait counts)
      const storage = this.cacheDir();
      const storageFiles = storageFileSystem(vscode.workspace.fs);
      const requested = performance.now();
      const read = (name: string): Promise<ReadBytes | undefined> | undefined =>
        storage ? storageFiles.readFile(vscode.Uri.joinPath(storage, name)).then((bytes) => ({ bytes, arrived: performance.now() }), () => undefined) : undefined;
      // the summary (small) at once where the host can: at startup its event loop keeps async reads waiting a second
      const now = storage ? extensionPlatform()?.readSmallFileNow?.(vscode.Uri.joinPath(storage, SUMMARY)) : undefined;
      const summaryBytes = now ? Promise.resolve({ bytes: now, arrived: performance.now() }) : read(SUMMARY);
      const packBytes = read(PACK);
      const checking = this.ensureCache();
      // listed while the folder is checked: the summary's own header names its layout and pipeline, and it stands in only
      // until the pack it names is read from a folder found current (else it is dropped below)
      await this.loadSummary(summaryBytes, requested);
      const dir = await checking;
      if (!dir || this.disposed) return;
      await this.loadPackArticles(packBytes, requested);
    } finally {
      const wasStandingIn = this.standIn !== undefined;
      this.standIn = undefined;
      this.packLoaded = true;
      for (const resolve of this.packWaiters.splice(0)) resolve();
      // the view lists the index itself now (the same entities, unless the pack was refused)
      if (wasStandingIn && !this.disposed) this.fireChange(true);
    }
  }

  /** Reads the summary beside the pack; the Entities view lists it until the pack is in. A bad one costs only a message. */
  private async loadSummary(reading: Promise<ReadBytes | undefined> | undefined, started: number): Promise<void> {
    const read = await reading;
    if (!read || this.disposed) return;
    const { bytes } = read;
    const summaryReadMillis = read.arrived - started;
    const lines = lineReader(bytes);
    const header = parseSummaryHeader(lines.next() ?? '', this.deps.pipelineVersion);
    if (!header) {
      this.deps.log.info('Workspace index: the summary of the cache is from another version or unreadable; it is rewritten with the pack.');
      return;
    }
    const entities: CorpusEntity[] = [];
    const slices = this.slices('reading the summary', SUMMARY_SLICE_MILLIS);
    for (let line = lines.next(); line !== undefined; line = lines.next()) {
      if (line === '') continue;
      const parsed = parseSummaryEntity(line);
      if ('problem' in parsed) {
        this.deps.log.warn(`Workspace index: the summary of the cache is discarded (an entity with ${parsed.problem}); the Entities view lists the articles as they come in.`);
        return;
      }
      entities.push(parsed.entity);
      if (!(await slices.pause())) return;
    }
    const work = slices.end();
    this.standIn = { pack: header.pack, articles: header.articles, entities };
    const listedMillis = this.startedAtValue === undefined ? undefined : performance.now() - this.startedAtValue;
    this.openingValue = { ...this.openingValue, listedMillis, listed: entities.length, summaryReadMillis, summaryMillis: performance.now() - started, summaryWorkMillis: work };
    this.deps.log.info(`Workspace index: the Entities view lists ${entities.length} entities of ${header.articles} article(s) from the cache's summary ${listedMillis?.toFixed(0) ?? '?'} ms after the index started; their texts and analyses follow from the pack.`);
    this.fireChange(true);
  }

  /** The pack's articles, a slice at a time (a large article's line is parsed in a slice of its own). */
  private async loadPackArticles(reading: Promise<ReadBytes | undefined> | undefined, readStart: number): Promise<void> {
    const read = await reading;
    // no pack yet: the articles are read one by one
    if (!read || this.disposed) return;
    const { bytes } = read;
    const lines = lineReader(bytes);
    const packId = packIdOf(lines.next() ?? '', this.deps.pipelineVersion);
    if (packId === undefined) {
      this.deps.log.info('Workspace index: the pack of the cache is from another version or unreadable; it is rewritten.');
      this.packDirty = true;
      return;
    }
    if (this.standIn && this.standIn.pack !== packId) {
      // written before a crash between the pack and its summary, say: it lists another state of the collection
      this.deps.log.info('Workspace index: the summary of the cache is of another pack; it is not used.');
      this.standIn = undefined;
      this.fireChange(true);
    }
    const readMillis = read.arrived - readStart;
    const problems = new Map<string, number>();
    let loaded = 0;
    // the host's own work (parsing, filling the corpus, ranking) apart from the waits between slices
    const slices = this.slices('reading the pack');
    const problem = (what: string): void => void problems.set(what, (problems.get(what) ?? 0) + 1);
    // a large article's analysis comes on several lines, each parsed in a slice, and joins the corpus a step at a time
    const reader = new PackReader();
    // where the article being read began in the pack's bytes (its lines are kept for the next pack); -1: unknown (after a
    // problem), its lines are written anew
    let articleStart: number | undefined;
    for (let line = lines.next(); line !== undefined; line = lines.next()) {
      if (line === '') continue;
      const start = articleStart ?? lines.lastStart;
      const items = reader.read(line);
      articleStart = items.length === 0 ? start : items.some((item) => 'problem' in item) ? -1 : undefined;
      const whole = items.length === 1 && start >= 0 && lines.lastEnd < bytes.length ? bytes.subarray(start, lines.lastEnd + 1) : undefined;
      for (const parsed of items) {
        if ('problem' in parsed) {
          problem(parsed.problem);
          continue;
        }
        let uri: vscode.Uri;
        try {
          uri = vscode.Uri.parse(parsed.article.uri, true);
        } catch {
          problem('a bad file URI');
          continue;
        }
        // an article indexed meanwhile (opened at once) keeps what it has
        if (this.entries.has(parsed.article.key)) continue;
        // stored packed: nothing to unpack or pack again; its names point at the host's shared copies (see hostStrings)
        const { key, text, cacheName, analysis: packed, prepared } = parsed.article;
        sharePackedStrings(packed, hostStrings);
        if (prepared) shareQuotationStrings(prepared.quotes, hostStrings);
        // kept as read when they hold its quotations and sentences (lines whose quotations did not fit are written anew):
        // views into the pack's bytes, which they keep whole until every one is gone, at most the last pack read (1.8 MB
        // at 1,000 articles); a copy each holds as much while the articles are unchanged, and costs a buffer per article
        const packLines = whole && prepared ? { bytes: whole, uri: parsed.article.uri, cacheName, prepared: true } : undefined;
        this.entries.set(key, { uri, text, cacheName, packed, origin: 'cache', verified: false, cached: true, ...(packLines ? { packLines } : {}) });
        const update = this.corpus.updateArticle(key, packed, text, prepared);
        while (!update.step()) if (!(await slices.pause())) return;
        this.counters.fromCache++;
        loaded++;
      }
      if (!(await slices.pause())) return;
    }
    const cut = reader.end();
    if (cut) problem(cut.problem);
    if (problems.size > 0) {
      this.deps.log.warn(`Workspace index: ${[...problems.values()].reduce((a, b) => a + b, 0)} article(s) of the cache's pack discarded (${[...problems].map(([p, n]) => `${n}: ${p}`).join('; ')}); they are indexed again.`);
      this.packDirty = true;
    }
    let workMillis = slices.end();
    if (loaded === 0) return;
    // ranked now, so the first redraw of the Entities view lists them without ranking the whole corpus
    workMillis += await this.rankInSlices();
    const loadedMillis = this.startedAtValue === undefined ? undefined : performance.now() - this.startedAtValue;
    this.openingValue = { ...this.openingValue, loadedMillis, loaded, readMillis, workMillis };
    this.deps.log.info(
      `Workspace index: ${loaded} article(s) taken from the cache's pack ${loadedMillis?.toFixed(0) ?? '?'} ms after the index started (reading it ${readMillis.toFixed(0)} ms, parsing, indexing and ranking ${workMillis.toFixed(0)} ms in ${slices.count} slice(s)); checking them against their files.`,
    );
    if (this.standIn === undefined) this.fireChange(true);
  }

  /** Rewrites the pack from the index, a slice of articles at a time, then its summary; a write that fails costs only the pack (the entries stay). */
  private async writePack(): Promise<void> {
    const dir = await this.ensureCache();
    if (!dir || this.disposed) return;
    this.packDirty = false;
    const packId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    // encoded a line at a time in the slices (joining and encoding the whole pack at once held the host)
    const encoder = new TextEncoder();
    const chunks: Uint8Array[] = [encoder.encode(`${packHeader(this.deps.pipelineVersion, packId)}\n`)];
    const slices = this.slices('writing the pack');
    const entries = [...this.entries];
    for (const [key, entry] of entries) {
      // with its quotations and timeline sentences when found: a reopen does not find them again on this thread; a large
      // article's line is itself serialised a chunk at a time (a megabyte's took the host 100 ms at once)
      const prepared = this.corpus.prepared(key);
      const lines = entry.packLines;
      if (lines && lines.uri === entry.uri.toString() && lines.cacheName === entry.cacheName && (lines.prepared || !prepared)) {
        // made by the worker or read from the last pack: joined as they are
        chunks.push(lines.bytes);
        if (!(await slices.pause())) return;
        continue;
      }
      for (const piece of packedArticleChunks({ key, uri: entry.uri.toString(), text: entry.text, cacheName: entry.cacheName, analysis: entry.packed, ...(prepared ? { prepared } : {}) })) {
        chunks.push(encoder.encode(piece));
        if (!(await slices.pause())) return;
      }
    }
    slices.end();
    // the summary lists the corpus as the pack's articles make it
    await this.rankInSlices();
    if (this.disposed) return;
    const summary = [encoder.encode(`${summaryHeader({ pipeline: this.deps.pipelineVersion, pack: packId, articles: entries.length })}\n`)];
    const summarySlices = this.slices('writing the summary');
    for (const entity of this.corpus.rank()) {
      summary.push(encoder.encode(`${serializeSummaryEntity(entity)}\n`));
      if (!(await summarySlices.pause())) return;
    }
    summarySlices.end();
    try {
      // each written whole beside it, then renamed over it: a reopen never reads half a pack; the summary after the pack
      // it names, so a crash between the two leaves a summary that names another pack (and is not used)
      await this.writeWhole(dir, PACK, chunks);
      await this.writeWhole(dir, SUMMARY, summary);
    } catch (error) {
      this.packDirty = true;
      this.deps.log.warn(`Workspace index: could not write the cache's pack (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  private async writeWhole(dir: vscode.Uri, name: string, chunks: Uint8Array[]): Promise<void> {
    let size = 0;
    for (const chunk of chunks) size += chunk.length;
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.length;
    }
    chunks.length = 0;
    const partUri = vscode.Uri.joinPath(dir, `${name}.part`);
    await storage().writeFile(partUri, body);
    await storage().rename(partUri, vscode.Uri.joinPath(dir, name));
  }

  /** After the index settled with changes: the pack is rewritten a little later (one write for a burst of changes). */
  private schedulePack(): void {
    if (!this.packDirty || this.disposed || !this.deps.storageUri || this.packWrite) return;
    if (this.packTimer) clearTimeout(this.packTimer);
    this.packTimer = setTimeout(() => {
      this.packTimer = undefined;
      // changes came meanwhile: the next settling writes it
      if (!this.idle() || this.packWrite) return;
      this.packWrite = this.writePack().finally(() => (this.packWrite = undefined));
    }, PACK_DELAY_MILLIS);
  }

  /**
   * Brings the entity ranking up to date a slice at a time (an entity named in many articles is summed over all of
   * them: a batch's worth at once held the host for tens of milliseconds). Returns the milliseconds of work.
   */
  private async rankInSlices(): Promise<number> {
    const slices = this.slices('ranking the entities');
    while (!this.corpus.rankSome(() => slices.over)) if (!(await slices.pause())) break;
    return slices.end();
  }

  /** A loop's slices of work on the host, noted as `what` (see longestSlice). */
  private slices(what: string, millis = SLICE_MILLIS): Slices {
    return new Slices((started) => this.measured(what, started), () => this.disposed, millis);
  }

  /** Notes a stretch of the index's own work on the host (see longestSlice); returns its milliseconds. */
  private measured(what: string, started: number): number {
    const millis = performance.now() - started;
    if (millis > this.longestSliceValue.millis) this.longestSliceValue = { millis, what };
    return millis;
  }

  /**
   * The longest stretch of the index's own work on the extension host between two yields since the last reset, and
   * what it was: the index's share of the host's longest blocking stretch (tests print it).
   */
  get longestSlice(): { readonly millis: number; readonly what: string } {
    return this.longestSliceValue;
  }

  resetLongestSlice(): void {
    this.longestSliceValue = { millis: 0, what: '' };
  }

  // ---- progress, events, idleness ----

  private updateStatus(): void {
    const pending = this.dirty.size + (this.draining ? 1 : 0);
    const indexing = pending > 0 && !this.disposed;
    if (indexing !== this.indexingContext) {
      // Stop Indexing is offered in the palette only while there is something to stop
      this.indexingContext = indexing;
      void vscode.commands.executeCommand('setContext', INDEXING_CONTEXT, indexing);
    }
    const stopped = !indexing && this.stopped.size > 0 && !this.disposed;
    if (stopped !== this.stoppedContext) {
      this.stoppedContext = stopped;
      void vscode.commands.executeCommand('setContext', STOPPED_CONTEXT, stopped);
    }
    if (stopped) {
      // stopped with articles left out: the item stays, so the index is not taken for complete, and resumes on a click
      const n = this.stopped.size;
      this.roundDone = 0;
      this.roundTotal = 0;
      this.show({
        text: `$(debug-pause) Indexing stopped: ${n} not indexed`,
        tooltip: `Article Annotator stopped indexing; ${n} article${n === 1 ? '' : 's'} of the workspace ${n === 1 ? 'is' : 'are'} not in the index (hovers, the Entities view and navigation leave ${n === 1 ? 'it' : 'them'} out). Click to resume.`,
        label: `Indexing stopped, ${n} article${n === 1 ? '' : 's'} not indexed. Activate to resume.`,
        command: { command: RESUME_INDEXING_COMMAND, title: 'Resume Indexing' },
      });
      return;
    }
    if (!indexing) {
      this.hide();
      this.roundDone = 0;
      this.roundTotal = 0;
      return;
    }
    const done = Math.min(this.roundDone, this.roundTotal);
    const spec = {
      text: `$(sync~spin) Indexing articles ${done}/${this.roundTotal}`,
      tooltip: `Article Annotator is analysing the workspace's articles in the background (${done} of ${this.roundTotal}). Click to stop.`,
      label: `Indexing articles, ${done} of ${this.roundTotal}. Activate to stop.`,
      command: { command: CANCEL_INDEXING_COMMAND, title: 'Stop Indexing' },
    };
    // a handful of articles is done before the item would be read
    if (this.roundTotal >= 5) this.show(spec);
    else this.hide();
  }

  private show(spec: { text: string; tooltip: string; label: string; command: vscode.Command }): void {
    this.status.text = spec.text;
    this.status.tooltip = spec.tooltip;
    this.status.accessibilityInformation = { label: spec.label };
    this.status.command = spec.command;
    this.status.show();
    this.statusShown = { visible: true, text: spec.text, tooltip: spec.tooltip, command: spec.command.command };
  }

  private hide(): void {
    this.status.hide();
    this.statusShown = { ...this.statusShown, visible: false };
  }

  private changed(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => this.flushChange(), CHANGE_DEBOUNCE_MILLIS);
  }

  private flushChange(): void {
    if (!this.changeTimer) return;
    this.fireChange(false);
  }

  private fireChange(reopened: boolean): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    if (!this.disposed) this.changeEmitter.fire({ reopened });
  }

  private idle(): boolean {
    return this.dirty.size === 0 && this.debounces.size === 0 && !this.draining && this.scanning === 0 && !this.fileEvents.busy && this.rescanTimer === undefined;
  }

  private checkIdle(): void {
    if (!this.idle()) return;
    if (this.openingValue.readyMillis === undefined && this.startedAtValue !== undefined && !this.disposed) {
      const readyMillis = performance.now() - this.startedAtValue;
      this.openingValue = { ...this.openingValue, readyMillis, ready: this.stats };
      const { articles, fromCache, analysed } = this.stats;
      this.deps.log.info(`Workspace index: ${articles} article(s) ready ${readyMillis.toFixed(0)} ms after activation (${fromCache} from the cache, ${analysed} analysed).`);
    }
    this.schedulePack();
    if (this.idleWaiters.length === 0) return;
    this.flushChange();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  dispose(): void {
    this.disposed = true;
    for (const resolve of this.packWaiters.splice(0)) resolve();
    this.fileEvents.dispose();
    if (this.packTimer) clearTimeout(this.packTimer);
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    for (const { timer } of this.debounces.values()) clearTimeout(timer);
    this.debounces.clear();
    this.dirty.clear();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const d of this.disposables) d.dispose();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function hash(text: string): string {
  return (extensionPlatform()?.sha256Hex ?? sha256Hex)(text);
}

/** The cache's files: on the Node host without VS Code's IPC (see platform/nodeStorage.ts). */
function storage(): StorageFileSystem {
  return storageFileSystem(vscode.workspace.fs);
}

function yieldToEventLoop(): Promise<void> {
  return nextMacrotask();
}

/** A file's bytes and when they came (performance.now()). */
interface ReadBytes {
  readonly bytes: Uint8Array;
  readonly arrived: number;
}

/**
 * The one way the index's loops share the extension host: work in slices of at most SLICE_MILLIS, each noted (see
 * WorkspaceIndex.longestSlice), with a yield to the event loop between two. A loop calls pause() after each step.
 */
/** Runs an update of the corpus for at most a slice's time; true once it is complete. */
function stepsWithinSlice(update: { step(): boolean }): boolean {
  const started = performance.now();
  while (!update.step()) if (performance.now() - started > SLICE_MILLIS) return false;
  return true;
}

class Slices {
  private started = performance.now();
  /** Milliseconds of work noted so far (the waits between slices left out). */
  private work = 0;
  /** Slices so far, the current one included. */
  count = 1;

  constructor(
    private readonly note: (started: number) => number,
    private readonly disposed: () => boolean,
    private readonly millis = SLICE_MILLIS,
  ) {}

  /** Whether the current slice has had its time. */
  get over(): boolean {
    return performance.now() - this.started > this.millis;
  }

  /** Yields to the event loop if the slice is over; false once the index is disposed (the loop stops then). */
  async pause(): Promise<boolean> {
    if (!this.over) return !this.disposed();
    this.end();
    await yieldToEventLoop();
    this.restart();
    return !this.disposed();
  }

  /** A slice starts now (after the loop waited for something else). */
  restart(): void {
    this.started = performance.now();
    this.count++;
  }

  /** Notes the current slice; returns the milliseconds of work of all slices so far. */
  end(): number {
    this.work += this.note(this.started);
    this.started = performance.now();
    return this.work;
  }
}

/**
 * The lines of a file, decoded one at a time (a newline byte is never part of another UTF-8 character): decoding and
 * splitting a whole pack at once held the host for as long as the pack is large.
 */
function lineReader(bytes: Uint8Array): { next(): string | undefined; readonly lastStart: number; readonly lastEnd: number } {
  const decoder = new TextDecoder();
  let at = 0;
  /** Where the last line read starts, and its end (its line break, or the end of the bytes). */
  let lastStart = 0;
  let lastEnd = 0;
  return {
    next(): string | undefined {
      if (at >= bytes.length) return undefined;
      const end = bytes.indexOf(10, at);
      lastStart = at;
      lastEnd = end < 0 ? bytes.length : end;
      const line = decoder.decode(bytes.subarray(at, lastEnd));
      at = end < 0 ? bytes.length : end + 1;
      return line;
    },
    get lastStart(): number {
      return lastStart;
    },
    get lastEnd(): number {
      return lastEnd;
    },
  };
}
