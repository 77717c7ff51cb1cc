// The "Entities" view. Workspace mode (default): each kind, then each entity of the whole collection (mentions,
// articles), which expands to its articles and their mentions; sortable, filterable; a Dates group lists the current
// article's resolved dates. Article mode: the current article's entities, a click reveals the first mention.
import * as vscode from 'vscode';
import type { Article } from '../core/article/articleModel';
import { parsedArticle } from '../core/article/parseArticle';
import { contextWindow } from '../core/article/sentenceContext';
import type { CorpusEntity, CorpusMention } from '../core/corpus/corpusIndex';
import type { Analysis, EntityType } from '../core/nlp/analysisModel';
import type { AnalysisService } from './analysisService';
import type { ArticleDocument, ArticleDocuments } from './articleDocuments';
import { AnnotationService } from './annotationService';
import { describeDateValue } from '../core/timeline/describeDate';
import type { WorkspaceIndex } from './workspaceIndex';
import { inViewTurn } from './viewTurns';
import { REVEAL_ENTITY_COMMAND } from './commandIds';

export const ENTITIES_VIEW = 'articleAnnotator.entities';
/** Context keys: which mode the view is in, and whether a filter is set (menus show the matching actions). */
/** Pause in typing after which the view follows an edited article (the default `articleAnnotator.reanalyzeDelay`). */
const TRACK_AFTER_EDIT_MILLIS = 300;
const MODE_CONTEXT = 'articleAnnotator.entitiesMode';
const FILTERED_CONTEXT = 'articleAnnotator.entitiesFiltered';
const STATE_KEY = 'articleAnnotator.entitiesView';
/**
 * Entities listed at once under a kind; the rest is a "… more" row that expands to the next as many (a filter narrows
 * the list). Every redraw of the view hands VS Code all the rows it shows: 500 a kind held the extension host for tens
 * of milliseconds at each redraw while a large collection was indexed.
 */
const PAGE = 100;
const CONTEXT_CHARS = 40;
const NAME_ORDER = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** After the index changed, the workspace tree is redrawn this much later (while it is busy indexing, much later). */
const WORKSPACE_REFRESH_MILLIS = 300;
const WORKSPACE_REFRESH_BUSY_MILLIS = 10_000;

export type EntityKind = 'person' | 'place' | 'organization' | 'date';
export type EntitiesMode = 'workspace' | 'article';
export type EntitiesSort = 'mentions' | 'name' | 'firstDate';
const KINDS: readonly { kind: EntityKind; title: string; icon: string; singular: string }[] = [
  { kind: 'person', title: 'People', icon: 'person', singular: 'person' },
  { kind: 'place', title: 'Places', icon: 'location', singular: 'place' },
  { kind: 'organization', title: 'Organizations', icon: 'organization', singular: 'organization' },
  { kind: 'date', title: 'Dates', icon: 'calendar', singular: 'date' },
];
const SORTS: readonly { sort: EntitiesSort; label: string; detail: string }[] = [
  { sort: 'mentions', label: 'Mentions', detail: 'Most mentioned first' },
  { sort: 'name', label: 'Name', detail: 'Alphabetical' },
  { sort: 'firstDate', label: 'First date', detail: 'By the date of the earliest article that mentions it' },
];

export interface EntityKindNode {
  readonly kind: 'kind';
  readonly entityKind: EntityKind;
  /** All of them; the view lists a page at a time. */
  readonly entities: readonly EntityNode[];
  /** Set on the Dates group of workspace mode: the article whose dates it lists. */
  readonly article?: string;
}
/** Carries `uri`, `start`, `end`, `text` of the first mention so correction commands accept it as their argument. */
export interface EntityNode {
  readonly kind: 'entity';
  readonly entityKind: EntityKind;
  readonly name: string;
  readonly mentions: number;
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Workspace mode: how many articles mention it (the node expands to them). */
  readonly articles?: number;
  /** Workspace mode: the earliest article date (YYYY-MM-DD) among them. */
  readonly firstDate?: string;
  /** For a date: its resolved value, described. */
  readonly resolved?: string;
}
export interface EntityArticleNode {
  readonly kind: 'article';
  readonly entity: EntityNode;
  readonly key: string;
  readonly mentions: readonly CorpusMention[];
}
export interface EntityMentionNode {
  readonly kind: 'mention';
  readonly entity: EntityNode;
  readonly key: string;
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The words around it, one line, and where the mention is in that line. */
  readonly context: string;
  readonly highlight: readonly [number, number];
}
export interface MoreNode {
  readonly kind: 'more';
  readonly entityKind: EntityKind;
  /** Every entity of the kind; this row stands for those from `from` on, and expands to the next page. */
  readonly entities: readonly EntityNode[];
  readonly from: number;
}
/** An entity expanded while a reopen is still bringing its articles in from the cache (the view is redrawn then). */
export interface LoadingNode {
  readonly kind: 'loading';
  readonly entity: EntityNode;
}
export type EntitiesTreeNode = EntityKindNode | EntityNode | EntityArticleNode | EntityMentionNode | MoreNode | LoadingNode;

interface ViewState {
  readonly mode: EntitiesMode;
  readonly sort: EntitiesSort;
}

export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntitiesTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<EntitiesTreeNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  private article: ArticleDocument | undefined;
  private pending: NodeJS.Timeout | undefined;
  private trackTimer: NodeJS.Timeout | undefined;
  /** The last article parsed for mention rows, kept while its text is the same. */
  private lastParsed: { readonly text: string; readonly article: Article } | undefined;
  private pendingDue = 0;
  private modeValue: EntitiesMode;
  private sortValue: EntitiesSort;
  private filterValue = '';
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly analysis: AnalysisService,
    private readonly articles: ArticleDocuments,
    private readonly index: WorkspaceIndex,
    private readonly state: vscode.Memento,
  ) {
    const saved = state.get<Partial<ViewState>>(STATE_KEY) ?? {};
    this.modeValue = saved.mode === 'article' ? 'article' : 'workspace';
    this.sortValue = SORTS.some((s) => s.sort === saved.sort) ? saved.sort! : 'mentions';
    this.disposables.push(
      this.changeEmitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.track()),
      analysis.onDidAnalyze((update) => {
        if (update.complete && update.key === this.article?.key) this.schedule();
      }),
      analysis.onDidInvalidate(() => this.track()),
      // After an edit the view follows once typing pauses: asking for an analysis of every keystroke's text restarted
      // the worker's job on the whole article each time (the decorator asks for it after the same pause).
      articles.onDidChangeArticle((change) => {
        if (change.key === this.article?.key) this.trackSoon();
      }),
      // while thousands of articles come in, the whole list is redrawn only now and then (each redraw builds its rows
      // anew); the last session's articles, back from the cache, at once
      index.onDidChange((change) => {
        if (this.modeValue === 'workspace') this.schedule(change.reopened ? 0 : index.busy ? WORKSPACE_REFRESH_BUSY_MILLIS : WORKSPACE_REFRESH_MILLIS);
      }),
    );
    this.updateContext();
    this.track();
  }

  /** The article the view shows: the active editor's, kept while focus is elsewhere (the view itself, a panel). */
  get currentArticle(): ArticleDocument | undefined {
    return this.article;
  }

  get mode(): EntitiesMode {
    return this.modeValue;
  }

  get sort(): EntitiesSort {
    return this.sortValue;
  }

  get filter(): string {
    return this.filterValue;
  }

  setMode(mode: EntitiesMode): void {
    this.modeValue = mode;
    this.save();
    this.track();
  }

  setSort(sort: EntitiesSort): void {
    this.sortValue = sort;
    this.save();
    this.schedule();
  }

  setFilter(filter: string): void {
    this.filterValue = filter.trim();
    this.updateContext();
    this.schedule();
  }

  /** What the view's title bar says next to its name. */
  describe(): string | undefined {
    const parts: string[] = [];
    if (this.modeValue === 'workspace') parts.push(`workspace · ${this.index.articleCount} articles`);
    else if (this.article) parts.push(AnnotationService.articleName(this.article.key));
    if (this.filterValue) parts.push(`filter “${this.filterValue}”`);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  }

  private save(): void {
    this.updateContext();
    void this.state.update(STATE_KEY, { mode: this.modeValue, sort: this.sortValue } satisfies ViewState);
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', MODE_CONTEXT, this.modeValue);
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, this.filterValue !== '');
  }

  private trackSoon(): void {
    if (this.trackTimer) clearTimeout(this.trackTimer);
    this.trackTimer = setTimeout(() => {
      this.trackTimer = undefined;
      this.track();
    }, TRACK_AFTER_EDIT_MILLIS);
  }

  /** Follows the active editor; asks for an analysis when none is current. */
  track(): void {
    const editor = vscode.window.activeTextEditor;
    const article = editor ? this.articles.get(editor.document) : undefined;
    if (editor) this.article = article;
    if (this.article && !this.analysis.currentFor(this.article)?.complete) void this.analysis.analyzeDocument(this.article);
    this.schedule();
  }

  private schedule(delay = 50): void {
    const due = Date.now() + delay;
    if (this.pending && this.pendingDue <= due) return;
    if (this.pending) clearTimeout(this.pending);
    this.pendingDue = due;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      inViewTurn(() => this.changeEmitter.fire(undefined));
    }, delay);
  }

  /** The analysis of the current article (undefined while it is being analysed). */
  currentAnalysis(): Analysis | undefined {
    if (!this.article) return undefined;
    return this.analysis.currentFor(this.article)?.analysis;
  }

  getChildren(node?: EntitiesTreeNode): EntitiesTreeNode[] {
    if (!node) return this.modeValue === 'workspace' ? this.workspaceRoots() : this.articleRoots();
    switch (node.kind) {
      case 'kind':
        return page(node.entityKind, node.entities, 0);
      case 'more':
        return page(node.entityKind, node.entities, node.from);
      case 'entity':
        if (this.modeValue !== 'workspace' || node.entityKind === 'date') return [];
        return this.index.standingIn ? [{ kind: 'loading', entity: node }] : this.articlesOf(node);
      case 'article':
        return node.mentions.map((m) => this.mentionNode(node.entity, m));
      default:
        return [];
    }
  }

  getParent(): undefined {
    return undefined;
  }

  // ---- workspace mode ----

  private workspaceRoots(): EntitiesTreeNode[] {
    const filter = this.filterValue.toLowerCase();
    const roots: EntitiesTreeNode[] = [];
    for (const { kind } of KINDS) {
      if (kind === 'date') continue;
      // the cache's summary while a reopen brings the articles in
      const entities = this.index
        .rankedEntities(kind)
        // a filter finds an entity by any name it goes by ("Ghani" finds "Ashraf Ghani")
        .filter((e) => filter === '' || e.aliases.some((a) => a.toLowerCase().includes(filter)) || e.canonical.toLowerCase().includes(filter))
        .map((e): EntityNode => new CorpusEntityNode(this.index, e));
      if (entities.length === 0) continue;
      const sorted = this.sorted(entities);
      roots.push({ kind: 'kind', entityKind: kind, entities: sorted });
    }
    const dates = this.currentDates();
    if (dates) roots.push(dates);
    return roots;
  }

  private sorted(entities: EntityNode[]): EntityNode[] {
    // the corpus lists entities most mentioned first already; thousands of names are compared with one collator
    if (this.sortValue === 'mentions') return entities;
    const byName = (a: EntityNode, b: EntityNode): number => NAME_ORDER.compare(a.name, b.name);
    if (this.sortValue === 'name') return entities.sort(byName);
    if (this.sortValue === 'firstDate') return entities.sort((a, b) => (a.firstDate === b.firstDate ? 0 : a.firstDate === undefined ? 1 : b.firstDate === undefined ? -1 : a.firstDate < b.firstDate ? -1 : 1) || b.mentions - a.mentions || byName(a, b));
    return entities.sort((a, b) => b.mentions - a.mentions || (b.articles ?? 0) - (a.articles ?? 0) || byName(a, b));
  }

  private articlesOf(entity: EntityNode): EntityArticleNode[] {
    const details = entity instanceof CorpusEntityNode ? this.index.corpus.entity(entity.id) : undefined;
    return (details?.byArticle ?? [])
      .map((a): EntityArticleNode => ({ kind: 'article', entity, key: a.article, mentions: a.mentions }))
      .sort((a, b) => b.mentions.length - a.mentions.length || a.key.localeCompare(b.key));
  }

  /** The paragraphs of the article whose mentions are listed (one article's mentions are listed together). */
  private parsed(text: string): Article {
    if (this.lastParsed?.text !== text) this.lastParsed = { text, article: parsedArticle(text) };
    return this.lastParsed.article;
  }

  private mentionNode(entity: EntityNode, m: CorpusMention): EntityMentionNode {
    const text = this.index.textOf(m.article) ?? '';
    // the words around it, from its own paragraph only (a headline mention without the `date …` header marker)
    const { from, to, cutBefore, cutAfter } = contextWindow(this.parsed(text), m.start, m.end, CONTEXT_CHARS);
    const before = `${cutBefore ? '…' : ''}${oneLine(text.slice(from, m.start))}`;
    const mention = oneLine(m.text);
    const context = `${before}${mention}${oneLine(text.slice(m.end, to))}${cutAfter ? '…' : ''}`;
    return { kind: 'mention', entity, key: m.article, uri: this.index.uriOf(m.article).toString(), start: m.start, end: m.end, text: m.text, context, highlight: [before.length, before.length + mention.length] };
  }

  /** The current article's resolved dates (workspace mode lists them in their own group). */
  private currentDates(): EntityKindNode | undefined {
    const article = this.article;
    const analysis = article ? (this.analysis.currentFor(article)?.analysis ?? this.index.analysisOf(article.key)) : undefined;
    if (!article || !analysis) return undefined;
    const uri = article.sourceUri.toString();
    const filter = this.filterValue.toLowerCase();
    const entities = analysis.dates
      .filter((d) => d.value !== null && (filter === '' || d.text.toLowerCase().includes(filter)))
      .map((d): EntityNode => ({ kind: 'entity', entityKind: 'date', name: d.text, mentions: 1, uri, start: d.start, end: d.end, text: d.text, resolved: describeDateValue(d.value!) }));
    return entities.length > 0 ? { kind: 'kind', entityKind: 'date', entities, article: article.key } : undefined;
  }

  // ---- article mode (the view before the workspace index) ----

  private articleRoots(): EntitiesTreeNode[] {
    const analysis = this.currentAnalysis();
    const article = this.article;
    if (!analysis || !article) return [];
    const filter = this.filterValue.toLowerCase();
    const groups = new Map<string, { kind: EntityKind; name: string; count: number; start: number; end: number; text: string }>();
    const add = (kind: EntityKind, name: string, start: number, end: number, text: string): void => {
      if (filter !== '' && !name.toLowerCase().includes(filter)) return;
      const id = `${kind}\u0000${name}`;
      const group = groups.get(id);
      if (!group) groups.set(id, { kind, name, count: 1, start, end, text });
      else {
        group.count++;
        if (start < group.start) Object.assign(group, { start, end, text });
      }
    };
    for (const e of analysis.entities) add(e.type, e.canonical, e.start, e.end, e.text);
    for (const d of analysis.dates) add('date', d.text, d.start, d.end, d.text);
    const uri = article.sourceUri.toString();
    return KINDS.map(({ kind }) => ({
      kind: 'kind' as const,
      entityKind: kind,
      entities: [...groups.values()]
        .filter((g) => g.kind === kind)
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
        .map((g) => ({ kind: 'entity' as const, entityKind: kind, name: g.name, mentions: g.count, uri, start: g.start, end: g.end, text: g.text })),
    })).filter((n) => n.entities.length > 0);
  }

  getTreeItem(node: EntitiesTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'kind': {
        const spec = KINDS.find((k) => k.kind === node.entityKind)!;
        const title = node.article ? `Dates in ${AnnotationService.articleName(node.article)}` : spec.title;
        const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `kind:${node.entityKind}`;
        const count = node.entities.length;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon(spec.icon);
        item.contextValue = 'entityKind';
        item.accessibilityInformation = { label: `${title}, ${count} ${count === 1 ? 'entry' : 'entries'}` };
        return item;
      }
      case 'entity':
        return this.entityItem(node);
      case 'article': {
        const name = AnnotationService.articleName(node.key);
        const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `article:${node.entity.entityKind}:${node.entity.name}:${node.key}`;
        item.description = `${plural(node.mentions.length, 'mention')} · ${node.key.includes('/') ? node.key.slice(0, node.key.lastIndexOf('/')) : ''}`.replace(/ · $/, '');
        item.resourceUri = this.index.uriOf(node.key);
        item.iconPath = vscode.ThemeIcon.File;
        item.tooltip = `${node.key}: ${plural(node.mentions.length, 'mention')} of ${node.entity.name}`;
        item.accessibilityInformation = { label: `${name}, ${plural(node.mentions.length, 'mention')} of ${node.entity.name}` };
        item.contextValue = 'entityArticle';
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem({ label: node.context, highlights: [[node.highlight[0], node.highlight[1]]] }, vscode.TreeItemCollapsibleState.None);
        item.id = `mention:${node.key}:${node.start}`;
        item.tooltip = `${node.key}, characters ${node.start}–${node.end}: click to show it`;
        item.accessibilityInformation = { label: `${node.text} in ${AnnotationService.articleName(node.key)}: ${node.context}` };
        item.contextValue = 'entityMention';
        item.command = { command: REVEAL_ENTITY_COMMAND, title: 'Reveal Entity', arguments: [{ uri: node.uri, start: node.start, end: node.end }] };
        return item;
      }
      case 'loading': {
        const item = new vscode.TreeItem('Loading its articles from the cache…', vscode.TreeItemCollapsibleState.None);
        item.id = `loading:${node.entity.entityKind}:${node.entity.name}`;
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        item.tooltip = 'The workspace index is reading the last session’s articles back; the mentions are listed in a moment.';
        return item;
      }
      case 'more': {
        const rest = node.entities.length - node.from;
        const item = new vscode.TreeItem(`${rest} more…`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `more:${node.entityKind}:${node.from}`;
        item.tooltip = `Expand for the next ${Math.min(PAGE, rest)}, or filter the view to find one.`;
        item.accessibilityInformation = { label: `${rest} more ${KINDS.find((k) => k.kind === node.entityKind)!.title.toLowerCase()}; expand for the next ${Math.min(PAGE, rest)}` };
        return item;
      }
    }
  }

  private entityItem(node: EntityNode): vscode.TreeItem {
    const spec = KINDS.find((k) => k.kind === node.entityKind)!;
    const workspace = node.articles !== undefined;
    const item = new vscode.TreeItem(node.name, workspace ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `entity:${node.entityKind}:${node.name}${workspace ? '' : `:${node.start}`}`;
    if (node.resolved) {
      item.description = node.resolved;
      item.tooltip = `${node.name}: ${node.resolved} · click to show it`;
      item.accessibilityInformation = { label: `${node.name}, date, ${node.resolved}` };
    } else if (workspace) {
      const articles = node.articles ?? 0;
      item.description = `${plural(node.mentions, 'mention')} · ${plural(articles, 'article')}`;
      const conflicts = node instanceof CorpusEntityNode ? node.conflicts.map((c) => ` · also typed as ${c.type} in ${plural(c.articles.length, 'article')}`).join('') : '';
      item.tooltip = `${spec.singular} · ${plural(node.mentions, 'mention')} in ${plural(articles, 'article')}${node.firstDate ? ` · first dated ${node.firstDate}` : ''}${conflicts} · expand for every mention`;
      item.accessibilityInformation = { label: `${node.name}, ${spec.singular}, ${plural(node.mentions, 'mention')} in ${plural(articles, 'article')}` };
    } else {
      item.description = plural(node.mentions, 'mention');
      item.tooltip = `${spec.singular} · ${plural(node.mentions, 'mention')} in this article · click to show the first`;
      item.accessibilityInformation = { label: `${node.name}, ${spec.singular}, ${plural(node.mentions, 'mention')}` };
    }
    item.contextValue = node.entityKind === 'date' ? 'date' : 'entity';
    if (!workspace) item.command = { command: REVEAL_ENTITY_COMMAND, title: 'Reveal Entity', arguments: [{ uri: node.uri, start: node.start, end: node.end }] };
    return item;
  }

  /** Sort: the argument ('mentions', 'name', 'firstDate'), else a pick. */
  async pickSort(arg?: unknown): Promise<EntitiesSort | undefined> {
    let sort = SORTS.find((s) => s.sort === arg)?.sort;
    if (!sort) {
      const picked = await vscode.window.showQuickPick(
        SORTS.map((s) => ({ label: s.label, detail: s.detail, sort: s.sort, picked: s.sort === this.sortValue, description: s.sort === this.sortValue ? 'current' : undefined })),
        { title: 'Sort Entities By', placeHolder: 'How the Entities view orders the entities of each kind' },
      );
      sort = picked?.sort;
    }
    if (sort) this.setSort(sort);
    return sort;
  }

  /** Filter: the argument (a string, '' clears), else an input box with the current filter. */
  async pickFilter(arg?: unknown): Promise<string | undefined> {
    const value =
      typeof arg === 'string'
        ? arg
        : await vscode.window.showInputBox({ title: 'Filter Entities', prompt: 'Show only the entities whose name contains this text (empty shows all)', value: this.filterValue, placeHolder: 'e.g. Ghani' });
    if (value === undefined) return undefined;
    this.setFilter(value);
    return this.filterValue;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    if (this.trackTimer) clearTimeout(this.trackTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * A workspace entity. Its first mention (what the correction commands act on when given the node) is looked up only
 * when asked for: listing thousands of entities must not walk every article for each of them.
 */
class CorpusEntityNode implements EntityNode {
  readonly kind = 'entity';
  readonly entityKind: EntityType;
  readonly id: string;
  readonly name: string;
  readonly mentions: number;
  readonly articles: number;
  readonly firstDate: string | undefined;
  private first: { uri: string; start: number; end: number; text: string } | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly entity: CorpusEntity,
  ) {
    this.entityKind = entity.type;
    this.id = entity.id;
    this.name = entity.canonical;
    this.mentions = entity.mentions;
    this.articles = entity.articles;
    this.firstDate = entity.firstDate ?? undefined;
  }

  /**
   * Other types some articles give its names ("also typed as place in 2 articles"): read when its row is drawn (the
   * corpus works them out when asked, not for every entity listed).
   */
  get conflicts(): CorpusEntity['conflicts'] {
    return this.entity.conflicts;
  }

  private firstMention(): { uri: string; start: number; end: number; text: string } {
    if (!this.first) {
      const m = this.index.corpus.entity(this.id)?.byArticle[0]?.mentions[0];
      this.first = m ? { uri: this.index.uriOf(m.article).toString(), start: m.start, end: m.end, text: m.text } : { uri: '', start: 0, end: 0, text: this.name };
    }
    return this.first;
  }

  get uri(): string {
    return this.firstMention().uri;
  }

  get start(): number {
    return this.firstMention().start;
  }

  get end(): number {
    return this.firstMention().end;
  }

  get text(): string {
    return this.firstMention().text;
  }
}

/** A page of a kind's entities from `from` on, and a row for the rest. */
function page(entityKind: EntityKind, entities: readonly EntityNode[], from: number): EntitiesTreeNode[] {
  const shown: EntitiesTreeNode[] = entities.slice(from, from + PAGE);
  if (entities.length > from + PAGE) shown.push({ kind: 'more', entityKind, entities, from: from + PAGE });
  return shown;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
