// The editor's view of the core AnnotationStore: VS Code events, the corrupt-state backup, and the operations commands need.
import * as vscode from 'vscode';
import { basename } from '../core/paths/posixPath';
import { createAnnotation, type AnnotationChanges, type NewAnnotation, updateAnnotation } from '../core/annotations/annotationFactory';
import type { Annotation } from '../core/annotations/annotationModel';
import { attachOrphan } from '../core/annotations/anchoring';
import { AnnotationStore, type LoadReport, type StoreChange } from '../core/annotations/annotationStore';
import type { LexiconEntry } from '../core/nlp/analysisModel';
import type { EntityCorrection } from '../core/nlp/entityLearning';
import { entityTypeOfLabel } from '../core/quality/spanScores';
import { backupRoot, CorruptStateGuard, MementoStateStorage } from './annotationStorage';

/** Entity corrections the user made in one article (its source text): what the workspace learns from. */
export interface EntityCorrections {
  readonly text: string;
  readonly corrections: readonly EntityCorrection[];
}

export class AnnotationService implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<StoreChange>();
  private readonly storeSubscription: { dispose(): void };
  /** After load and every change of annotations, article dates or the lexicon. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly correctEmitter = new vscode.EventEmitter<EntityCorrections>();
  /** The user corrected entities: rejected, retyped or accepted one, or annotated a person, place or organization. */
  readonly onDidCorrectEntities = this.correctEmitter.event;
  /** Where unreadable stored state was backed up this session. */
  readonly corruptState: CorruptStateGuard;
  /** The core store; everything else reaches it through this service. */
  private readonly store: AnnotationStore;
  /** The workspace-state storage the store writes through (tests write broken state into it). */
  readonly storage: MementoStateStorage;
  private lastLoad: LoadReport | undefined;

  constructor(context: vscode.ExtensionContext, log: vscode.LogOutputChannel) {
    this.corruptState = new CorruptStateGuard(backupRoot(context), 'annotations');
    this.storage = new MementoStateStorage(context.workspaceState);
    this.store = new AnnotationStore(this.storage, {
      onCorrupt: (raw, reason) => this.corruptState.backup(raw, reason),
      onListenerError: (error) => log.error('A listener of annotation changes failed:', error),
    });
    this.storeSubscription = this.store.onDidChange((change) => this.changeEmitter.fire(change));
  }

  /** Reads the stored state again (activation, and the internal command tests use after writing broken state). */
  async load(): Promise<LoadReport> {
    this.lastLoad = await this.store.load();
    return this.lastLoad;
  }

  get loadReport(): LoadReport | undefined {
    return this.lastLoad;
  }

  all(): readonly Annotation[] {
    return this.store.all();
  }

  get(id: string): Annotation | undefined {
    return this.store.get(id);
  }

  forArticle(key: string): readonly Annotation[] {
    return this.store.forArticle(key);
  }

  /** Articles that have annotations, sorted. */
  articles(): string[] {
    return this.store.articles();
  }

  orphans(): Annotation[] {
    return this.store.all().filter((a) => a.status === 'orphaned');
  }

  get lexicon(): readonly LexiconEntry[] {
    return this.store.lexicon;
  }

  /** Adds a correction, replacing any entry for the same text. */
  addLexiconEntry(entry: LexiconEntry): Promise<void> {
    return this.store.addLexiconEntry(entry);
  }

  /** Removes the entry for `text`; resolves to whether there was one. */
  removeLexiconEntry(text: string): Promise<boolean> {
    return this.store.removeLexiconEntry(text);
  }

  /** Replaces the whole lexicon (import). */
  setLexicon(entries: readonly LexiconEntry[]): Promise<void> {
    return this.store.setLexicon(entries);
  }

  /** The date the user set for an article (YYYY-MM-DD), or undefined when the text's own date is used. */
  articleDate(key: string): string | undefined {
    return this.store.articleDate(key);
  }

  /** Every date users set, by article key. */
  get articleDates(): Readonly<Record<string, string>> {
    return this.store.articleDates;
  }

  /** Stores (or, with null, clears) the user's date for an article, awaiting the write. */
  setArticleDate(key: string, date: string | null): Promise<void> {
    return this.store.setArticleDate(key, date);
  }

  /** Adds annotations made elsewhere (an import), as one undo step. */
  addExisting(list: readonly Annotation[], description: string): Promise<void> {
    return this.store.add(list, description);
  }

  /** Stores new versions of existing annotations (matched by id), as one undo step. */
  updateMany(list: readonly Annotation[], description: string): Promise<void> {
    return this.store.update(list, description);
  }

  /** Makes `list` the article's whole set (re-anchoring, following edits); see AnnotationStore.replaceArticle. */
  replaceArticle(key: string, list: readonly Annotation[], options: { readonly undoable?: boolean; readonly description?: string; readonly deferWrite?: boolean } = {}): Promise<void> {
    return this.store.replaceArticle(key, list, options);
  }

  /** True while a change is in memory that no finished write holds yet. */
  get hasUnsavedChanges(): boolean {
    return this.store.hasUnsavedChanges;
  }

  /** Writes deferred changes; resolves when they are stored. */
  save(): Promise<void> {
    return this.store.save();
  }

  /** Resolves when every write requested so far has finished. */
  flush(): Promise<void> {
    return this.store.flush();
  }

  async create(input: NewAnnotation): Promise<Annotation> {
    const annotation = createAnnotation(input);
    await this.store.add(annotation);
    this.reportEntityAnnotations([input]);
    return annotation;
  }

  /** Tells the learner of a correction made by a command (reject, change type) in an article's source text. */
  reportCorrections(text: string, corrections: readonly EntityCorrection[]): void {
    if (corrections.length > 0) this.correctEmitter.fire({ text, corrections });
  }

  // the user's own person, place and organization annotations teach the workspace's entity model
  private reportEntityAnnotations(inputs: readonly NewAnnotation[]): void {
    const byText = new Map<string, EntityCorrection[]>();
    for (const input of inputs) {
      const type = entityTypeOfLabel(input.label);
      if (!type || input.start >= input.end) continue;
      const list = byText.get(input.text) ?? [];
      list.push({ start: input.start, end: input.end, type });
      byText.set(input.text, list);
    }
    for (const [text, corrections] of byText) this.reportCorrections(text, corrections);
  }

  /** Creates several at once: one undo step. */
  async createMany(inputs: readonly NewAnnotation[], description?: string): Promise<Annotation[]> {
    const created = inputs.map((input) => createAnnotation(input));
    if (created.length > 0) await this.store.add(created, description ?? `Add ${created.length} annotations`);
    this.reportEntityAnnotations(inputs);
    return created;
  }

  async update(id: string, changes: AnnotationChanges, text?: string): Promise<Annotation> {
    const current = this.store.get(id);
    if (!current) throw new RangeError(`No annotation with id ${id}`);
    const next = updateAnnotation(current, changes, text);
    await this.store.update(next);
    return next;
  }

  /** Removes it and returns what was removed (undefined when there was no such annotation). */
  async remove(id: string): Promise<Annotation | undefined> {
    const current = this.store.get(id);
    if (!current) return undefined;
    await this.store.remove(id);
    return current;
  }

  /** Puts an annotation (orphan or not) onto [start, end) of an article's text, moving it to that article if needed. */
  async attach(id: string, article: string, text: string, start: number, end: number): Promise<Annotation> {
    const current = this.store.get(id);
    if (!current) throw new RangeError(`No annotation with id ${id}`);
    const attached = { ...attachOrphan(current, text, start, end), article };
    await this.store.update(attached, `Re-attach annotation '${current.label}'`);
    return attached;
  }

  /** Undoes the last change; returns its description, undefined when there was nothing to undo. */
  async undo(): Promise<string | undefined> {
    return (await this.store.undo())?.description;
  }

  /** A short name for an article key, for labels in trees and pickers. */
  static articleName(key: string): string {
    return basename(key.replace(/\\/g, '/'));
  }

  dispose(): void {
    this.storeSubscription.dispose();
    this.store.dispose();
    this.changeEmitter.dispose();
    this.correctEmitter.dispose();
  }
}
