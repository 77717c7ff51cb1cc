// The workspace's annotations, article dates and lexicon: one facade over the modules that each do one job
// (annotationSet: CRUD and undo; articleDates; lexiconEntries; statePersistence: storage; storeEvents: change events).
import type { Annotation } from './annotationModel';
import type { LexiconEntry } from '../nlp/analysisModel';
import { type AnnotationChange, AnnotationSet, type UndoneChange } from './annotationSet';
import { ArticleDates } from './articleDates';
import { LexiconEntries } from './lexiconEntries';
import { type ChangedKeys, type LoadReport, type PersistenceOptions, StatePersistence, type StateStorage } from './statePersistence';
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
      { forArticle: (article) => this.annotations.forArticle(article), articleDates: () => this.dates.all(), lexicon: () => this.lexiconEntries.entries },
      options,
    );
    // What another store on the same storage (a second window) changed comes in as theirs: no undo step, no write.
    this.persistence.setMergeSink({
      annotationsMerged: (article, list) => {
        const mine = list.filter((a) => {
          const current = this.annotations.get(a.id);
          return !current || current.article === article;
        });
        const { articles } = this.annotations.applyMerged(this.annotations.replaceArticleChanges(article, mine));
        if (articles.length > 0) this.emitter.fire({ kind: 'annotations', articles });
      },
      articleDatesMerged: (dates) => {
        const before = this.dates.all();
        this.dates.reset(dates);
        const after = this.dates.all();
        const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((a) => before[a] !== after[a]);
        if (changed.length > 0) this.emitter.fire({ kind: 'articleDates', articles: changed.sort() });
      },
      lexiconMerged: (entries) => {
        this.lexiconEntries.reset(entries);
        this.emitter.fire({ kind: 'lexicon', articles: [] });
      },
    });
  }

  /**
   * Reads, migrates and validates the stored state (see StatePersistence.read: what cannot be read is backed up
   * before anything may replace it). A migrated value is written back.
   */
  async load(): Promise<LoadReport> {
    const loaded = this.persistence.read();
    this.annotations.reset(loaded.annotations);
    this.dates.reset(Object.entries(loaded.articleDates));
    this.lexiconEntries.reset(loaded.lexicon);
    this.emitter.fire({ kind: 'load', articles: this.articles() });
    if (loaded.writeBack) await this.persistence.writeBack();
    return { annotations: this.annotations.size, ...loaded.report };
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
    await this.persistence.changed({ annotations: changedIds(result.applied.changes) });
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
    return this.persistence.changed({ articleDates: [article] });
  }

  get lexicon(): readonly LexiconEntry[] {
    return this.lexiconEntries.entries;
  }

  /** Adds a correction, replacing any entry for the same text (case-sensitive, trimmed). */
  addLexiconEntry(entry: LexiconEntry): Promise<void> {
    return this.lexiconChanged([this.lexiconEntries.add(entry).text]);
  }

  /** Removes the entry for `text`; resolves to whether there was one. */
  async removeLexiconEntry(text: string): Promise<boolean> {
    if (!this.lexiconEntries.remove(text)) return false;
    await this.lexiconChanged([text.trim()]);
    return true;
  }

  /** Replaces the whole lexicon (import). */
  setLexicon(entries: readonly LexiconEntry[]): Promise<void> {
    const texts = [...this.lexiconEntries.entries, ...entries].map((e) => e.text);
    this.lexiconEntries.reset(entries);
    return this.lexiconChanged(texts);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private lexiconChanged(texts: readonly string[]): Promise<void> {
    this.emitter.fire({ kind: 'lexicon', articles: [] });
    return this.persistence.changed({ lexicon: texts });
  }

  private commit(description: string, changes: readonly AnnotationChange[], undoable = true, deferWrite = false): Promise<void> {
    const { articles } = this.annotations.apply(description, changes, undoable);
    this.emitter.fire({ kind: 'annotations', articles });
    // Deferred changes are counted, so the next write (any kind) carries them and save() knows there is something to write.
    return this.persistence.changed({ annotations: changedIds(changes) }, deferWrite);
  }
}

/** Per article, the ids a change touched (a move touches its id in both articles). */
function changedIds(changes: readonly AnnotationChange[]): ChangedKeys['annotations'] {
  const byArticle = new Map<string, Set<string>>();
  const add = (a: Annotation): void => {
    let ids = byArticle.get(a.article);
    if (!ids) byArticle.set(a.article, (ids = new Set()));
    ids.add(a.id);
  };
  for (let i = 0; i < changes.length; i++) {
    const { before, after } = changes[i]!;
    if (before) add(before);
    if (after) add(after);
  }
  return byArticle;
}

function asList(annotation: Annotation | readonly Annotation[]): readonly Annotation[] {
  return Array.isArray(annotation) ? (annotation as readonly Annotation[]) : [annotation as Annotation];
}
