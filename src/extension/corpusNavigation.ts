// Navigation across the whole collection, on the workspace index: Go to Symbol in Workspace (Ctrl+T) finds any entity
// of the corpus, Find All References / Peek (Shift+F12) lists every mention in every article, Go to Definition (F12)
// goes to its first mention in the corpus.
//
// Where locations point: a request from a reading view gets reading-view locations (a Peek there shows article text
// as paragraphs); one from a plain editor gets the source files. Go to Symbol in Workspace follows the active editor
// the same way. "First mention in the corpus" is the first mention in the earliest-dated article that mentions the
// entity (articles without a date after the dated ones), ties broken by article key.
import * as vscode from 'vscode';
import { parsedArticle } from '../core/article/parseArticle';
import type { CorpusEntityDetails, CorpusMention } from '../core/corpus/corpusIndex';
import { firstMention, mentionAt } from '../core/navigation/entityNavigation';
import { LineIndex } from '../core/navigation/textPositions';
import type { EntityType } from '../core/nlp/analysisModel';
import type { AnalysisService } from './analysisService';
import type { ArticleDocument, ArticleDocuments } from './articleDocuments';
import { type ArticleProvider, type ViewMapping } from './articleProvider';
import { ARTICLE_SCHEME, toArticleUri } from './articleKeys';
import type { ArticleDating } from './articleDating';
import { SYMBOL_KINDS } from './articleNavigation';
import type { WorkspaceIndex } from './workspaceIndex';

/** Entities offered by Go to Symbol in Workspace for one query, and symbols (entity × article) at most. */
const MAX_SYMBOL_ENTITIES = 100;
const MAX_SYMBOLS = 500;
const ANALYSIS_WAIT_MILLIS = 8_000;
/** Line indexes and reading-view maps of closed articles, kept for the next gesture (a few at a time). */
const MAPS_KEPT = 64;

type View = 'reading' | 'source';

export class CorpusNavigation implements vscode.WorkspaceSymbolProvider, vscode.ReferenceProvider, vscode.DefinitionProvider {
  private readonly lineIndexes = new Map<string, LineIndex>();
  private readonly viewMaps = new Map<string, { source: string; text: string; map: ViewMapping; title: string | undefined }>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly articles: ArticleDocuments,
    private readonly analysis: AnalysisService,
    /** The reading view as the `article:` provider renders it: its header shows the article's date, so offsets depend on it. */
    private readonly views: Pick<ArticleProvider, 'viewOf'>,
    private readonly dating: Pick<ArticleDating, 'userDate' | 'fileDateOf'>,
  ) {}

  provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): vscode.SymbolInformation[] {
    const view: View = vscode.window.activeTextEditor?.document.uri.scheme === ARTICLE_SCHEME ? 'reading' : 'source';
    const symbols: vscode.SymbolInformation[] = [];
    for (const found of this.index.corpus.search(query, MAX_SYMBOL_ENTITIES)) {
      if (token.isCancellationRequested || symbols.length >= MAX_SYMBOLS) break;
      const entity = this.index.corpus.entity(found.id);
      if (!entity) continue;
      for (const { article, mentions } of entity.byArticle) {
        const first = mentions[0];
        const location = first ? this.location(article, first, view) : undefined;
        if (!location) continue;
        symbols.push(new vscode.SymbolInformation(entity.canonical, SYMBOL_KINDS[entity.type], this.titleOf(article), location));
        if (symbols.length >= MAX_SYMBOLS) break;
      }
    }
    return symbols;
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const found = await this.entityAt(document, position, token);
    if (!found) return undefined;
    const { article, entity, mention } = found;
    const locations: vscode.Location[] = [];
    for (const { article: key, mentions } of entity.byArticle) {
      for (const m of mentions) {
        if (!context.includeDeclaration && key === article.key && m.start === mention.start) continue;
        const location = this.location(key, m, article);
        if (location) locations.push(location);
      }
    }
    return locations;
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.LocationLink[] | undefined> {
    const found = await this.entityAt(document, position, token);
    if (!found) return undefined;
    const { article, entity, mention } = found;
    const first = firstMention(entity.byArticle, (key) => this.index.corpus.articleDate(key) ?? null);
    const target = first ? this.location(first.article, first, article) : undefined;
    if (!target) return undefined;
    return [{ originSelectionRange: article.toEditorRange(mention.start, mention.end), targetUri: target.uri, targetRange: target.range, targetSelectionRange: target.range }];
  }

  /** The corpus entity of the mention under the cursor, by the article's own current analysis (unsaved edits included). */
  private async entityAt(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<{ article: ArticleDocument; entity: CorpusEntityDetails; mention: { start: number; end: number } } | undefined> {
    const article = this.articles.get(document);
    const at = article?.toSourceSpan(new vscode.Range(position, position));
    if (!article || !at) return undefined;
    const analysis = await this.analysis.completeFor(article, token, ANALYSIS_WAIT_MILLIS);
    if (token.isCancellationRequested) return undefined;
    const local = analysis ? mentionAt(analysis.entities, at.start) : undefined;
    if (local) {
      const entity = this.index.corpus.corpusEntityOf(article.key, local) ?? this.index.corpus.corpusEntityOf(undefined, local);
      return entity ? { article, entity: this.withOpenText(article, entity, local), mention: local } : undefined;
    }
    // no analysis in time: the index's own mentions of this article, if its text is the editor's
    if (this.index.textOf(article.key) !== article.sourceText) return undefined;
    const entity = this.index.corpus.entityAt(article.key, at.start);
    const mention = entity?.byArticle.find((a) => a.article === article.key)?.mentions.find((m) => m.start <= at.start && at.start <= m.end);
    return entity && mention ? { article, entity, mention } : undefined;
  }

  /** An article with unsaved edits: its mentions come from the editor's analysis, not from the file the index read. */
  private withOpenText(article: ArticleDocument, entity: CorpusEntityDetails, local: { canonical: string; type: EntityType }): CorpusEntityDetails {
    if (this.index.textOf(article.key) === article.sourceText && entity.byArticle.some((a) => a.article === article.key)) return entity;
    const current = this.analysis.currentFor(article)?.analysis;
    if (!current) return entity;
    const mentions: CorpusMention[] = current.entities.filter((e) => e.type === local.type && e.canonical === local.canonical).map((e) => ({ article: article.key, start: e.start, end: e.end, text: e.text }));
    const byArticle = [...entity.byArticle.filter((a) => a.article !== article.key), { article: article.key, mentions }].sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
    return { ...entity, byArticle };
  }

  /**
   * A mention as a location in the kind of editor `from` is (a view, or the requesting editor itself): in the
   * requesting editor, or an open one of that kind showing the indexed text, else computed from the indexed text.
   */
  private location(key: string, mention: { start: number; end: number }, from: View | ArticleDocument): vscode.Location | undefined {
    if (typeof from !== 'string' && from.key === key) {
      // the requesting article's mentions are for its editor's text (unsaved edits included)
      const range = from.toEditorRange(mention.start, mention.end);
      return range ? new vscode.Location(from.document.uri, range) : undefined;
    }
    const view = typeof from === 'string' ? from : from.view;
    const sourceUri = this.index.uriOf(key);
    const open = this.articles.documentsFor(sourceUri).find((d) => d.view === view && d.sourceText === this.index.textOf(key));
    if (open) {
      const range = open.toEditorRange(mention.start, mention.end);
      return range ? new vscode.Location(open.document.uri, range) : undefined;
    }
    const text = this.index.textOf(key);
    if (text === undefined) return undefined;
    if (view === 'source') {
      const lines = this.lineIndexOf(key, text);
      const start = lines.positionAt(mention.start);
      const end = lines.positionAt(mention.end);
      return new vscode.Location(sourceUri, new vscode.Range(start.line, start.character, end.line, end.character));
    }
    const rendered = this.viewOf(key, sourceUri, text);
    const span = rendered.map.toViewSpan(mention.start, mention.end);
    if (!span) return undefined;
    // the reading view's text always breaks lines with LF
    const lines = this.lineIndexOf(`view:${key}`, rendered.text);
    const start = lines.positionAt(span.start);
    const end = lines.positionAt(span.end);
    return new vscode.Location(toArticleUri(sourceUri), new vscode.Range(start.line, start.character, end.line, end.character));
  }

  private lineIndexOf(id: string, text: string): LineIndex {
    const kept = this.lineIndexes.get(id);
    if (kept && kept.text === text) return kept;
    const made = new LineIndex(text);
    remember(this.lineIndexes, id, made);
    return made;
  }

  /** The reading view as the `article:` provider renders it (same renderer, file name, date and file day). */
  private viewOf(key: string, sourceUri: vscode.Uri, text: string): { text: string; map: ViewMapping; title: string | undefined } {
    const id = `${key}\u0000${this.dating.userDate(key) ?? ''}\u0000${this.dating.fileDateOf(sourceUri) ?? ''}`;
    const kept = this.viewMaps.get(id);
    if (kept && kept.source === text) return kept;
    const view = this.views.viewOf(sourceUri, text);
    const made = { source: text, text: view.text, map: view.map, title: parsedArticle(text).title?.text };
    remember(this.viewMaps, id, made);
    return made;
  }

  /** The article's headline (else its file name), shown next to each symbol. */
  private titleOf(key: string): string {
    const text = this.index.textOf(key);
    const fileName = key.slice(key.lastIndexOf('/') + 1);
    if (text === undefined) return fileName;
    const title = this.viewOf(key, this.index.uriOf(key), text).title;
    return title ? title.replace(/\s+/g, ' ') : fileName;
  }
}

function remember<T>(cache: Map<string, T>, id: string, value: T): void {
  cache.delete(id);
  cache.set(id, value);
  if (cache.size > MAPS_KEPT) cache.delete(cache.keys().next().value!);
}
