// The editor's own navigation gestures inside one article: Outline, breadcrumbs and Go to Symbol in Editor
// (DocumentSymbolProvider), and every mention of the entity under the cursor highlighted (DocumentHighlightProvider).
import * as vscode from 'vscode';
import { basename } from '../core/paths/posixPath';
import { parsedArticle } from '../core/article/parseArticle';
import { articleOutlineSteps, type OutlineNode } from '../core/navigation/articleOutline';
import { type MentionKind, mentionAt, mentionsOfSameEntity } from '../core/navigation/entityNavigation';
import type { Analysis } from '../core/nlp/analysisModel';
import type { AnalysisService } from './analysisService';
import type { ArticleDocument, ArticleDocuments } from './articleDocuments';
import { ARTICLE_SCHEME } from './articleKeys';
import { bufferRefreshDelay } from './articleProvider';
import { documentLength } from './documentText';
import { nextMacrotask } from './platform/macrotask';
import type { SettingsWatcher } from './settings';

/** The symbol icon of each kind, the same in the Outline, Go to Symbol and Go to Symbol in Workspace. */
export const SYMBOL_KINDS: Readonly<Record<MentionKind, vscode.SymbolKind>> = {
  person: vscode.SymbolKind.Object,
  place: vscode.SymbolKind.Package,
  organization: vscode.SymbolKind.Struct,
  date: vscode.SymbolKind.Event,
};

/** The Outline is asked once per version of a document, so it waits for the complete analysis rather than show a part. */
const SYMBOLS_WAIT_MILLIS = 60_000;
const HIGHLIGHTS_WAIT_MILLIS = 8_000;

const EMPTY_ANALYSIS: Analysis = { articleDate: null, entities: [], dates: [], aliases: {} };

/**
 * Reading views and files matching `articleAnnotator.articleGlobs` (as given, and relative to each workspace
 * folder), so other files keep the editor's own word highlighting and outline.
 */
export function articleDocumentSelector(globs: readonly string[]): vscode.DocumentFilter[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return [{ scheme: ARTICLE_SCHEME }, ...globs.flatMap((glob) => [{ pattern: glob }, ...folders.map((folder) => ({ pattern: new vscode.RelativePattern(folder, glob) }))])];
}

/** Work on the extension host between two yields while the outline and the symbols of a large article are built. */
const SYMBOL_SLICE_MILLIS = 8;

export class ArticleSymbolProvider implements vscode.DocumentSymbolProvider {
  /**
   * The outline last built from an analysis, for the text it was built on: the plain editor and its reading view ask
   * for the symbols of the same text and analysis one after the other.
   */
  private readonly outlines = new WeakMap<Analysis, { readonly text: string; readonly fileName: string; readonly nodes: readonly OutlineNode[] }>();

  constructor(
    private readonly articles: ArticleDocuments,
    private readonly analysis: AnalysisService,
  ) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    if (!this.articles.get(document)) return undefined;
    // VS Code asks again at every version of a document being typed into (breadcrumbs, sticky scroll, the Outline): the
    // text, its analysis and the outline wait for a pause in typing, as the reading view does (a large article a longer
    // one), and are made once for the text typing left instead of at every pause between words
    if (!(await this.articles.untilEditsPause(document, bufferRefreshDelay(documentLength(document)), token))) return undefined;
    const article = this.articles.get(document);
    if (!article) return undefined;
    const analysis = (await this.analysis.completeFor(article, token, SYMBOLS_WAIT_MILLIS)) ?? EMPTY_ANALYSIS;
    if (token.isCancellationRequested) return undefined;
    const text = article.sourceText;
    const fileName = basename(article.sourceUri.path);
    let outline = this.outlines.get(analysis);
    if (outline?.text !== text || outline.fileName !== fileName) {
      // parsing the edited article, its outline and the symbols are each work of their own on a large article: parsing
      // in its own macrotask, the outline and the symbols a slice at a time
      const parsed = parsedArticle(text);
      await nextMacrotask();
      if (token.isCancellationRequested) return undefined;
      const steps = articleOutlineSteps(parsed, analysis, fileName);
      let sliceStart = performance.now();
      let step = steps.next();
      while (!step.done) {
        if (performance.now() - sliceStart > SYMBOL_SLICE_MILLIS) {
          await nextMacrotask();
          if (token.isCancellationRequested) return undefined;
          sliceStart = performance.now();
        }
        step = steps.next();
      }
      outline = { text, fileName, nodes: step.value };
      this.outlines.set(analysis, outline);
      await nextMacrotask();
      if (token.isCancellationRequested) return undefined;
    }
    return toSymbols(article, outline.nodes, token);
  }
}

/**
 * The editor's symbols of the outline, a slice at a time: a megabyte's outline has a couple of thousand nodes, each
 * placed in the editor, and building them at once (after the outline itself, and before VS Code serialises them on
 * this host) was the longest stall of the host once typing paused. Undefined when cancelled meanwhile.
 */
async function toSymbols(article: ArticleDocument, nodes: readonly OutlineNode[], token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
  let sliceStart = performance.now();
  const symbols: vscode.DocumentSymbol[] = [];
  for (const node of nodes) {
    const children: vscode.DocumentSymbol[] = [];
    for (const child of node.children) {
      const symbol = toSymbol(article, child);
      if (symbol) children.push(symbol);
      if (performance.now() - sliceStart > SYMBOL_SLICE_MILLIS) {
        await nextMacrotask();
        if (token.isCancellationRequested) return undefined;
        sliceStart = performance.now();
      }
    }
    const symbol = symbolOf(article, node, children);
    if (symbol) symbols.push(symbol);
  }
  return symbols;
}

/** Editor ranges of a core outline node; a node whose text this editor does not show (the reading view's dateline) is left out. */
function toSymbol(article: ArticleDocument, node: OutlineNode): vscode.DocumentSymbol | undefined {
  const children = node.children.map((child) => toSymbol(article, child)).filter((s): s is vscode.DocumentSymbol => s !== undefined);
  return symbolOf(article, node, children);
}

/** The symbol of a node whose children's symbols are made. */
function symbolOf(article: ArticleDocument, node: OutlineNode, children: vscode.DocumentSymbol[]): vscode.DocumentSymbol | undefined {
  const selection = article.toEditorRange(node.selection.start, node.selection.end) ?? children[0]?.selectionRange;
  if (!selection) return undefined;
  // the editor requires the range to contain the selection; children are kept inside too, for breadcrumbs
  // a group or an entity covers what of it is shown (the core's span may start in text this editor hides)
  let range = node.role === 'group' || (node.role === 'entity' && children.length > 0) ? selection : (article.toEditorRange(node.span.start, node.span.end) ?? selection).union(selection);
  if (node.role === 'group' || node.role === 'entity') for (const child of children) range = range.union(child.range);
  const kind = node.role === 'headline' ? vscode.SymbolKind.File : node.role === 'heading' ? vscode.SymbolKind.String : SYMBOL_KINDS[node.kind ?? 'date'];
  const symbol = new vscode.DocumentSymbol(node.name, node.detail, kind, range, selection);
  symbol.children = children;
  return symbol;
}

/** All mentions of the entity under the cursor, aliases included; on a date, every date resolved to the same day. */
export class EntityHighlightProvider implements vscode.DocumentHighlightProvider {
  constructor(
    private readonly articles: ArticleDocuments,
    private readonly analysis: AnalysisService,
  ) {}

  async provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.DocumentHighlight[] | undefined> {
    const article = this.articles.get(document);
    const at = article?.toSourceSpan(new vscode.Range(position, position));
    if (!article) return undefined;
    if (!at) return []; // the header: not source text
    const analysis = await this.analysis.completeFor(article, token, HIGHLIGHTS_WAIT_MILLIS);
    // [] rather than undefined: in an article only mentions are highlighted, the editor's word-occurrence fallback never runs
    if (!analysis || token.isCancellationRequested) return [];
    const entity = mentionAt(analysis.entities, at.start);
    let spans: readonly { start: number; end: number }[] = [];
    if (entity) spans = mentionsOfSameEntity(analysis, entity);
    else {
      const date = mentionAt(analysis.dates, at.start);
      if (date) spans = date.value === null ? [date] : analysis.dates.filter((d) => JSON.stringify(d.value) === JSON.stringify(date.value));
    }
    return spans
      .map((s) => article.toEditorRange(s.start, s.end))
      .filter((r): r is vscode.Range => r !== undefined)
      .map((r) => new vscode.DocumentHighlight(r, vscode.DocumentHighlightKind.Text));
  }
}

/** Registers the per-document providers for the article selector, again whenever the article globs or folders change. */
export class ArticleNavigation implements vscode.Disposable {
  private registrations: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly providers: {
      readonly symbols?: vscode.DocumentSymbolProvider;
      readonly highlights?: vscode.DocumentHighlightProvider;
      readonly references?: vscode.ReferenceProvider;
      readonly definitions?: vscode.DefinitionProvider;
    },
    private readonly settings: SettingsWatcher,
  ) {
    this.register();
    this.disposables.push(
      settings.onDidChange((change) => (change.articleGlobs ? this.register() : undefined)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.register()),
    );
  }

  private register(): void {
    for (const r of this.registrations) r.dispose();
    const selector = articleDocumentSelector(this.settings.settings.articleGlobs);
    const { symbols, highlights, references, definitions } = this.providers;
    this.registrations = [
      ...(symbols ? [vscode.languages.registerDocumentSymbolProvider(selector, symbols, { label: 'Article' })] : []),
      ...(highlights ? [vscode.languages.registerDocumentHighlightProvider(selector, highlights)] : []),
      ...(references ? [vscode.languages.registerReferenceProvider(selector, references)] : []),
      ...(definitions ? [vscode.languages.registerDefinitionProvider(selector, definitions)] : []),
    ];
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
