// Resolves which article (and which span of its source text) a command acts on: from its arguments, else the active editor.
import * as vscode from 'vscode';
import { type ArticleDocument, type ArticleDocuments } from '../articleDocuments';
import { ARTICLE_SCHEME, articleKeyOf, sourceUriOf, toArticleUri } from '../articleKeys';
import { documentText } from '../documentText';

/** Arguments shared by the commands that act on a span: `uri` (source file or `article:` view), `start`/`end` (source offsets). */
export interface SpanArgs {
  readonly uri?: string | vscode.Uri;
  readonly start?: number;
  readonly end?: number;
}

/** An article and its current source text, whether or not an editor shows it. */
export interface ArticleTarget {
  readonly sourceUri: vscode.Uri;
  readonly key: string;
  readonly text: string;
  /** The open article document the command came from, when there is one. */
  readonly document: ArticleDocument | undefined;
}

export interface SpanTarget extends ArticleTarget {
  readonly start: number;
  readonly end: number;
}

/** Commands receive a plain object (palette: nothing, keybinding: JSON, hover link: parsed JSON, tree: a node). */
export function objectArg<T extends object>(arg: unknown): Partial<T> {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) ? (arg as Partial<T>) : {};
}

export function toUri(value: string | vscode.Uri | undefined): vscode.Uri | undefined {
  if (value === undefined) return undefined;
  if (value instanceof vscode.Uri) return value;
  try {
    return /^[a-z][a-z0-9+.-]+:/i.test(value) ? vscode.Uri.parse(value, true) : vscode.Uri.file(value);
  } catch {
    return undefined;
  }
}

/** The source file behind a URI: the `article:` view's source, or the URI itself. */
export function sourceOf(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === ARTICLE_SCHEME ? (sourceUriOf(uri) ?? uri) : uri;
}

/** The article named by `uri`, else the one in the active editor; the text is the open editor's when there is one. */
export async function resolveArticle(articles: ArticleDocuments, uri: string | vscode.Uri | undefined): Promise<ArticleTarget | undefined> {
  const given = toUri(uri);
  if (!given) {
    const editor = vscode.window.activeTextEditor;
    const document = editor ? articles.get(editor.document) : undefined;
    return document ? { sourceUri: document.sourceUri, key: document.key, text: document.sourceText, document } : undefined;
  }
  const sourceUri = sourceOf(given);
  const open = articles.documentsFor(sourceUri);
  // The plain editor's buffer is what annotations follow; prefer it over the reading view's rendering of the file on disk.
  const preferred = open.find((d) => d.view === 'source') ?? open[0];
  if (preferred) return { sourceUri, key: preferred.key, text: preferred.sourceText, document: preferred };
  const document = await vscode.workspace.openTextDocument(sourceUri);
  const article = articles.get(document);
  return { sourceUri, key: article?.key ?? articleKeyOf(sourceUri), text: documentText(document), document: article };
}

/** The span named by the arguments, else the active editor's selection; a message says why when there is none. */
export async function resolveSpan(articles: ArticleDocuments, args: SpanArgs): Promise<SpanTarget | undefined> {
  if (typeof args.start === 'number' && typeof args.end === 'number') {
    const article = await resolveArticle(articles, args.uri);
    if (!article) {
      void vscode.window.showWarningMessage('Article Annotator: no article is open to act on.');
      return undefined;
    }
    if (!Number.isInteger(args.start) || !Number.isInteger(args.end) || args.start < 0 || args.end > article.text.length || args.start >= args.end) {
      throw new RangeError(`The span ${args.start}-${args.end} is not inside ${article.key} (${article.text.length} characters).`);
    }
    return { ...article, start: args.start, end: args.end };
  }
  const editor = vscode.window.activeTextEditor;
  const document = editor ? articles.get(editor.document) : undefined;
  if (!editor || !document) {
    void vscode.window.showWarningMessage('Article Annotator: open an article (reading view or a file matching the article globs) and select some text.');
    return undefined;
  }
  const span = document.toSourceSpan(editor.selection);
  if (!span || span.start >= span.end) {
    void vscode.window.showWarningMessage('Article Annotator: select some text of the article first (the header of the reading view cannot be annotated).');
    return undefined;
  }
  const trimmed = trimSpan(document.sourceText, span.start, span.end);
  if (!trimmed) {
    void vscode.window.showWarningMessage('Article Annotator: the selection holds only white space.');
    return undefined;
  }
  return { sourceUri: document.sourceUri, key: document.key, text: document.sourceText, document, ...trimmed };
}

/** The span without surrounding white space (a double-click or line selection often takes some). */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | undefined {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : undefined;
}

/** Opens the article (reading view if that is what the user has open, else the file) and selects [start, end). */
export async function revealSpan(articles: ArticleDocuments, sourceUri: vscode.Uri, start: number, end: number, column?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const open = articles.documentsFor(sourceUri);
  const visible = vscode.window.visibleTextEditors.find((e) => open.some((d) => d.document === e.document));
  const article = visible ? open.find((d) => d.document === visible.document) : (open.find((d) => d.view === 'source') ?? open[0]);
  const document = article?.document ?? (await vscode.workspace.openTextDocument(articles.matchesArticleGlobs(sourceUri) ? sourceUri : toArticleUri(sourceUri)));
  // an editor already showing the article, else the column asked for (the timeline chart opens it beside itself)
  const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: visible?.viewColumn ?? column });
  const shown = articles.get(editor.document);
  const range = shown?.toEditorRange(start, end);
  if (range) {
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}
