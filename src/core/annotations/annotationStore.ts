// The workspace's annotations, article dates and lexicon, kept in one versioned value of a key-value storage (VS Code's Memento fits).
import type { Annotation } from './annotationModel';
import type { LexiconEntry } from '../nlp/analysisModel';
import { annotationProblem, emptyState, STATE_KEY, validateState, type StoredState } from './schemaVersions';
import { migrateToCurrent, NewerSchemaVersionError } from './migrations';

/** What the store writes through: `context.workspaceState` satisfies it. */
export interface StateStorage {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface Disposable {
  dispose(): void;
}

/** A tiny event emitter (the core does not use vscode's). */
export class ChangeEmitter<T> {
  private readonly listeners = new Set<(event: T) => void>();

  /** Subscribes; dispose() unsubscribes. */
  readonly event = (listener: (event: T) => void): Disposable => {
    const wrapped = (event: T): void => listener(event);
    this.listeners.add(wrapped);
    return { dispose: () => this.listeners.delete(wrapped) };
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One failing listener must not stop the others nor the store's write.
        console.error('article-annotator: a store listener failed', error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}

export interface StoreChange {
  readonly kind: 'load' | 'annotations' | 'articleDates' | 'lexicon';
  /** The articles whose annotations or date changed (empty for lexicon changes; every article on load). */
  readonly articles: readonly string[];
}

export interface AnnotationStoreOptions {
  /** Storage key; default STATE_KEY. */
  readonly key?: string;
  /**
   * Given the stored value (as a string) when it does not parse, validate or migrate, before anything may replace it:
   * back it up and report it. Until the returned promise resolves the store does not write; if it rejects, or no
   * callback is given, the store never writes over the key.
   */
  readonly onCorrupt?: (raw: string, reason: string) => PromiseLike<unknown> | void;
  /** How many annotation changes undo() remembers (default 100). */
  readonly undoLimit?: number;
  readonly now?: () => Date;
}

export interface LoadReport {
  readonly annotations: number;
  /** The version the stored value was at; undefined when nothing was stored. */
  readonly fromVersion: number | undefined;
  /** Migration ids applied. */
  readonly migrations: readonly string[];
  /** Why the stored value was (partly) rejected and handed to onCorrupt; undefined when it was fine. */
  readonly corrupt: string | undefined;
}

export interface UndoneChange {
  /** What was undone, for a message ("Add annotation 'place'"). */
  readonly description: string;
  /** Articles whose annotations changed back; re-anchor them against their current text. */
  readonly articles: readonly string[];
}

interface AnnotationChange {
  readonly before: Annotation | undefined;
  readonly after: Annotation | undefined;
}

interface UndoEntry {
  readonly description: string;
  readonly changes: readonly AnnotationChange[];
}

export class AnnotationStore {
  private readonly key: string;
  private annotations = new Map<string, Annotation>();
  private articleDatesValue: Record<string, string> = {};
  private lexiconValue: readonly LexiconEntry[] = [];
  private allCache: readonly Annotation[] | undefined;
  private byArticleCache: Map<string, Annotation[]> | undefined;
  private undoStack: UndoEntry[] = [];
  private readonly undoLimit: number;
  private readonly emitter = new ChangeEmitter<StoreChange>();
  /** Writes wait for this: resolved normally, pending while a corrupt value is being backed up, rejected if it could not be. */
  private writeGate: Promise<void> = Promise.resolve();
  private queue: Promise<void> = Promise.resolve();
  private changeCount = 0;
  private savedCount = 0;

  /** Subscribe to changes (after load and after every mutation, before it is written). */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly storage: StateStorage,
    private readonly options: AnnotationStoreOptions = {},
  ) {
    this.key = options.key ?? STATE_KEY;
    this.undoLimit = options.undoLimit ?? 100;
  }

  /**
   * Reads, migrates and validates the stored state. A value that cannot be read goes to onCorrupt and the store starts
   * empty (or with what could be salvaged) but does not write until the backup resolved. A value from a newer schema
   * version is backed up too, and then never written over (that would downgrade it): writes reject, saying why, until
   * a later load() finds a value this version reads. A migrated value is written back.
   */
  async load(): Promise<LoadReport> {
    const stored = this.storage.get(this.key);
    let state = emptyState();
    let fromVersion: number | undefined;
    let migrations: readonly string[] = [];
    let corrupt: string | undefined;
    let newerVersion: number | undefined;
    if (stored !== undefined && stored !== null) {
      try {
        const value = typeof stored === 'string' ? parseJson(stored) : stored;
        const migrated = migrateToCurrent(value, this.now());
        fromVersion = migrated.fromVersion;
        migrations = migrated.applied;
        const validated = validateState(migrated.value);
        state = validated.state;
        if (validated.problems.length > 0) {
          const shown = validated.problems.slice(0, 5).join('; ');
          corrupt = `${validated.problems.length} invalid item(s) left out: ${shown}${validated.problems.length > 5 ? '; …' : ''}`;
        }
      } catch (error) {
        corrupt = error instanceof Error ? error.message : String(error);
        if (error instanceof NewerSchemaVersionError) newerVersion = error.version;
        state = emptyState();
      }
    }
    this.annotations = new Map(state.annotations.map((a) => [a.id, a]));
    this.articleDatesValue = { ...state.articleDates };
    this.lexiconValue = state.lexicon;
    this.undoStack = [];
    this.invalidate();
    if (corrupt !== undefined) this.blockWritesUntilBackedUp(stored, corrupt, newerVersion);
    else this.allowWrites();
    this.emitter.fire({ kind: 'load', articles: this.articles() });
    if (migrations.length > 0 && corrupt === undefined) await this.persist();
    return { annotations: this.annotations.size, fromVersion, migrations, corrupt };
  }

  /** Why writes are refused, or undefined when they are not (blocked only after a failed backup). */
  get writeError(): string | undefined {
    return this.writeBlockedReason;
  }
  private writeBlockedReason: string | undefined;

  all(): readonly Annotation[] {
    this.allCache ??= [...this.annotations.values()];
    return this.allCache;
  }

  get(id: string): Annotation | undefined {
    return this.annotations.get(id);
  }

  forArticle(article: string): readonly Annotation[] {
    if (!this.byArticleCache) {
      this.byArticleCache = new Map();
      for (const annotation of this.annotations.values()) {
        const list = this.byArticleCache.get(annotation.article);
        if (list) list.push(annotation);
        else this.byArticleCache.set(annotation.article, [annotation]);
      }
    }
    return this.byArticleCache.get(article) ?? [];
  }

  /** Articles that have annotations, sorted. */
  articles(): string[] {
    this.forArticle('');
    return [...(this.byArticleCache?.keys() ?? [])].sort();
  }

  /** Adds new annotations (ids must be new). Resolves when written. */
  add(annotation: Annotation | readonly Annotation[], description?: string): Promise<void> {
    const list = Array.isArray(annotation) ? (annotation as readonly Annotation[]) : [annotation as Annotation];
    const seen = new Set<string>();
    for (const a of list) {
      checkAnnotation(a);
      if (this.annotations.has(a.id) || seen.has(a.id)) throw new RangeError(`An annotation with id ${a.id} already exists`);
      seen.add(a.id);
    }
    return this.commit(
      description ?? (list.length === 1 ? `Add annotation '${list[0].label}'` : `Add ${list.length} annotations`),
      list.map((a) => ({ before: undefined, after: a })),
    );
  }

  /** Replaces stored annotations with these versions (matched by id, which must exist). Resolves when written. */
  update(annotation: Annotation | readonly Annotation[], description?: string): Promise<void> {
    const list = Array.isArray(annotation) ? (annotation as readonly Annotation[]) : [annotation as Annotation];
    const changes = list.map((a) => {
      checkAnnotation(a);
      const before = this.annotations.get(a.id);
      if (!before) throw new RangeError(`No annotation with id ${a.id}`);
      return { before, after: a };
    });
    return this.commit(description ?? (list.length === 1 ? `Edit annotation '${list[0].label}'` : `Edit ${list.length} annotations`), changes);
  }

  /** Removes annotations by id; unknown ids are ignored. Resolves to how many were removed, once written. */
  async remove(id: string | readonly string[], description?: string): Promise<number> {
    const ids = typeof id === 'string' ? [id] : id;
    const changes: AnnotationChange[] = [];
    for (const one of new Set(ids)) {
      const before = this.annotations.get(one);
      if (before) changes.push({ before, after: undefined });
    }
    if (changes.length === 0) return 0;
    await this.commit(description ?? (changes.length === 1 ? `Delete annotation '${changes[0].before?.label ?? ''}'` : `Delete ${changes.length} annotations`), changes);
    return changes.length;
  }

  /**
   * Makes `annotations` the article's whole set (after re-anchoring or following edits). Undoable unless
   * `undoable: false`, which edit-following should pass: the text's own undo moves them back. With `deferWrite: true`
   * the change is made in memory at once but not written: the next write carries it, or call save() (edit-following
   * debounces its writes this way).
   */
  replaceArticle(article: string, annotations: readonly Annotation[], options: { readonly undoable?: boolean; readonly description?: string; readonly deferWrite?: boolean } = {}): Promise<void> {
    const next = new Map<string, Annotation>();
    for (const a of annotations) {
      checkAnnotation(a);
      if (a.article !== article) throw new RangeError(`Annotation ${a.id} belongs to ${a.article}, not ${article}`);
      if (next.has(a.id)) throw new RangeError(`Duplicate annotation id ${a.id}`);
      const elsewhere = this.annotations.get(a.id);
      if (elsewhere && elsewhere.article !== article) throw new RangeError(`Annotation ${a.id} already belongs to ${elsewhere.article}`);
      next.set(a.id, a);
    }
    const changes: AnnotationChange[] = [];
    for (const before of this.forArticle(article)) {
      const after = next.get(before.id);
      if (after !== before) changes.push({ before, after });
    }
    for (const after of next.values()) if (!this.annotations.has(after.id)) changes.push({ before: undefined, after });
    if (changes.length === 0) return this.queue;
    return this.commit(options.description ?? `Update annotations of ${article}`, changes, options.undoable ?? true, options.deferWrite ?? false);
  }

  /** True while a change is in memory that no finished write holds yet (deferred or still being written). */
  get hasUnsavedChanges(): boolean {
    return this.savedCount < this.changeCount;
  }

  /** Writes changes made with `deferWrite` (and waits for any write in flight); resolves when they are stored. */
  save(): Promise<void> {
    return this.hasUnsavedChanges ? this.persist() : this.queue;
  }

  /** Whether undo() has something to undo. */
  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  /** Describes what undo() would undo. */
  get undoDescription(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.description;
  }

  /**
   * Undoes the last annotation change (add, update, remove, bulk). An annotation that has followed edits since keeps its
   * current place. Resolves to what was undone (undefined when nothing was), once written.
   */
  async undo(): Promise<UndoneChange | undefined> {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    const articles = new Set<string>();
    for (const { before, after } of [...entry.changes].reverse()) {
      const id = (before ?? after)?.id;
      if (id === undefined) continue;
      const current = this.annotations.get(id);
      if (before === undefined) {
        this.annotations.delete(id);
      } else if (current && after && current.article === before.article && !samePlace(current, after)) {
        // It moved with the text since: restore label/note/etc. but not a stale place.
        this.annotations.set(id, { ...before, position: current.position, quote: current.quote, status: current.status });
      } else {
        this.annotations.set(id, before);
      }
      if (current) articles.add(current.article);
      articles.add(before?.article ?? after?.article ?? '');
    }
    articles.delete('');
    this.invalidate();
    this.emitter.fire({ kind: 'annotations', articles: [...articles].sort() });
    await this.persist();
    return { description: entry.description, articles: [...articles].sort() };
  }

  get articleDates(): Readonly<Record<string, string>> {
    return this.articleDatesValue;
  }

  articleDate(article: string): string | undefined {
    return this.articleDatesValue[article];
  }

  /** Sets (YYYY-MM-DD) or clears (null) the user's date for an article. */
  setArticleDate(article: string, date: string | null): Promise<void> {
    if (date !== null && !/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
    const next = { ...this.articleDatesValue };
    if (date === null) delete next[article];
    else next[article] = date;
    this.articleDatesValue = next;
    this.emitter.fire({ kind: 'articleDates', articles: [article] });
    return this.persist();
  }

  get lexicon(): readonly LexiconEntry[] {
    return this.lexiconValue;
  }

  /** Adds a correction, replacing any entry for the same text (case-sensitive, trimmed). */
  addLexiconEntry(entry: LexiconEntry): Promise<void> {
    const text = entry.text.trim();
    if (text === '') throw new RangeError('A lexicon entry needs a text');
    if (entry.action === 'retype' && entry.type === undefined) throw new RangeError('A retype entry needs a type');
    const clean: LexiconEntry = entry.type === undefined ? { text, action: entry.action } : { text, action: entry.action, type: entry.type };
    return this.setLexicon([...this.lexiconValue.filter((e) => e.text !== text), clean]);
  }

  /** Removes the entry for `text`; resolves to whether there was one. */
  async removeLexiconEntry(text: string): Promise<boolean> {
    const next = this.lexiconValue.filter((e) => e.text !== text.trim());
    if (next.length === this.lexiconValue.length) return false;
    await this.setLexicon(next);
    return true;
  }

  /** Replaces the whole lexicon (import). */
  setLexicon(entries: readonly LexiconEntry[]): Promise<void> {
    this.lexiconValue = [...entries];
    this.emitter.fire({ kind: 'lexicon', articles: [] });
    return this.persist();
  }

  /** The state as it is stored. */
  snapshot(): StoredState {
    return { schemaVersion: 1, annotations: this.all(), articleDates: this.articleDatesValue, lexicon: this.lexiconValue };
  }

  /** Resolves when every write requested so far has finished (rejects if the last one failed). */
  flush(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private commit(description: string, changes: readonly AnnotationChange[], undoable = true, deferWrite = false): Promise<void> {
    for (const { before, after } of changes) {
      if (after) this.annotations.set(after.id, after);
      else if (before) this.annotations.delete(before.id);
    }
    if (undoable) {
      this.undoStack.push({ description, changes });
      if (this.undoStack.length > this.undoLimit) this.undoStack.splice(0, this.undoStack.length - this.undoLimit);
    }
    this.invalidate();
    const articles = new Set<string>();
    for (const { before, after } of changes) {
      if (before) articles.add(before.article);
      if (after) articles.add(after.article);
    }
    this.emitter.fire({ kind: 'annotations', articles: [...articles].sort() });
    if (deferWrite) {
      // Counted as a change, so the next write (any kind) carries it and save() knows there is something to write.
      this.changeCount += 1;
      return Promise.resolve();
    }
    return this.persist();
  }

  /**
   * Queues a write of the whole state. Writes run one at a time; a write that starts after later changes carries them
   * too, and the writes queued behind it then have nothing left to do, so N quick changes cost few writes and lose none.
   */
  private persist(): Promise<void> {
    this.changeCount += 1;
    const wanted = this.changeCount;
    const write = this.queue
      .catch(() => undefined)
      .then(() => this.writeGate)
      .then(async () => {
        if (this.savedCount >= wanted) return;
        const upTo = this.changeCount;
        await this.storage.update(this.key, this.snapshot());
        this.savedCount = Math.max(this.savedCount, upTo);
      });
    this.queue = write;
    return write;
  }

  private blockWritesUntilBackedUp(stored: unknown, reason: string, newerVersion?: number): void {
    const callback = this.options.onCorrupt;
    const raw = rawText(stored);
    const newer =
      newerVersion === undefined
        ? undefined
        : `Not saving: the stored annotations are at schemaVersion ${newerVersion}, written by a newer version of Article Annotator; saving would downgrade them, so they are left untouched (update the extension).`;
    this.writeBlockedReason = newer ?? `the stored annotations could not be read (${reason}) and are being backed up`;
    const backup = callback ? Promise.resolve(callback(raw, reason)) : Promise.reject(new Error('no backup callback was given'));
    const gate = backup.then(
      () => {
        if (newer !== undefined) throw new Error(newer);
        this.writeBlockedReason = undefined;
      },
      (error: unknown) => {
        if (newer !== undefined) {
          this.writeBlockedReason = newer;
          throw new Error(newer);
        }
        const message = `Not saving: the stored annotations could not be read (${reason}) nor backed up (${error instanceof Error ? error.message : String(error)}), so they are left untouched.`;
        this.writeBlockedReason = message;
        throw new Error(message);
      },
    );
    this.writeGate = gate;
    // The gate's rejection is reported by each write that waits for it.
    gate.catch(() => undefined);
  }

  /** A load found a value it reads: whatever blocked writes before no longer applies. */
  private allowWrites(): void {
    this.writeGate = Promise.resolve();
    this.writeBlockedReason = undefined;
  }

  private invalidate(): void {
    this.allCache = undefined;
    this.byArticleCache = undefined;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

function samePlace(a: Annotation, b: Annotation): boolean {
  return a.status === b.status && a.position.start === b.position.start && a.position.end === b.position.end;
}

function checkAnnotation(annotation: Annotation): void {
  const problem = annotationProblem(annotation);
  if (problem) throw new TypeError(`Invalid annotation: ${problem}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SyntaxError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The stored value as text for a backup: strings byte for byte, anything else as JSON. */
function rawText(stored: unknown): string {
  if (typeof stored === 'string') return stored;
  try {
    return JSON.stringify(stored, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2) ?? String(stored);
  } catch {
    return String(stored);
  }
}
