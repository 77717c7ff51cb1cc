// The workspace's annotations in memory, indexed by id and by article, with their changes and undo.
import type { Annotation } from './annotationModel';
import { annotationProblem } from './schemaVersions';

/** One annotation before and after a change (undefined before an add, after a removal). */
export interface AnnotationChange {
  readonly before: Annotation | undefined;
  readonly after: Annotation | undefined;
}

export interface UndoneChange {
  /** What was undone, for a message ("Add annotation 'place'"). */
  readonly description: string;
  /** Articles whose annotations changed back; re-anchor them against their current text. */
  readonly articles: readonly string[];
}

interface UndoEntry {
  readonly description: string;
  readonly changes: readonly AnnotationChange[];
}

/** What applying changes did: the annotations as they now are, and the articles touched. */
export interface AppliedChanges {
  readonly changes: readonly AnnotationChange[];
  readonly articles: readonly string[];
}

export class AnnotationSet {
  private readonly byId = new Map<string, Annotation>();
  /** Per article, in insertion order; the arrays handed out are cached until the article changes. */
  private readonly byArticle = new Map<string, Map<string, Annotation>>();
  private readonly listCache = new Map<string, readonly Annotation[]>();
  private allCache: readonly Annotation[] | undefined;
  private articlesCache: string[] | undefined;
  private undoStack: UndoEntry[] = [];

  constructor(private readonly undoLimit = 100) {}

  /** Replaces everything (load) and forgets the undo history. */
  reset(annotations: Iterable<Annotation>): void {
    this.byId.clear();
    this.byArticle.clear();
    this.undoStack = [];
    for (const annotation of annotations) this.put(annotation);
    this.invalidate(undefined);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): readonly Annotation[] {
    this.allCache ??= [...this.byId.values()];
    return this.allCache;
  }

  get(id: string): Annotation | undefined {
    return this.byId.get(id);
  }

  forArticle(article: string): readonly Annotation[] {
    let list = this.listCache.get(article);
    if (!list) {
      list = [...(this.byArticle.get(article)?.values() ?? [])];
      this.listCache.set(article, list);
    }
    return list;
  }

  /** Articles that have annotations, sorted. */
  articles(): string[] {
    this.articlesCache ??= [...this.byArticle.keys()].sort();
    return [...this.articlesCache];
  }

  addChanges(list: readonly Annotation[]): AnnotationChange[] {
    const seen = new Set<string>();
    for (const a of list) {
      checkAnnotation(a);
      if (this.byId.has(a.id) || seen.has(a.id)) throw new RangeError(`An annotation with id ${a.id} already exists`);
      seen.add(a.id);
    }
    return list.map((a) => ({ before: undefined, after: a }));
  }

  updateChanges(list: readonly Annotation[]): AnnotationChange[] {
    return list.map((a) => {
      checkAnnotation(a);
      const before = this.byId.get(a.id);
      if (!before) throw new RangeError(`No annotation with id ${a.id}`);
      return { before, after: a };
    });
  }

  removeChanges(ids: readonly string[]): AnnotationChange[] {
    const changes: AnnotationChange[] = [];
    for (const one of new Set(ids)) {
      const before = this.byId.get(one);
      if (before) changes.push({ before, after: undefined });
    }
    return changes;
  }

  /** The changes that make `annotations` the article's whole set. */
  replaceArticleChanges(article: string, annotations: readonly Annotation[]): AnnotationChange[] {
    const held = this.forArticle(article);
    // Following a keystroke gives the article's annotations back in their order, some moved: compared place by place,
    // with no map of the new list made at every key.
    if (annotations.length === held.length && annotations.every((a, i) => a.id === held[i]!.id)) {
      const changes: AnnotationChange[] = [];
      for (let i = 0; i < annotations.length; i++) {
        const after = annotations[i]!;
        const before = held[i]!;
        if (after === before) continue;
        checkAnnotation(after);
        if (after.article !== article) throw new RangeError(`Annotation ${after.id} belongs to ${after.article}, not ${article}`);
        changes.push({ before, after });
      }
      return changes;
    }
    const next = new Map<string, Annotation>();
    // indexed loops: this runs at every key typed into an annotated article (see editsReachQuotes)
    for (let i = 0; i < annotations.length; i++) {
      const a = annotations[i]!;
      const elsewhere = this.byId.get(a.id);
      // one held already was checked when it came in (at every key typed, all but the moved ones are those held)
      if (elsewhere !== a) checkAnnotation(a);
      if (a.article !== article) throw new RangeError(`Annotation ${a.id} belongs to ${a.article}, not ${article}`);
      if (next.has(a.id)) throw new RangeError(`Duplicate annotation id ${a.id}`);
      if (elsewhere && elsewhere.article !== article) throw new RangeError(`Annotation ${a.id} already belongs to ${elsewhere.article}`);
      next.set(a.id, a);
    }
    const changes: AnnotationChange[] = [];
    for (let i = 0; i < held.length; i++) {
      const before = held[i]!;
      const after = next.get(before.id);
      if (after !== before) changes.push({ before, after });
    }
    for (const after of next.values()) if (!this.byId.has(after.id)) changes.push({ before: undefined, after });
    return changes;
  }

  /** Applies changes, remembering them as one undo step when `undoable`. */
  apply(description: string, changes: readonly AnnotationChange[], undoable: boolean): AppliedChanges {
    for (let i = 0; i < changes.length; i++) {
      const { before, after } = changes[i]!;
      if (before && (!after || after.article !== before.article)) this.drop(before);
      if (after) this.put(after);
    }
    if (undoable) {
      this.undoStack.push({ description, changes });
      if (this.undoStack.length > this.undoLimit) this.undoStack.splice(0, this.undoStack.length - this.undoLimit);
    }
    const articles = articlesOf(changes);
    this.invalidate(articles);
    return { changes, articles };
  }

  /** Puts annotations as they are (another window's version, merged in); not an undo step. */
  applyMerged(changes: readonly AnnotationChange[]): AppliedChanges {
    return this.apply('', changes, false);
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get undoDescription(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.description;
  }

  /**
   * Undoes the last change (add, update, remove, bulk). An annotation that has followed edits since keeps its current
   * place. Returns what was undone and the changes that undoing made, or undefined when there is nothing to undo.
   */
  undo(): { readonly undone: UndoneChange; readonly applied: AppliedChanges } | undefined {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    const changes: AnnotationChange[] = [];
    for (const { before, after } of [...entry.changes].reverse()) {
      const id = (before ?? after)?.id;
      if (id === undefined) continue;
      const current = this.byId.get(id);
      let restored: Annotation | undefined;
      if (before === undefined) restored = undefined;
      else if (current && after && current.article === before.article && !samePlace(current, after)) {
        // It moved with the text since: restore label/note/etc. but not a stale place.
        restored = { ...before, position: current.position, quote: current.quote, status: current.status };
      } else restored = before;
      changes.push({ before: current, after: restored });
      if (current) this.drop(current);
      if (restored) this.put(restored);
    }
    const articles = articlesOf(changes.concat(entry.changes));
    this.invalidate(articles);
    return { undone: { description: entry.description, articles }, applied: { changes, articles } };
  }

  private put(annotation: Annotation): void {
    const previous = this.byId.get(annotation.id);
    if (previous && previous.article !== annotation.article) this.drop(previous);
    this.byId.set(annotation.id, annotation);
    let inArticle = this.byArticle.get(annotation.article);
    if (!inArticle) {
      inArticle = new Map();
      this.byArticle.set(annotation.article, inArticle);
      this.articlesCache = undefined;
    }
    inArticle.set(annotation.id, annotation);
  }

  private drop(annotation: Annotation): void {
    this.byId.delete(annotation.id);
    const inArticle = this.byArticle.get(annotation.article);
    if (!inArticle) return;
    inArticle.delete(annotation.id);
    if (inArticle.size === 0) {
      this.byArticle.delete(annotation.article);
      this.articlesCache = undefined;
    }
  }

  private invalidate(articles: readonly string[] | undefined): void {
    this.allCache = undefined;
    if (articles === undefined) {
      this.listCache.clear();
      this.articlesCache = undefined;
    } else for (const article of articles) this.listCache.delete(article);
  }
}

/** The articles changes touch, sorted. */
export function articlesOf(changes: readonly AnnotationChange[]): string[] {
  const articles = new Set<string>();
  for (let i = 0; i < changes.length; i++) {
    const { before, after } = changes[i]!;
    if (before) articles.add(before.article);
    if (after) articles.add(after.article);
  }
  return [...articles].sort();
}

function samePlace(a: Annotation, b: Annotation): boolean {
  return a.status === b.status && a.position.start === b.position.start && a.position.end === b.position.end;
}

function checkAnnotation(annotation: Annotation): void {
  const problem = annotationProblem(annotation);
  if (problem) throw new TypeError(`Invalid annotation: ${problem}`);
}
