// Quotations as an optional highlight kind (`articleAnnotator.highlight.quote`, off by default): the quoted words of
// each quotation in visible article editors, in a colour of their own. Follows the entity highlights: drawn whenever
// they are (analysis updates, the Toggle Highlights switch), from the same analysis, so both always agree.
import * as vscode from 'vscode';
import type { Analysis } from '../core/nlp/analysisModel';
import { findQuotations, type Quotation } from '../core/quotes/quotations';
import type { AnalysisService } from './analysisService';
import type { ArticleDocument, ArticleDocuments } from './articleDocuments';
import type { EditorDecorations, EntityDecorator } from './entityDecorator';

/** A setting of its own, so the entity highlight kinds (and their settings snapshot) stay as they are. */
export const QUOTE_HIGHLIGHT_SETTING = 'highlight.quote';

// Found once per analysis result (results are immutable), for the decorator and the hover alike.
const found = new WeakMap<Analysis, readonly Quotation[]>();

/** The quotations of an article's text, from the entities of an analysis of that text. */
export function quotationsOf(text: string, analysis: Analysis): readonly Quotation[] {
  let quotations = found.get(analysis);
  if (!quotations) {
    quotations = findQuotations(text, analysis.entities);
    found.set(analysis, quotations);
  }
  return quotations;
}

/** What the quote highlight has drawn in one editor (tests read it). */
export interface QuoteDecorations {
  readonly uri: string;
  readonly key: string;
  /** Source offsets of each highlighted quotation. */
  readonly quotes: readonly { readonly start: number; readonly end: number; readonly speaker: string | null }[];
}

export class QuoteDecorator implements vscode.Disposable {
  private type: vscode.TextEditorDecorationType;
  private readonly applied = new Map<string, QuoteDecorations>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly articles: ArticleDocuments,
    private readonly analysis: AnalysisService,
    private readonly entities: EntityDecorator,
  ) {
    this.type = createType();
    this.disposables.push(
      entities.onDidDecorate((decorations) => this.follow(decorations)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`articleAnnotator.${QUOTE_HIGHLIGHT_SETTING}`)) this.refreshVisible();
      }),
      vscode.window.onDidChangeActiveColorTheme(() => {
        this.type.dispose();
        this.type = createType();
        this.refreshVisible();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.applied.delete(document.uri.toString())),
    );
  }

  /** Whether the quote highlight is switched on (its own setting, and highlights on overall). */
  get enabled(): boolean {
    return this.entities.enabled && vscode.workspace.getConfiguration('articleAnnotator').get<boolean>(QUOTE_HIGHLIGHT_SETTING, false) === true;
  }

  decorationsFor(uri: vscode.Uri): QuoteDecorations | undefined {
    return this.applied.get(uri.toString());
  }

  private refreshVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const article = this.articles.get(editor.document);
      const current = article ? this.analysis.currentFor(article) : undefined;
      if (article && current) this.apply(editor, article, current.analysis, current.complete);
    }
  }

  private follow(decorations: EditorDecorations): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === decorations.uri);
    const article = editor ? this.articles.get(editor.document) : undefined;
    const current = article ? this.analysis.currentFor(article) : undefined;
    if (editor && article && current) this.apply(editor, article, current.analysis, current.complete);
  }

  private apply(editor: vscode.TextEditor, article: ArticleDocument, analysis: Analysis, complete: boolean): void {
    // a speaker named later in the article is known only once the whole article is analysed
    const quotations = this.enabled && complete ? quotationsOf(article.sourceText, analysis) : [];
    const ranges: vscode.DecorationOptions[] = [];
    const quotes: { start: number; end: number; speaker: string | null }[] = [];
    for (const q of quotations) {
      const range = article.toEditorRange(q.start, q.end);
      if (!range || range.isEmpty) continue;
      ranges.push({ range });
      quotes.push({ start: q.start, end: q.end, speaker: q.speaker });
    }
    editor.setDecorations(this.type, ranges);
    if (quotes.length > 0 || this.applied.has(editor.document.uri.toString())) this.applied.set(editor.document.uri.toString(), { uri: editor.document.uri.toString(), key: article.key, quotes });
  }

  dispose(): void {
    this.type.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function createType(): vscode.TextEditorDecorationType {
  const kind = vscode.window.activeColorTheme.kind;
  const highContrast = kind === vscode.ColorThemeKind.HighContrast || kind === vscode.ColorThemeKind.HighContrastLight;
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('articleAnnotator.quoteBackground'),
    borderColor: new vscode.ThemeColor('articleAnnotator.quoteBorder'),
    // a thin dotted line under a quotation, distinct from the entity kinds' underlines
    borderStyle: highContrast ? 'dashed' : 'dotted',
    borderWidth: '0 0 1px 0',
    overviewRulerColor: new vscode.ThemeColor('articleAnnotator.quoteBorder'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}
