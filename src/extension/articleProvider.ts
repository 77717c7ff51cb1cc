// The `article:` scheme: a read-only reading view of a source file (header + paragraphs); the source is never written.
import * as vscode from 'vscode';
import type { WorkspaceFileEvents } from './workspaceFiles';
import { articleSizeProblem, decodeArticleBytes } from '../core/article/articleText';
import type { QuotedSpan } from '../core/article/articleModel';
import { parsedArticle } from '../core/article/parseArticle';
import { type HeaderPart, renderReadingView } from '../core/article/readingView';
import { replacementsByPart } from '../core/text/textDifference';
import type { ArticleDating } from './articleDating';
import { ARTICLE_SCHEME, articleKeyOf, sourceUriOf } from './articleKeys';
import { documentLength, documentText } from './documentText';

/** Pause in typing after which a reading view follows its source editor's unsaved text. */
const BUFFER_REFRESH_DEBOUNCE_MILLIS = 200;
/**
 * A large article waits for a longer pause: each re-render parses and renders the whole article (the view then takes
 * only what changed, see followBuffer), so it waits until typing has really paused, not for the gap between two words.
 * 200 ms up to 100,000 characters, then 1 ms per 500 characters, at most 2 s.
 */
export function bufferRefreshDelay(length: number): number {
  return Math.min(2000, Math.max(BUFFER_REFRESH_DEBOUNCE_MILLIS, Math.round(length / 500)));
}

/** Offsets between the source text (an open editor's text, else the file) and the view text; same shape as the core's OffsetMap. */
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
  /** View offsets of the header block and of each paragraph with its kind (title, heading, …), for styling. */
  readonly layout?: ViewLayout;
  /** What it was rendered from when the source is open in an editor: that document, its version and the dates. */
  readonly from?: { readonly document: vscode.TextDocument; readonly version: number; readonly dates: string };
}

export interface ViewLayout {
  readonly header: { readonly start: number; readonly end: number };
  readonly paragraphs: readonly { readonly start: number; readonly end: number; readonly kind: string }[];
  /** The dateline line's parts (date, source, licence, word count). */
  readonly headerParts?: readonly HeaderPart[];
  /** Where the source text names its publisher and states its licence (source offsets), for the header's links. */
  readonly source?: QuotedSpan;
  readonly licence?: QuotedSpan;
}


/** The reading view from the core: header (title, dateline, source, licence, word count), then the paragraphs. */
export const coreReadingView: ReadingViewRenderer = (text, fileName, dateOverride, fileDate) => {
  const article = parsedArticle(text, fileDate === undefined ? {} : { fileDate });
  const view = renderReadingView(article, { fileName, dateOverride });
  return { text: view.text, map: view.map, layout: { header: view.header, paragraphs: view.paragraphs, headerParts: view.headerParts, source: article.source, licence: article.licence } };
};

/** Turns source text into the reading view. */
export type ReadingViewRenderer = (text: string, fileName: string, dateOverride: string | undefined, fileDate?: string) => { text: string; map: ViewMapping; layout?: ViewLayout };

/** How many renderings of one view are kept: the one its editor shows and the newer ones given to VS Code since. */
const RENDERINGS_KEPT = 4;

export class ArticleProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /**
   * Each open view's renderings, oldest first: the one its document shows, then those given to VS Code since. VS Code
   * puts a new rendering into the document a while later (it diffs the texts in its editor worker first, hundreds of
   * milliseconds on a loaded machine), and until then the document still holds the older text: offsets of the newer
   * rendering do not fit it (a hover on a date right after a re-render found no date).
   */
  private readonly renderings = new Map<string, RenderedArticle[]>();
  /** Which rendering a document was found to hold, for its version and the newest rendering then. */
  private readonly holding = new WeakMap<vscode.TextDocument, { readonly version: number; readonly newest: RenderedArticle; readonly rendered: RenderedArticle }>();
  /** Renderings being made for each view (VS Code asked, the provider has not answered yet). */
  private readonly inFlight = new Map<string, number>();
  /** How many times each view's whole text was given to VS Code (provideTextDocumentContent answered). */
  private readonly wholeGiven = new Map<string, number>();
  private readonly settledEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedArticle>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pendingRefreshes = new Map<string, NodeJS.Timeout>();
  /** Views following their source by an edit now, each with whether to follow again once done (typing went on). */
  private readonly following = new Map<string, boolean>();
  private disposed = false;
  readonly onDidChange = this.changeEmitter.event;
  /** Fires after a reading view was (re-)rendered, once its new text is in place. */
  readonly onDidRender = this.renderedEmitter.event;
  /**
   * Fires with a reading view's URI when the provider answered VS Code and the view already holds that answer (the
   * text did not change, so no onDidRender follows): nothing newer is on its way to it any more.
   */
  readonly onDidSettle = this.settledEmitter.event;

  constructor(
    private readonly renderer: ReadingViewRenderer,
    /** The article's date: the one the user set (shown in the header instead of the detected one) and the file's day. */
    private readonly dating: ArticleDating,
    /** The extension's file watcher: a source changed on disk re-renders its views. */
    files: WorkspaceFileEvents,
  ) {
    this.disposables.push(
      this.changeEmitter,
      this.renderedEmitter,
      this.settledEmitter,
      files.onDidChange((uri) => this.refreshSource(uri)),
      files.onDidCreate((uri) => this.refreshSource(uri)),
      files.onDidDelete((uri) => this.refreshSource(uri)),
      // Saves from this window are seen at once, without waiting for the file watcher.
      vscode.workspace.onDidSaveTextDocument((doc) => this.refreshSource(doc.uri)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== ARTICLE_SCHEME) return;
        this.renderings.delete(doc.uri.toString());
        this.wholeGiven.delete(doc.uri.toString());
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.scheme !== ARTICLE_SCHEME) {
          // Typing in a plain editor on the source: the view follows the buffer, once typing pauses.
          if (event.contentChanges.length > 0) this.refreshSourceSoon(event.document.uri, bufferRefreshDelay(documentLength(event.document)));
          return;
        }
        // the view now holds a newer rendering: its offsets are the ones to use from now on
        const rendered = this.rendered(event.document);
        if (rendered) this.renderedEmitter.fire(rendered);
      }),
      // Closed without saving: the view goes back to the file on disk.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== ARTICLE_SCHEME) this.refreshSource(doc.uri);
      }),
      { dispose: () => this.pendingRefreshes.forEach((timer) => clearTimeout(timer)) },
    );
  }

  /** Debounced per source file, so a burst of keystrokes re-renders once. */
  private refreshSourceSoon(sourceUri: vscode.Uri, delay: number): void {
    const key = sourceUri.toString();
    if (![...this.renderings.values()].some((list) => list.some((r) => r.sourceUri.toString() === key))) return;
    const pending = this.pendingRefreshes.get(key);
    if (pending) clearTimeout(pending);
    this.pendingRefreshes.set(
      key,
      setTimeout(() => {
        this.pendingRefreshes.delete(key);
        this.followBuffer(sourceUri);
      }, delay),
    );
  }

  /**
   * The views of a source being typed into follow its editor's text by an edit of what changed (the header's word count
   * and the typed paragraph), not by giving VS Code the whole view again: that serialised a megabyte on the extension
   * host, compressed and sent it, and had the workbench diff it with what it showed, at every pause in typing. A view
   * that cannot take the edit (something else re-renders it, VS Code refused the edit) is given whole, as before.
   */
  private followBuffer(sourceUri: vscode.Uri): void {
    const wanted = sourceUri.toString();
    for (const [key, list] of this.renderings) if (list.some((rendered) => rendered.sourceUri.toString() === wanted)) this.followView(key);
  }

  /** One view following its source: after the follow under way when there is one (typing went on meanwhile). */
  private followView(key: string): void {
    if (this.following.has(key)) {
      this.following.set(key, true);
      return;
    }
    this.following.set(key, false);
    const uri = vscode.Uri.parse(key, true);
    void this.followByEdit(uri)
      .then(
        (followed) => {
          if (!followed) this.changeEmitter.fire(uri);
        },
        () => this.changeEmitter.fire(uri),
      )
      .finally(() => {
        const again = this.following.get(key) === true;
        this.following.delete(key);
        if (again && !this.disposed) this.followView(key);
      });
  }

  /** Re-renders an open view and puts the new rendering into its document by an edit; false when that cannot be done. */
  private async followByEdit(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((doc) => !doc.isClosed && doc.uri.toString() === key);
    const list = this.renderings.get(key);
    const shown = list?.[list.length - 1];
    // the document must hold the newest rendering, with nothing else on its way to it
    if (!document || !list || !shown?.layout || (this.inFlight.get(key) ?? 0) > 0 || this.rendered(document) !== shown) return false;
    const version = document.version;
    this.inFlight.set(key, 1);
    let followed = false;
    try {
      const next = await this.render(uri, shown);
      if (next === shown) return (followed = true);
      if (!next.layout || document.isClosed || document.version !== version || this.renderings.get(key) !== list) return false;
      list.push(next);
      if (list.length > RENDERINGS_KEPT) list.splice(0, list.length - RENDERINGS_KEPT);
      const edit = new vscode.WorkspaceEdit();
      for (const r of replacementsByPart(shown.viewText, next.viewText, shown.layout.header.end, next.layout.header.end)) {
        edit.replace(uri, new vscode.Range(document.positionAt(r.start), document.positionAt(r.end)), r.text);
      }
      // VS Code may refuse or skip it (a read-only editor that has the focus takes no edit): then the document did not move on
      followed = (await vscode.workspace.applyEdit(edit)) && document.version !== version && documentLength(document) === next.viewText.length;
      return followed;
    } finally {
      this.doneRendering(key);
      if (followed && !document.isClosed && !this.renderingPending(document)) this.settledEmitter.fire(uri);
    }
  }

  /**
   * The rendering a reading view's document holds right now (its offsets fit the document's text), or undefined when
   * the document is not an open reading view. A newer rendering given to VS Code is used once the document holds it.
   */
  rendered(document: vscode.TextDocument): RenderedArticle | undefined {
    const list = this.renderings.get(document.uri.toString());
    const newest = list?.[list.length - 1];
    if (!list || !newest) return undefined;
    const known = this.holding.get(document);
    if (known && known.version === document.version && known.newest === newest) return known.rendered;
    // Found by the text's length, then (only when two renderings have that length) by the text: the document holds
    // one of the renderings given to VS Code, and only a re-render changes it, so this runs once per re-render.
    const length = documentLength(document);
    const sameLength = list.filter((r) => r.viewText.length === length);
    const text = sameLength.length > 1 ? documentText(document) : undefined;
    const held = sameLength.length === 1 ? sameLength[0] : sameLength.reverse().find((r) => r.viewText === text);
    // the older renderings are not shown again: VS Code only ever moves a view on to a newer one
    if (held) list.splice(0, list.indexOf(held));
    const rendered = held ?? newest;
    this.holding.set(document, { version: document.version, newest, rendered });
    return rendered;
  }

  /**
   * The rendering a reading view's document holds, when the document is sure to hold it (its text has that rendering's
   * length: rendered() tells renderings apart by length, and by text only when two have the same one); undefined while
   * VS Code has yet to put a rendering into it. Styling and header links ask at every re-render: comparing the view's
   * text with the rendering's joined the megabyte's view text, and compared it, each time.
   */
  shown(document: vscode.TextDocument): RenderedArticle | undefined {
    const rendered = this.rendered(document);
    return rendered && documentLength(document) === rendered.viewText.length ? rendered : undefined;
  }

  /**
   * True while what a reading view shows is about to change: a re-render is waiting for a pause in typing in its
   * source's editor, being made, or given to VS Code and not yet in the document.
   */
  renderingPending(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    if ((this.inFlight.get(key) ?? 0) > 0 || this.following.get(key) === true) return true;
    const list = this.renderings.get(key);
    const newest = list?.[list.length - 1];
    if (!newest) return false;
    return this.pendingRefreshes.has(newest.sourceUri.toString()) || this.rendered(document) !== newest;
  }

  private doneRendering(key: string): void {
    const left = (this.inFlight.get(key) ?? 1) - 1;
    if (left > 0) this.inFlight.set(key, left);
    else this.inFlight.delete(key);
  }

  /** Re-renders every open reading view of this source file (its file or its article date changed). */
  refreshSource(sourceUri: vscode.Uri): void {
    const wanted = sourceUri.toString();
    for (const [key, list] of this.renderings) {
      if (list.some((rendered) => rendered.sourceUri.toString() === wanted)) this.changeEmitter.fire(vscode.Uri.parse(key, true));
    }
  }

  /** How many times the whole text of the view at `uri` was given to VS Code (tests: typing is followed by edits). */
  wholeViewsGiven(uri: vscode.Uri): number {
    return this.wholeGiven.get(uri.toString()) ?? 0;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    this.wholeGiven.set(key, (this.wholeGiven.get(key) ?? 0) + 1);
    const before = this.renderings.get(key);
    this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
    let rendered: RenderedArticle;
    try {
      rendered = await this.render(uri, before?.[before.length - 1]);
    } finally {
      this.doneRendering(key);
    }
    const list = this.renderings.get(key) ?? [];
    if (list[list.length - 1] !== rendered) {
      list.push(rendered);
      if (list.length > RENDERINGS_KEPT) list.splice(0, list.length - RENDERINGS_KEPT);
    }
    this.renderings.set(key, list);
    const open = vscode.workspace.textDocuments.find((doc) => !doc.isClosed && doc.uri.toString() === key);
    if (open && !this.renderingPending(open)) this.settledEmitter.fire(uri);
    return rendered.viewText;
  }

  /**
   * `shown`: the rendering the view shows now. Rendered from the same version of the same open editor with the same
   * dates, it is given again as it is: VS Code then finds the view unchanged and sends nothing. A megabyte's view
   * asked for several times after one pause in typing was rendered, split and sent to the workbench each time.
   */
  private async render(uri: vscode.Uri, shown?: RenderedArticle): Promise<RenderedArticle> {
    const sourceUri = sourceUriOf(uri);
    if (!sourceUri) return { sourceUri: uri, sourceText: undefined, viewText: 'This article link does not name a source file.', map: undefined };
    const fileName = sourceUri.path.slice(sourceUri.path.lastIndexOf('/') + 1);
    // An open editor's text is the article's current text (unsaved edits included): annotations and highlights use its offsets.
    const open = vscode.workspace.textDocuments.find((doc) => !doc.isClosed && doc.uri.toString() === sourceUri.toString());
    if (open) {
      await vscode.workspace.fs.stat(sourceUri).then((stat) => this.dating.noteFileTime(sourceUri, stat.mtime), () => undefined);
      const from = { document: open, version: open.version, dates: this.datesOf(sourceUri) };
      const same = shown?.from;
      if (shown && same && same.document === from.document && same.version === from.version && same.dates === from.dates && !open.isClosed) return shown;
      return { ...this.renderText(sourceUri, fileName, documentText(open), undefined), from };
    }
    let bytes: Uint8Array;
    try {
      // a file too large to be an article is refused before it is read into memory
      const stat = await vscode.workspace.fs.stat(sourceUri);
      this.dating.noteFileTime(sourceUri, stat.mtime);
      const tooLarge = articleSizeProblem(stat.size);
      if (tooLarge) return { sourceUri, sourceText: undefined, viewText: cannotShow(fileName, tooLarge), map: undefined };
      bytes = await vscode.workspace.fs.readFile(sourceUri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
        return { sourceUri, sourceText: undefined, viewText: `${fileName} cannot be shown as an article: the file does not exist (any more).\n\nIts annotations are kept; they show again when the file is back.\n`, map: undefined };
      }
      return { sourceUri, sourceText: undefined, viewText: cannotShow(fileName, error instanceof Error ? error.message : String(error)), map: undefined };
    }
    const decoded = decodeArticleBytes(bytes);
    if ('problem' in decoded) return { sourceUri, sourceText: undefined, viewText: cannotShow(fileName, decoded.problem), map: undefined };
    return this.renderText(sourceUri, fileName, decoded.text, decoded.warning);
  }

  /** The dates a rendering depends on besides the text: the one the user set and the file's day. */
  private datesOf(sourceUri: vscode.Uri): string {
    return `${this.dating.userDate(articleKeyOf(sourceUri)) ?? ''} ${this.dating.fileDateOf(sourceUri) ?? ''}`;
  }

  /** The reading view of an article's text as this provider renders it (same header, date and file day), for offsets. */
  viewOf(sourceUri: vscode.Uri, text: string): ReturnType<ReadingViewRenderer> {
    const fileName = sourceUri.path.slice(sourceUri.path.lastIndexOf('/') + 1);
    return this.renderer(text, fileName, this.dating.userDate(articleKeyOf(sourceUri)), this.dating.fileDateOf(sourceUri));
  }

  private renderText(sourceUri: vscode.Uri, fileName: string, text: string, warning: string | undefined): RenderedArticle {
    try {
      const view = this.viewOf(sourceUri, text);
      const viewText = warning ? `${view.text}\n\n(Note: ${warning}.)\n` : view.text;
      return { sourceUri, sourceText: text, viewText, map: view.map, layout: view.layout };
    } catch (error) {
      return { sourceUri, sourceText: undefined, viewText: cannotShow(fileName, `the reading view could not be built (${error instanceof Error ? error.message : String(error)})`), map: undefined };
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    this.renderings.clear();
  }
}

function cannotShow(fileName: string, reason: string): string {
  return `${fileName} cannot be shown as an article: ${reason}.\n\nThe file has not been changed. Open it with the plain text editor to look at it.\n`;
}
