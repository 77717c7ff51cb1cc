// What every article hover starts with: the article under the cursor, the source offset hovered and its complete
// analysis (waited for a while, never forever), and the one safe way to build hover Markdown.
import * as vscode from 'vscode';
import type { Analysis } from '../core/nlp/analysisModel';
import type { AnalysisService } from './analysisService';
import type { ArticleDocument, ArticleDocuments } from './articleDocuments';

/** How long a hover waits for an analysis still running before giving up quietly. */
const HOVER_WAIT_MILLIS = 8000;

export interface HoverTarget {
  readonly article: ArticleDocument;
  /** The hovered position as a source-text offset. */
  readonly offset: number;
  readonly analysis: Analysis;
}

/** The article, offset and analysis a hover at `position` is about; undefined when not an article, or cancelled. */
export async function hoverTarget(articles: ArticleDocuments, analysis: AnalysisService, document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<HoverTarget | undefined> {
  const article = articles.get(document);
  if (!article) return undefined;
  const at = article.toSourceSpan(new vscode.Range(position, position));
  if (!at) return undefined;
  const complete = await analysis.completeFor(article, token, HOVER_WAIT_MILLIS);
  if (!complete || token.isCancellationRequested) return undefined;
  return { article, offset: at.start, analysis: complete };
}

/** Untrusted content goes in escaped; only the listed commands may be linked; no HTML. */
export function safeMarkdown(enabledCommands: readonly string[] = []): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.supportHtml = false;
  md.isTrusted = enabledCommands.length > 0 ? { enabledCommands: [...enabledCommands] } : false;
  return md;
}
