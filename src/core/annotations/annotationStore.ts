// The workspace's annotations, article dates and lexicon: one facade over the modules that each do one job
// (annotationSet: CRUD and undo; articleDates; lexiconEntries; statePersistence: storage; storeEvents: change events).
import type { Annotation } from './annotationModel';
import type { LexiconEntry } from '../nlp/analysisModel';
import type { StoredState } from './schemaVersions';
import { type AnnotationChange, AnnotationSet, type UndoneChange } from './annotationSet';
import { ArticleDates } from './articleDates';
import { LexiconEntries } from './lexiconEntries';
import { type LoadReport, type PersistenceOptions, StatePersistence, type StateStorage } from './statePersistence';
import { ChangeEmitter, type StoreChange } from './storeEvents';

export type { Disposable, StoreChange } from './storeEvents';
export type { LoadReport, StateStorage } from './statePersistence';
export type { UndoneChange } from './annotationSet';

export interface AnnotationStoreOptions extends PersistenceOptions {
  /** How many annotation changes undo() remembers (default 100). */
  readonly undoLimit?: number;
  /** Told when a change listener throws (the others still run). */
  readonly onListenerError?: (error: unknown) => void;
}

export class AnnotationStore {
  private readonly annotations: AnnotationSet;
  private readonly dates = new ArticleDates();
  private readonly lexiconEntries = new LexiconEntries();
  private readonly persistence: StatePersistence;
  private readonly emitter: ChangeEmitter<StoreChange>;

  /** Subscribe to changes (after load and after every mutation, before it is written). */
  readonly onDidChange: ChangeEmitter<StoreChange>['event'];

  constructor(storage: StateStorage, options: AnnotationStoreOptions = {}) {
    this.annotations = new AnnotationSet(options.undoLimit ?? 100);
    this.emitter = new ChangeEmitter<StoreChange>(options.onListenerError);
    this.onDidChange = this.emitter.event;
    this.persistence = new StatePersistence(
      storage,
      { all: () => this.annotations.all(), articleDates: () => this.dates.all(), lexicon: () => this.lexiconEntries.entries },
      options,
    );
  }

  /**
   * Reads, migrates and validates the stored state (see StatePersistence.read: what cannot be read is backed up
   * before anything may replace it). A migrated value is written back.
   */
  async load(): Promise<LoadReport> {
    const { state, report } = this.persistence.read();
    this.annotations.reset(state.annotations);
    this.dates.reset(Object.entries(state.articleDates));
    this.lexiconEntries.reset(state.lexicon);
    this.emitter.fire({ kind: 'load', articles: this.articles() });
    if (report.migrations.length > 0 && report.corrupt === undefined) await this.persistence.persist();
    return { annotations: this.annotations.size, ...report };
  }

  /** Why writes are refused, or undefined when they are not (blocked only after a failed backup or a newer version). */
  get writeError(): string | undefined {
    return this.persistence.writeError;
  }

  all(): readonly Annotation[] {
    return this.annotations.all();
  }

  get(id: string): Annotation | undefined {
    return this.annotations.get(id);
  }

  forArticle(article: string): readonly Annotation[] {
    return this.annotations.forArticle(article);
  }

  /** Articles that have annotations, sorted. */
  articles(): string[] {
    return this.annotations.articles();
  }

  /** Adds new annotations (ids must be new). Resolves when written. */
  add(annotation: Annotation | readonly Annotation[], description?: string): Promise<void> {
    const list = asList(annotation);
    const changes = this.annotations.addChanges(list);
    return this.commit(description ?? (list.length === 1 ? `Add annotation '${list[0]!.label}'` : `Add ${list.length} annotations`), changes);
  }

  /** Replaces stored annotations with these versions (matched by id, which must exist). Resolves when written. */
  update(annotation: Annotation | readonly Annotation[], description?: string): Promise<void> {
    const list = asList(annotation);
    const changes = this.annotations.updateChanges(list);
    return this.commit(description ?? (list.length === 1 ? `Edit annotation '${list[0]!.label}'` : `Edit ${list.length} annotations`), changes);
  }

  /** Removes annotations by id; unknown ids are ignored. Resolves to how many were removed, once written. */
  async remove(id: string | readonly string[], description?: string): Promise<number> {
    const changes = this.annotations.removeChanges(typeof id === 'string' ? [id] : id);
    if (changes.length === 0) return 0;
    await this.commit(description ?? (changes.length === 1 ? `Delete annotation '${changes[0]!.before?.label ?? ''}'` : `Delete ${changes.length} annotations`), changes);
    return changes.length;
  }

  /**
   * Makes `annotations` the article's whole set (after re-anchoring or following edits). Undoable unless
   * `undoable: false`, which edit-following should pass: the text's own undo moves them back. With `deferWrite: true`
   * the change is made in memory at once but not written: the next write carries it, or call save() (edit-following
   * debounces its writes this way).
   */
  replaceArticle(article: string, annotations: readonly Annotation[], options: { readonly undoable?: boolean; readonly description?: string; readonly deferWrite?: boolean } = {}): Promise<void> {
    const changes = this.annotations.replaceArticleChanges(article, annotations);
    if (changes.length === 0) return this.persistence.flush();
    return this.commit(options.description ?? `Update annotations of ${article}`, changes, options.undoable ?? true, options.deferWrite ?? false);
  }

  /** True while a change is in memory that no finished write holds yet (deferred or still being written). */
  get hasUnsavedChanges(): boolean {
    return this.persistence.hasUnsavedChanges;
  }

  /** Writes changes made with `deferWrite` (and waits for any write in flight); resolves when they are stored. */
  save(): Promise<void> {
    return this.persistence.save();
  }

  /** Resolves when every write requested so far has finished (rejects if the last one failed). */
  flush(): Promise<void> {
    return this.persistence.flush();
  }

  /** Whether undo() has something to undo. */
  get canUndo(): boolean {
    return this.annotations.canUndo;
  }

  /** Describes what undo() would undo. */
  get undoDescription(): string | undefined {
    return this.annotations.undoDescription;
  }

  /** Undoes the last annotation change. Resolves to what was undone (undefined when nothing was), once written. */
  async undo(): Promise<UndoneChange | undefined> {
    const result = this.annotations.undo();
    if (!result) return undefined;
    this.emitter.fire({ kind: 'annotations', articles: result.applied.articles });
    await this.persistence.persist();
    return result.undone;
  }

  get articleDates(): Readonly<Record<string, string>> {
    return this.dates.all();
  }

  articleDate(article: string): string | undefined {
    return this.dates.get(article);
  }

  /** Sets (YYYY-MM-DD) or clears (null) the user's date for an article. */
  setArticleDate(article: string, date: string | null): Promise<void> {
    this.dates.set(article, date);
    this.emitter.fire({ kind: 'articleDates', articles: [article] });
    return this.persistence.persist();
  }

  get lexicon(): readonly LexiconEntry[] {
    return this.lexiconEntries.entries;
  }

  /** Adds a correction, replacing any entry for the same text (case-sensitive, trimmed). */
  addLexiconEntry(entry: LexiconEntry): Promise<void> {
    this.lexiconEntries.add(entry);
    return this.lexiconChanged();
  }

  /** Removes the entry for `text`; resolves to whether there was one. */
  async removeLexiconEntry(text: string): Promise<boolean> {
    if (!this.lexiconEntries.remove(text)) return false;
    await this.lexiconChanged();
    return true;
  }

  /** Replaces the whole lexicon (import). */
  setLexicon(entries: readonly LexiconEntry[]): Promise<void> {
    this.lexiconEntries.reset(entries);
    return this.lexiconChanged();
  }

  /** The state as it is stored. */
  snapshot(): StoredState {
    return this.persistence.snapshot();
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private lexiconChanged(): Promise<void> {
    this.emitter.fire({ kind: 'lexicon', articles: [] });
    return this.persistence.persist();
  }

  private commit(description: string, changes: readonly AnnotationChange[], undoable = true, deferWrite = false): Promise<void> {
    const { articles } = this.annotations.apply(description, changes, undoable);
    this.emitter.fire({ kind: 'annotations', articles });
    if (deferWrite) {
      // Counted as a change, so the next write (any kind) carries it and save() knows there is something to write.
      this.persistence.defer();
      return Promise.resolve();
    }
    return this.persistence.persist();
  }
}

function asList(annotation: Annotation | readonly Annotation[]): readonly Annotation[] {
  return Array.isArray(annotation) ? (annotation as readonly Annotation[]) : [annotation as Annotation];
}
