// The "Entities" view: for the current article, each kind, then each entity with its mention count; click reveals
// its first mention.
import * as vscode from 'vscode';
import type { Analysis } from '../core/nlp/analysisModel';
import type { AnalysisService } from './analysisService';
import type { ArticleDocument, ArticleDocuments } from './articleDocuments';

export const ENTITIES_VIEW = 'articleAnnotator.entities';
export const REVEAL_ENTITY_COMMAND = 'articleAnnotator.revealEntity';
export const REFRESH_ENTITIES_COMMAND = 'articleAnnotator.refreshEntities';

export type EntityKind = 'person' | 'place' | 'organization' | 'date';
const KINDS: readonly { kind: EntityKind; title: string; icon: string }[] = [
  { kind: 'person', title: 'People', icon: 'person' },
  { kind: 'place', title: 'Places', icon: 'location' },
  { kind: 'organization', title: 'Organizations', icon: 'organization' },
  { kind: 'date', title: 'Dates', icon: 'calendar' },
];

export interface EntityKindNode {
  readonly kind: 'kind';
  readonly entityKind: EntityKind;
  readonly entities: readonly EntityNode[];
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
}
export type EntitiesTreeNode = EntityKindNode | EntityNode;

export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntitiesTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<EntitiesTreeNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  private article: ArticleDocument | undefined;
  private pending: NodeJS.Timeout | undefined;
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly analysis: AnalysisService,
    private readonly articles: ArticleDocuments,
  ) {
    this.disposables.push(
      this.changeEmitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.track()),
      analysis.onDidAnalyze((update) => {
        if (update.complete && update.key === this.article?.key) this.schedule();
      }),
      analysis.onDidInvalidate(() => this.track()),
      articles.onDidChangeArticle((change) => {
        if (change.key === this.article?.key) this.track();
      }),
    );
    this.track();
  }

  /** The article the view shows: the active editor's, kept while focus is elsewhere (the view itself, a panel). */
  get currentArticle(): ArticleDocument | undefined {
    return this.article;
  }

  /** Follows the active editor; asks for an analysis when none is current. */
  track(): void {
    const editor = vscode.window.activeTextEditor;
    const article = editor ? this.articles.get(editor.document) : undefined;
    if (editor) this.article = article;
    if (this.article && !this.analysis.currentFor(this.article)?.complete) void this.analysis.analyzeDocument(this.article);
    this.schedule();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.changeEmitter.fire(undefined);
    }, 50);
  }

  /** The analysis the view is drawn from (undefined while the article is being analysed). */
  currentAnalysis(): Analysis | undefined {
    if (!this.article) return undefined;
    return this.analysis.currentFor(this.article)?.analysis;
  }

  getChildren(node?: EntitiesTreeNode): EntitiesTreeNode[] {
    if (node) return node.kind === 'kind' ? [...node.entities] : [];
    const analysis = this.currentAnalysis();
    const article = this.article;
    if (!analysis || !article) return [];
    const groups = new Map<string, { kind: EntityKind; name: string; count: number; start: number; end: number; text: string }>();
    const add = (kind: EntityKind, name: string, start: number, end: number, text: string): void => {
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
    if (node.kind === 'kind') {
      const spec = KINDS.find((k) => k.kind === node.entityKind)!;
      const item = new vscode.TreeItem(spec.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `kind:${node.entityKind}`;
      item.description = String(node.entities.length);
      item.iconPath = new vscode.ThemeIcon(spec.icon);
      item.contextValue = 'entityKind';
      return item;
    }
    const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
    item.id = `entity:${node.entityKind}:${node.name}`;
    item.description = `${node.mentions} mention${node.mentions === 1 ? '' : 's'}`;
    item.tooltip = `${node.entityKind} · ${node.mentions} mention${node.mentions === 1 ? '' : 's'} in this article · click to show the first`;
    item.contextValue = node.entityKind === 'date' ? 'date' : 'entity';
    item.command = { command: REVEAL_ENTITY_COMMAND, title: 'Reveal Entity', arguments: [{ uri: node.uri, start: node.start, end: node.end }] };
    return item;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}
