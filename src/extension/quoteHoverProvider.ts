// Who said the words under the cursor: "Halvard Tresling, said:" with the quote, the article and its date. The quote
// and names come from the article (untrusted): escaped; the one command link is allow-listed.
import * as vscode from 'vscode';
import { commandUri } from '../core/markdown/commandLinks';
import type { AnalysisService } from './analysisService';
import { AnnotationService } from './annotationService';
import type { ArticleDocuments } from './articleDocuments';
import { escapeMarkdownLine } from '../core/markdown/escapeMarkdown';
import { hoverTarget, safeMarkdown } from './hoverTarget';
import { quotationsOf } from './quoteDecorator';
import type { WorkspaceIndex } from './workspaceIndex';
import { SHOW_QUOTES_OF_COMMAND } from './commandIds';

const MAX_QUOTE_CHARS = 400;

export class QuoteHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly articles: ArticleDocuments,
    private readonly analysis: AnalysisService,
    private readonly index: Pick<WorkspaceIndex, 'corpus' | 'textOf'>,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const target = await hoverTarget(this.articles, this.analysis, document, position, token);
    if (!target) return undefined;
    const { article, analysis, offset } = target;
    const quote = quotationsOf(article.sourceText, analysis).find((q) => q.start <= offset && offset < q.end);
    if (!quote) return undefined;
    // the speaker as the whole collection names it, when the index holds this very text
    const indexed = this.index.textOf(article.key) === article.sourceText ? this.index.corpus.quotations(article.key).find((q) => q.start === quote.start) : undefined;
    const entity = indexed?.speakerEntity ?? null;
    const speaker = entity?.canonical ?? quote.speaker;
    const md = safeMarkdown(entity ? [SHOW_QUOTES_OF_COMMAND] : []);
    const verb = quote.cue === null || quote.cue === 'according to' ? 'said' : quote.cue;
    md.appendMarkdown(speaker === null ? `*An unnamed source*, ${escapeMarkdownLine(verb)}:\n\n` : `**${escapeMarkdownLine(speaker)}**${quote.speakerType ? ` (${quote.speakerType})` : ''}, ${escapeMarkdownLine(verb)}:\n\n`);
    const text = quote.text.length > MAX_QUOTE_CHARS ? `${quote.text.slice(0, MAX_QUOTE_CHARS - 1)}…` : quote.text;
    md.appendMarkdown(`> “${escapeMarkdownLine(text)}”\n\n`);
    const date = analysis.articleDate;
    md.appendMarkdown(`In *${escapeMarkdownLine(AnnotationService.articleName(article.key))}*${date ? `, ${escapeMarkdownLine(date)}` : ''}.`);
    if (speaker === null) md.appendMarkdown(' The article does not name the speaker.');
    if (entity) md.appendMarkdown(`\n\n[Show Quotes of This Person](${commandUri(SHOW_QUOTES_OF_COMMAND, [entity.id])} "Every quotation of ${escapeMarkdownLine(entity.canonical)} in the workspace")`);
    return new vscode.Hover(md, article.toEditorRange(quote.start, quote.end));
  }
}
