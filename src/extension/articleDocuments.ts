// Which open documents are articles, and how their editor positions map to source-text offsets (the only offsets stored).
import * as vscode from 'vscode';
import { globToRegExp } from '../core/paths/glob';
import { type ArticleProvider, type RenderedArticle } from './articleProvider';
import { ARTICLE_SCHEME, articleKeyOf, sourceUriOf } from './articleKeys';
import { relativePath } from '../core/paths/posixPath';
import { documentLength, documentText } from './documentText';
import type { SettingsWatcher } from './settings';

/** An open document that is an article: the reading view (`article:`) or a plain editor on a file matching the article globs. */
export interface ArticleDocument {
  readonly document: vscode.TextDocument;
  /** 'reading' for the `article:` view, 'source' for the plain editor on the file itself. */
  readonly view: 'reading' | 'source';
  /** The file on disk. */
  readonly sourceUri: vscode.Uri;
  /** Workspace-relative path with '/' separators (absolute URI string outside a workspace): the key annotations are stored under. */
  readonly key: string;
  /** The current source text (the editor's text for the plain editor, the file's text for the reading view). */
  readonly sourceText: string;
  /**
   * The current source text's length, found without joining the text: comparing a remembered text with a document
   * after a keystroke starts with the lengths (joining a large article's text on every key is what made typing lag).
   */
  readonly sourceLength: number;
  /** Source-text offsets of an editor range; undefined when the range lies in text that is not in the source (the view's header). */
  toSourceSpan(range: vscode.Range): { start: number; end: number } | undefined;
  /** Editor range of a source-text span; undefined when the span is not shown in this editor. */
  toEditorRange(start: number, end: number): vscode.Range | undefined;
}

/** Context key: the active editor shows an article (reading view or a file matching the article globs). */
export const ACTIVE_EDITOR_IS_ARTICLE = 'articleAnnotator.activeEditorIsArticle';

export interface ArticleChange {
  readonly sourceUri: vscode.Uri;
  readonly key: string;
  /** The documents (plain editor and/or reading view) showing this article right now. */
  readonly documents: readonly ArticleDocument[];
}


export class ArticleDocuments implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ArticleChange>();
  private readonly closeEmitter = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * Each open document's answer to get(), made once while the settings (the article globs) and the workspace folders
   * (the key) stay and, for a reading view, while it shows the same rendering: get() runs for every open document at
   * every keystroke (the tracker, the decorators, documentsFor), and each call matched the globs and made the key anew.
   * A plain editor's text and length are read from its document when asked.
   */
  private known = new WeakMap<vscode.TextDocument, { readonly settings: unknown; readonly rendered: unknown; readonly article: ArticleDocument | undefined }>();
  /** When each plain editor's document last changed (performance.now()), for work that waits until typing pauses. */
  private readonly lastEdits = new WeakMap<vscode.TextDocument, number>();
  /** Fires when an article's source text or its rendering changed (edit, file changed on disk, article date set). */
  readonly onDidChangeArticle = this.emitter.event;
  /** Fires with an article key when the last document showing that article closed: what is kept for it can go. */
  readonly onDidCloseArticle = this.closeEmitter.event;
  /** Fires with a reading view's URI when nothing newer is on its way to it any more (see ArticleProvider.onDidSettle). */
  readonly onDidSettleRendering: vscode.Event<vscode.Uri>;

  constructor(
    private readonly provider: ArticleProvider,
    private readonly settings: SettingsWatcher,
  ) {
    this.onDidSettleRendering = provider.onDidSettle;
    this.disposables.push(
      this.emitter,
      this.closeEmitter,
      vscode.workspace.onDidCloseTextDocument((document) => {
        // The reading view's rendering may be gone already, so the key comes from the URI, not from get().
        const sourceUri = document.uri.scheme === ARTICLE_SCHEME ? sourceUriOf(document.uri) : this.matchesArticleGlobs(document.uri) ? document.uri : undefined;
        if (!sourceUri) return;
        const key = articleKeyOf(sourceUri);
        if (!this.all().some((other) => other.key === key && other.document !== document && !other.document.isClosed)) this.closeEmitter.fire(key);
      }),
      provider.onDidRender((rendered) => this.fireFor(rendered.sourceUri)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0 || event.document.uri.scheme === ARTICLE_SCHEME) return;
        this.lastEdits.set(event.document, performance.now());
        const article = this.get(event.document);
        if (article) this.fireFor(article.sourceUri);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      // an article's key is its path in its workspace folder
      vscode.workspace.onDidChangeWorkspaceFolders(() => (this.known = new WeakMap())),
      settings.onDidChange((change) => {
        if (!change.articleGlobs) return;
        this.updateContext();
        for (const doc of vscode.workspace.textDocuments) {
          if (doc.uri.scheme === 'file') this.fireFor(doc.uri);
        }
      }),
    );
    this.updateContext();
  }

  // Lets menus and keybindings apply only to article editors.
  private updateContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', ACTIVE_EDITOR_IS_ARTICLE, document !== undefined && (document.uri.scheme === ARTICLE_SCHEME || this.matchesArticleGlobs(document.uri)));
  }

  /** True when the document is an article (reading view or a plain editor on a matching file). */
  isArticle(document: vscode.TextDocument): boolean {
    return this.get(document) !== undefined;
  }

  /** True when a source file matches the `articleAnnotator.articleGlobs` setting. */
  matchesArticleGlobs(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote' && uri.scheme !== 'untitled') return false;
    // the absolute path too, so `**/seeds/*.txt` also matches when the opened folder is `seeds/` itself or outside any folder
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const paths = folder ? [relativePath(folder.uri.path, uri.path), uri.path] : [uri.path];
    return this.settings.settings.articleGlobs.some((glob) => paths.some((p) => globToRegExp(glob)?.test(p) === true));
  }

  get(document: vscode.TextDocument): ArticleDocument | undefined {
    const settings = this.settings.settings;
    const rendered = document.uri.scheme === ARTICLE_SCHEME ? this.provider.rendered(document) : undefined;
    const known = this.known.get(document);
    if (known && known.settings === settings && known.rendered === rendered) return known.article;
    const article = document.uri.scheme === ARTICLE_SCHEME ? this.readingView(document, rendered) : this.sourceArticle(document);
    this.known.set(document, { settings, rendered, article });
    return article;
  }

  private sourceArticle(document: vscode.TextDocument): ArticleDocument | undefined {
    if (!this.matchesArticleGlobs(document.uri)) return undefined;
    return {
      document,
      view: 'source',
      sourceUri: document.uri,
      key: articleKeyOf(document.uri),
      get sourceText() {
        return documentText(document);
      },
      get sourceLength() {
        return documentLength(document);
      },
      toSourceSpan: (range) => ({ start: document.offsetAt(range.start), end: document.offsetAt(range.end) }),
      toEditorRange: (start, end) => {
        // The document's length without getText(): this runs for every highlighted mention.
        const length = documentLength(document);
        if (start < 0 || end > length || start > end) return undefined;
        return new vscode.Range(document.positionAt(start), document.positionAt(end));
      },
    };
  }

  /**
   * Resolves with true once a plain editor's document has gone `pauseMillis` without an edit (at once when it has, and
   * for a reading view, which changes only when it re-renders after typing paused), with false when
   * cancelled or closed first: whole-article work asked for at every version of a document being typed into waits for a
   * pause in typing, and is done once for the text typing left.
   */
  async untilEditsPause(document: vscode.TextDocument, pauseMillis: number, token?: vscode.CancellationToken): Promise<boolean> {
    for (;;) {
      if (token?.isCancellationRequested || document.isClosed) return false;
      const last = this.lastEdits.get(document);
      const wait = last === undefined ? 0 : last + pauseMillis - performance.now();
      if (wait <= 0) return true;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          cancelled?.dispose();
          resolve();
        };
        const timer = setTimeout(done, wait);
        const cancelled = token?.onCancellationRequested(done);
      });
    }
  }

  /** Every open document showing the article whose source is `sourceUri`. */
  documentsFor(sourceUri: vscode.Uri): ArticleDocument[] {
    const wanted = sourceUri.toString();
    const found: ArticleDocument[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      const article = this.get(doc);
      if (article && article.sourceUri.toString() === wanted) found.push(article);
    }
    return found;
  }

  /**
   * Whether a reading view shows an older text than its plain editor holds: typing in the plain editor re-renders the
   * view only once typing pauses, and until then source offsets after the edit do not map onto the view. Compared by
   * length (no join of the text at every keystroke); false for a plain editor.
   */
  renderingBehind(article: ArticleDocument): boolean {
    if (article.view !== 'reading') return false;
    const wanted = article.sourceUri.toString();
    const source = vscode.workspace.textDocuments.find((doc) => !doc.isClosed && doc.uri.toString() === wanted);
    return source !== undefined && documentLength(source) !== article.sourceLength;
  }

  /**
   * Whether VS Code has yet to put a newer rendering into this reading view (it does so a while after the provider
   * gave it): what the view shows, and the offsets that fit it, are about to change. False for a plain editor.
   */
  renderingPending(article: ArticleDocument): boolean {
    return article.view === 'reading' && this.provider.renderingPending(article.document);
  }

  /** Every open article document. */
  all(): ArticleDocument[] {
    const found: ArticleDocument[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      const article = this.get(doc);
      if (article) found.push(article);
    }
    return found;
  }

  /** Tell listeners that an article changed (used by the reading view after it re-renders). */
  fireFor(sourceUri: vscode.Uri): void {
    this.emitter.fire({ sourceUri, key: articleKeyOf(sourceUri), documents: this.documentsFor(sourceUri) });
  }

  private readingView(document: vscode.TextDocument, rendered: RenderedArticle | undefined): ArticleDocument | undefined {
    const sourceUri = sourceUriOf(document.uri);
    if (!sourceUri || !rendered || rendered.sourceText === undefined || !rendered.map) return undefined;
    const { map, sourceText } = rendered;
    return {
      document,
      view: 'reading',
      sourceUri,
      key: articleKeyOf(sourceUri),
      sourceText,
      sourceLength: sourceText.length,
      toSourceSpan: (range) => map.toSourceSpan(document.offsetAt(range.start), document.offsetAt(range.end)),
      toEditorRange: (start, end) => {
        const span = map.toViewSpan(start, end);
        return span ? new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)) : undefined;
      },
    };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
