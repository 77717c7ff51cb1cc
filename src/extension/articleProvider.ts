// The `article:` scheme: a read-only reading view of a source file (header + paragraphs); the source is never written.
import * as vscode from 'vscode';
import { decodeArticleBytes } from '../core/article/articleText';
import { parseArticle } from '../core/article/parseArticle';
import { renderReadingView } from '../core/article/readingView';

export const ARTICLE_SCHEME = 'article';
/** Appended to the view's path so the tab reads "000_….txt — Article" and the `article` language applies. */
const VIEW_SUFFIX = ' — Article';

/** Offsets between the source text (on disk) and the view text; same shape as the core's OffsetMap. */
export interface ViewMapping {
  toView(sourceOffset: number): number | undefined;
  toSource(viewOffset: number): number | undefined;
  toViewSpan(start: number, end: number): { start: number; end: number } | undefined;
  toSourceSpan(start: number, end: number): { start: number; end: number } | undefined;
}

export interface RenderedArticle {
  readonly sourceUri: vscode.Uri;
  /** The decoded source text; undefined when the file could not be shown (see `viewText` for why). */
  readonly sourceText: string | undefined;
  readonly viewText: string;
  readonly map: ViewMapping | undefined;
}

export function toArticleUri(sourceUri: vscode.Uri): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(sourceUri);
  const shown = folder ? sourceUri.path.slice(folder.uri.path.replace(/\/$/, '').length) : sourceUri.path;
  return vscode.Uri.from({ scheme: ARTICLE_SCHEME, path: `${shown.startsWith('/') ? '' : '/'}${shown}${VIEW_SUFFIX}`, query: sourceUri.toString() });
}

export function sourceUriOf(articleUri: vscode.Uri): vscode.Uri | undefined {
  if (articleUri.scheme !== ARTICLE_SCHEME || articleUri.query === '') return undefined;
  try {
    return vscode.Uri.parse(articleUri.query, true);
  } catch {
    return undefined;
  }
}

/** The reading view from the core: header (title, dateline, source, licence, word count), then the paragraphs. */
export const coreReadingView: ReadingViewRenderer = (text, fileName, dateOverride) => {
  const view = renderReadingView(parseArticle(text), { fileName, dateOverride });
  return { text: view.text, map: view.map };
};

/** Turns source text into the reading view. */
export type ReadingViewRenderer = (text: string, fileName: string, dateOverride: string | undefined) => { text: string; map: ViewMapping };

export class ArticleProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly cache = new Map<string, RenderedArticle>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedArticle>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChange = this.changeEmitter.event;
  /** Fires after a reading view was (re-)rendered, once its new text is in place. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    private readonly renderer: ReadingViewRenderer,
    /** The date the user set for an article key, shown in the header instead of the detected one. */
    private readonly dateOverride: (sourceUri: vscode.Uri) => string | undefined,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      this.changeEmitter,
      this.renderedEmitter,
      watcher,
      watcher.onDidChange((uri) => this.refreshSource(uri)),
      watcher.onDidCreate((uri) => this.refreshSource(uri)),
      watcher.onDidDelete((uri) => this.refreshSource(uri)),
      // Saves from this window are seen at once, without waiting for the file watcher.
      vscode.workspace.onDidSaveTextDocument((doc) => this.refreshSource(doc.uri)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === ARTICLE_SCHEME) this.cache.delete(doc.uri.toString());
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const rendered = this.cache.get(event.document.uri.toString());
        if (rendered && event.document.uri.scheme === ARTICLE_SCHEME) this.renderedEmitter.fire(rendered);
      }),
    );
  }

  /** The rendering last shown for an `article:` URI, if it is open. */
  rendered(articleUri: vscode.Uri): RenderedArticle | undefined {
    return this.cache.get(articleUri.toString());
  }

  /** Re-renders every open reading view of this source file (its file or its article date changed). */
  refreshSource(sourceUri: vscode.Uri): void {
    const wanted = sourceUri.toString();
    for (const [key, rendered] of this.cache) {
      if (rendered.sourceUri.toString() === wanted) this.changeEmitter.fire(vscode.Uri.parse(key, true));
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const rendered = await this.render(uri);
    this.cache.set(uri.toString(), rendered);
    return rendered.viewText;
  }

  private async render(uri: vscode.Uri): Promise<RenderedArticle> {
    const sourceUri = sourceUriOf(uri);
    if (!sourceUri) return { sourceUri: uri, sourceText: undefined, viewText: 'This article link does not name a source file.', map: undefined };
    const fileName = sourceUri.path.slice(sourceUri.path.lastIndexOf('/') + 1);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(sourceUri);
    } catch (error) {
      const reason = error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'the file does not exist (any more)' : error instanceof Error ? error.message : String(error);
      return { sourceUri, sourceText: undefined, viewText: cannotShow(fileName, reason), map: undefined };
    }
    const decoded = decodeArticleBytes(bytes);
    if ('problem' in decoded) return { sourceUri, sourceText: undefined, viewText: cannotShow(fileName, decoded.problem), map: undefined };
    try {
      const view = this.renderer(decoded.text, fileName, this.dateOverride(sourceUri));
      const viewText = decoded.warning ? `${view.text}\n\n(Note: ${decoded.warning}.)\n` : view.text;
      return { sourceUri, sourceText: decoded.text, viewText, map: view.map };
    } catch (error) {
      return { sourceUri, sourceText: undefined, viewText: cannotShow(fileName, `the reading view could not be built (${error instanceof Error ? error.message : String(error)})`), map: undefined };
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.cache.clear();
  }
}

function cannotShow(fileName: string, reason: string): string {
  return `${fileName} cannot be shown as an article: ${reason}.\n\nThe file has not been changed. Open it with the plain text editor to look at it.\n`;
}
