// The "Quotations" view: who said what across the workspace. Speakers (the collection's entities, so one person's
// quotes from every article come together), most quoted first, each with its quotes by article date; quotes whose
// speaker the article does not name are grouped under one "Unnamed sources" node, never guessed. A click reveals the
// quote. "Show Quotes of This Person" narrows the view to one speaker.
import * as vscode from 'vscode';
import type { CorpusQuotation } from '../core/corpus/corpusIndex';
import type { EntityType } from '../core/nlp/analysisModel';
import type { ArticleDocuments } from './articleDocuments';
import { AnnotationService } from './annotationService';
import { revealSpanCommand } from './commands/revealEntity';
import type { WorkspaceIndex } from './workspaceIndex';
import { inViewTurn } from './viewTurns';

export const QUOTATIONS_VIEW = 'articleAnnotator.quotations';
/** Context key: the view shows one speaker only (the "show all" action applies). */
const FILTERED_CONTEXT = 'articleAnnotator.quotationsFiltered';
const UNNAMED = '\u0000unnamed';
const MAX_LABEL_CHARS = 90;
const NAME_ORDER = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const REFRESH_MILLIS = 300;
const REFRESH_BUSY_MILLIS = 5_000;

export interface SpeakerNode {
  readonly kind: 'speaker';
  /** The corpus entity id, `name:<speaker>` for a named speaker that is no entity, or the unnamed group's key. */
  readonly key: string;
  /** The speaker's name; null for the unnamed sources' group. */
  readonly name: string | null;
  readonly type: EntityType | null;
  /** By article date (undated last), then article and position. */
  readonly quotes: readonly CorpusQuotation[];
}

export interface QuoteNode {
  readonly kind: 'quote';
  readonly speaker: SpeakerNode;
  readonly quote: CorpusQuotation;
  readonly date: string | null;
}

export type QuotationsTreeNode = SpeakerNode | QuoteNode;

export class QuotationsTreeProvider implements vscode.TreeDataProvider<QuotationsTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<QuotationsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private speakerFilter: string | undefined;
  /** The name the title bar shows for the filter, found once when it is set (not on every redraw: that walks every quotation). */
  private filterLabel: string | undefined;
  private roots: SpeakerNode[] | undefined;
  private pending: NodeJS.Timeout | undefined;
  private view: vscode.TreeView<QuotationsTreeNode> | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly articles: ArticleDocuments,
  ) {
    this.disposables.push(
      this.changeEmitter,
      index.onDidChange(() => {
        // what the view is asked next is current; the redraw itself waits, longer while the index is busy
        this.roots = undefined;
        this.schedule(index.busy ? REFRESH_BUSY_MILLIS : REFRESH_MILLIS);
      }),
    );
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);
  }

  /** The view that shows this tree: while it is hidden an index change computes nothing here. */
  setView(view: vscode.TreeView<QuotationsTreeNode>): void {
    this.view = view;
  }

  /** The speaker the view is narrowed to (a key of speakers()), or undefined for all. */
  get filter(): string | undefined {
    return this.speakerFilter;
  }

  /** Every speaker of the workspace with their quotes; the unnamed sources' group last. */
  speakers(): SpeakerNode[] {
    if (this.roots) return this.roots;
    const groups = new Map<string, { name: string | null; type: EntityType | null; quotes: CorpusQuotation[] }>();
    for (const q of this.index.corpus.quotations()) {
      const key = q.speakerEntity?.id ?? (q.speaker === null ? UNNAMED : `name:${q.speaker}`);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { name: q.speakerEntity?.canonical ?? q.speaker, type: q.speakerEntity?.type ?? q.speakerType, quotes: [] }));
      group.quotes.push(q);
    }
    const dateOf = (q: CorpusQuotation): string => this.index.corpus.articleDate(q.article) ?? '\uffff';
    this.roots = [...groups.entries()]
      .map(([key, g]): SpeakerNode => ({ kind: 'speaker', key, name: g.name, type: g.type, quotes: g.quotes.sort((a, b) => compare(dateOf(a), dateOf(b)) || compare(a.article, b.article) || a.start - b.start) }))
      .sort((a, b) => Number(a.key === UNNAMED) - Number(b.key === UNNAMED) || b.quotes.length - a.quotes.length || NAME_ORDER.compare(a.name ?? '', b.name ?? ''));
    return this.roots;
  }

  getChildren(node?: QuotationsTreeNode): QuotationsTreeNode[] {
    if (!node) return this.speakers().filter((s) => this.speakerFilter === undefined || s.key === this.speakerFilter);
    if (node.kind === 'speaker') return node.quotes.map((quote): QuoteNode => ({ kind: 'quote', speaker: node, quote, date: this.index.corpus.articleDate(quote.article) ?? null }));
    return [];
  }

  getParent(node: QuotationsTreeNode): QuotationsTreeNode | undefined {
    return node.kind === 'quote' ? node.speaker : undefined;
  }

  /**
   * A quote's tooltip, when the pointer rests on it: VS Code converts every Markdown tooltip handed over with the rows
   * on the extension host, and a redraw of many quotes held it for tens of milliseconds.
   */
  resolveTreeItem(item: vscode.TreeItem, node: QuotationsTreeNode): vscode.TreeItem {
    if (node.kind !== 'quote') return item;
    const q = node.quote;
    const speaker = node.speaker.name ?? 'An unnamed source';
    item.tooltip = new vscode.MarkdownString().appendText(`${speaker}${q.cue ? `, ${q.cue}` : ''}:\n\n“${oneLine(q.text)}”\n\n${q.article}${node.date ? `, ${node.date}` : ''} · click to show it`);
    return item;
  }

  getTreeItem(node: QuotationsTreeNode): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const name = node.name ?? 'Unnamed sources';
      const articles = new Set(node.quotes.map((q) => q.article)).size;
      const item = new vscode.TreeItem(name, this.speakerFilter === node.key ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      // a narrowed view shows its one speaker expanded: a new id, so the tree does not keep the old collapsed state
      item.id = `${this.speakerFilter === node.key ? 'only:' : ''}speaker:${node.key}`;
      item.description = `${plural(node.quotes.length, 'quote')} · ${plural(articles, 'article')}`;
      item.iconPath = new vscode.ThemeIcon(node.name === null ? 'question' : node.type === 'person' ? 'person' : 'organization');
      item.tooltip = node.name === null ? 'Quotations whose article does not name the speaker ("a source said", "officials told reporters")' : `${name}${node.type ? ` (${node.type})` : ''}: ${plural(node.quotes.length, 'quote')} in ${plural(articles, 'article')}`;
      item.accessibilityInformation = { label: `${name}, ${plural(node.quotes.length, 'quote')} in ${plural(articles, 'article')}` };
      item.contextValue = node.name === null ? 'quoteSpeaker.unnamed' : 'quoteSpeaker';
      return item;
    }
    const q = node.quote;
    const text = oneLine(q.text);
    const label = text.length > MAX_LABEL_CHARS ? `“${text.slice(0, MAX_LABEL_CHARS - 1)}…”` : `“${text}”`;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    const article = AnnotationService.articleName(q.article);
    item.id = `quote:${node.speaker.key}:${q.article}:${q.start}`;
    item.description = `${article}${node.date ? ` · ${node.date}` : ''}`;
    const speaker = node.speaker.name ?? 'An unnamed source';
    item.iconPath = new vscode.ThemeIcon('quote');
    item.accessibilityInformation = { label: `${speaker}: ${text}. In ${article}${node.date ? `, ${node.date}` : ''}` };
    item.contextValue = 'quote';
    item.command = revealSpanCommand(this.index.uriOf(q.article), q, 'Reveal Quote');
    return item;
  }

  /** What the view's title bar says next to its name. */
  describe(): string | undefined {
    return this.speakerFilter === undefined ? undefined : this.filterLabel;
  }

  /** Narrows the view to one speaker (a key of speakers()), or shows everyone again (undefined). */
  setFilter(key: string | undefined): void {
    this.speakerFilter = key;
    const speaker = key === undefined ? undefined : this.speakers().find((s) => s.key === key);
    this.filterLabel = speaker ? `quotes of ${speaker.name ?? 'unnamed sources'}` : undefined;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, key !== undefined);
    this.changeEmitter.fire(undefined);
  }

  /**
   * "Show Quotes of This Person": the argument names the speaker (a corpus entity id, an Entities view node, or
   * `{canonical, type}`); without one, the entity under the cursor, else a pick of every speaker.
   */
  async showQuotesOf(arg?: unknown): Promise<{ speaker: string; quotes: number } | undefined> {
    const speakers = this.speakers();
    let key = this.speakerKeyOf(arg);
    if (key === undefined && arg === undefined) {
      const named = speakers.filter((s) => s.name !== null);
      if (named.length === 0) {
        void vscode.window.showInformationMessage('Article Annotator: no quotation with a named speaker in the workspace yet.');
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        named.map((s) => ({ label: s.name ?? '', description: plural(s.quotes.length, 'quote'), key: s.key })),
        { title: 'Show Quotes of Which Speaker?', matchOnDescription: false },
      );
      key = picked?.key;
      if (key === undefined) return undefined;
    }
    const speaker = speakers.find((s) => s.key === key);
    if (!speaker) {
      const name = key !== undefined ? this.index.corpus.entity(key)?.canonical : undefined;
      void vscode.window.showInformationMessage(`Article Annotator: ${name ? `no quotation of ${name}` : 'no quotation of this speaker'} in the workspace's articles.`);
      return { speaker: name ?? '', quotes: 0 };
    }
    this.setFilter(speaker.key);
    await vscode.commands.executeCommand(`${QUOTATIONS_VIEW}.focus`);
    return { speaker: speaker.name ?? 'Unnamed sources', quotes: speaker.quotes.length };
  }

  private speakerKeyOf(arg: unknown): string | undefined {
    const corpus = this.index.corpus;
    if (typeof arg === 'string') return arg;
    if (typeof arg === 'object' && arg !== null) {
      const o = arg as { id?: unknown; name?: unknown; canonical?: unknown; entityKind?: unknown; type?: unknown; kind?: unknown; key?: unknown };
      if (o.kind === 'speaker' && typeof o.key === 'string') return o.key;
      if (typeof o.id === 'string' && corpus.entity(o.id)) return o.id;
      const name = typeof o.canonical === 'string' ? o.canonical : typeof o.name === 'string' ? o.name : undefined;
      const type = o.type ?? o.entityKind;
      if (name !== undefined && (type === 'person' || type === 'organization' || type === 'place')) return corpus.corpusEntityOf(undefined, { canonical: name, type })?.id ?? `name:${name}`;
      return undefined;
    }
    // the entity under the cursor of the active article editor
    const editor = vscode.window.activeTextEditor;
    const article = editor ? this.articles.get(editor.document) : undefined;
    const at = article && editor ? article.toSourceSpan(new vscode.Range(editor.selection.active, editor.selection.active)) : undefined;
    return article && at ? corpus.entityAt(article.key, at.start)?.id : undefined;
  }

  private schedule(delay: number): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      inViewTurn(() => {
        // what the view asks for next is worked out now, in this turn, not with the other views' redraws
        if (this.view?.visible) this.speakers();
        this.changeEmitter.fire(undefined);
      });
    }, delay);
  }

  /** Forgets what was computed and redraws now (tests, and after the index settles). */
  refresh(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    this.roots = undefined;
    this.changeEmitter.fire(undefined);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
