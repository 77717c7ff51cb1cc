// The `article:` scheme: a read-only reading view of a source file (header + paragraphs); the source is never written.
import * as vscode from 'vscode';

export const ARTICLE_SCHEME = 'article';
/** Appended to the view's path so the tab reads "000_….txt — Article" and the `article` language applies. */
const VIEW_SUFFIX = ' — Article';

/** Offsets between the source text (on disk) and the view text; same shape as the core's OffsetMap. */
export interface ViewMapping {
  toView(sourceOffset: number): number;
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

const identityMapping: ViewMapping = {
  toView: (o) => o,
  toSource: (o) => o,
  toViewSpan: (start, end) => ({ start, end }),
  toSourceSpan: (start, end) => ({ start, end }),
};

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

export class ArticleProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly cache = new Map<string, RenderedArticle>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === ARTICLE_SCHEME) this.cache.delete(doc.uri.toString());
      }),
    );
  }

  /** The rendering last shown for an `article:` URI, if it is open. */
  rendered(articleUri: vscode.Uri): RenderedArticle | undefined {
    return this.cache.get(articleUri.toString());
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const rendered = await this.render(uri);
    this.cache.set(uri.toString(), rendered);
    return rendered.viewText;
  }

  private async render(uri: vscode.Uri): Promise<RenderedArticle> {
    const sourceUri = sourceUriOf(uri);
    if (!sourceUri) return { sourceUri: uri, sourceText: undefined, viewText: 'This article link does not name a source file.', map: undefined };
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(sourceUri);
    } catch (error) {
      return { sourceUri, sourceText: undefined, viewText: `Cannot read ${sourceUri.fsPath}: ${error instanceof Error ? error.message : String(error)}`, map: undefined };
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    return { sourceUri, sourceText: text, viewText: text, map: identityMapping };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.cache.clear();
  }
}
