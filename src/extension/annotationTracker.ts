// Keeps stored annotations on their text: follows edits made in plain editors, and re-finds them by quote after changes
// the editor never saw (another program, git checkout, the file replaced on disk). What cannot be placed stays, orphaned.
import * as vscode from 'vscode';
import type { WorkspaceFileEvents } from './workspaceFiles';
import type { Annotation } from '../core/annotations/annotationModel';
import { applyTextEdits, editsReachQuotes, reanchorAll, type TextEdit } from '../core/annotations/anchoring';
import { decodeArticleBytes } from '../core/article/articleText';
import type { AnnotationService } from './annotationService';
import { type ArticleDocuments } from './articleDocuments';
import { articleKeyOf } from './articleKeys';
import { FileEventQueue } from './fileEventQueue';
import { documentText } from './documentText';
import { deferToMacrotask } from './platform/macrotask';

/** Typing pause after which annotations moved by edits are written to workspace state (one write, not one per key). */
export const EDIT_WRITE_DEBOUNCE_MILLIS = 500;
/**
 * How long a change that left its document clean waits for VS Code to report the document dirty (the first key typed
 * into it) before it is taken for a reload from disk.
 */
const RELOAD_CHECK_MILLIS = 1000;

export interface ReanchorReport {
  readonly key: string;
  /** Why it ran: the file changed behind the editor's back, or a document was opened. */
  readonly trigger: 'disk' | 'open' | 'command';
  readonly anchored: number;
  readonly moved: number;
  readonly orphaned: number;
  /** Annotations that were placed before and are orphans now. */
  readonly newlyOrphaned: readonly Annotation[];
}

export class AnnotationTracker implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Changes on disk to files no plain editor holds, a slice at a time (a checkout reports thousands at once). */
  private readonly fileEvents = new FileEventQueue((uri) => {
    // most files of a collection have no annotations: that is one lookup, finding the open editors looks at every document
    if (this.annotations.forArticle(articleKeyOf(uri)).length === 0) return;
    // An open plain editor reloads the file itself and reports it as an edit (handled in onEdit).
    if (this.articles.documentsFor(uri).some((d) => d.view === 'source')) return;
    this.reanchorFile(uri, 'disk').catch((error: unknown) => this.log.error(`Re-anchoring ${uri.toString()} after a change on disk failed:`, error));
  });
  private readonly reanchorEmitter = new vscode.EventEmitter<ReanchorReport>();
  /** Fires after every re-anchoring by quote (tests and the views wait on it). */
  readonly onDidReanchor = this.reanchorEmitter.event;
  /** Per article, a chain so that re-anchoring and edit-following never interleave. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Changes that left a document clean, waiting to tell a keystroke from a reload from disk (checkReload): how to end each. */
  private readonly reloadChecks = new Map<Promise<void>, () => void>();
  /** Pending debounced write of annotations moved by edits. */
  private writeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly annotations: AnnotationService,
    private readonly articles: ArticleDocuments,
    /** Where failures of background work go (the Article Annotator output channel). */
    private readonly log: vscode.LogOutputChannel,
    /** The extension's file watcher. */
    files: WorkspaceFileEvents,
  ) {
    this.disposables.push(
      this.reanchorEmitter,
      vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)),
      vscode.workspace.onDidOpenTextDocument((document) => this.onOpen(document)),
      // changes on disk to files no plain editor holds (the handler looks at articles with annotations only)
      files.onDidChange((uri) => this.fileEvents.push(uri, 'changed')),
      files.onDidCreate((uri) => this.fileEvents.push(uri, 'created')),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) {
          this.followRename(oldUri, newUri).catch((error: unknown) => this.log.error(`Annotations could not follow the rename of ${oldUri.toString()}:`, error));
        }
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.onOpen(document);
  }

  /**
   * Re-finds every annotation of an article in `text` by its quote selector and stores the result; `from`: the
   * annotations to start from instead of the stored ones (as they were before a reload's edits were followed).
   */
  reanchorArticle(key: string, text: string, trigger: ReanchorReport['trigger'], from?: readonly Annotation[]): Promise<ReanchorReport> {
    return this.enqueue(key, async () => {
      const before = from ?? this.annotations.forArticle(key);
      const results = reanchorAll(before, this.textNow(key, text));
      const report: ReanchorReport = {
        key,
        trigger,
        anchored: results.filter((r) => r.outcome === 'anchored').length,
        moved: results.filter((r) => r.outcome === 'moved').length,
        orphaned: results.filter((r) => r.outcome === 'orphaned').length,
        newlyOrphaned: results.filter((r, i) => r.outcome === 'orphaned' && before[i]?.status === 'anchored').map((r) => r.annotation),
      };
      if (results.some((r, i) => r.annotation !== before[i])) {
        await this.annotations.replaceArticle(key, results.map((r) => r.annotation), { undoable: false, description: `Re-anchor annotations of ${key}` });
      }
      if (report.newlyOrphaned.length > 0) this.reportOrphans(report);
      this.reanchorEmitter.fire(report);
      return report;
    });
  }

  /**
   * A file (or folder) renamed in VS Code takes its annotations and article date along to the new key, so they are
   * neither left behind under a name no file has nor shown as another article's. One undo step.
   */
  async followRename(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    const from = articleKeyOf(oldUri);
    const to = articleKeyOf(newUri);
    if (from === to) return;
    const renamed = (key: string): string | undefined => (key === from ? to : key.startsWith(`${from}/`) ? `${to}${key.slice(from.length)}` : undefined);
    const moved: Annotation[] = [];
    for (const annotation of this.annotations.all()) {
      const article = renamed(annotation.article);
      if (article !== undefined) moved.push({ ...annotation, article });
    }
    if (moved.length > 0) await this.annotations.updateMany(moved, `Follow the rename of ${from} to ${to}`);
    for (const [key, date] of Object.entries(this.annotations.articleDates)) {
      const article = renamed(key);
      if (article === undefined) continue;
      // Both in memory at once (never neither, never both), then one awaited write.
      await Promise.all([this.annotations.setArticleDate(article, date), this.annotations.setArticleDate(key, null)]);
    }
  }

  /** Reads the file and re-anchors its annotations (for files no plain editor holds). */
  async reanchorFile(uri: vscode.Uri, trigger: ReanchorReport['trigger']): Promise<ReanchorReport | undefined> {
    const key = articleKeyOf(uri);
    if (this.annotations.forArticle(key).length === 0) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      // Deleted or unreadable: keep the annotations as they are; they re-anchor when the file comes back.
      return undefined;
    }
    const decoded = decodeArticleBytes(bytes);
    if ('problem' in decoded) return undefined;
    return this.reanchorArticle(key, decoded.text, trigger);
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const article = this.articles.get(event.document);
    // Only the plain editor edits the source text; the reading view is read-only and re-rendered from disk.
    if (!article || article.view !== 'source') return;
    const key = article.key;
    if (this.annotations.forArticle(key).length === 0) return;
    const edits: TextEdit[] = event.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    const undoing = event.reason !== undefined;
    // Applied at once (not queued) so a second keystroke maps from the positions the first one produced.
    const before = this.annotations.forArticle(key);
    // A change that leaves the document clean and was not an undo/redo is VS Code reloading the file from disk (its
    // edits a coarse diff: each annotation is found again by its quote) or the first key typed into a clean document,
    // which VS Code reports dirty only just after: followed at once like a keystroke, and found again by quote from
    // where they were before it only if the document stays clean (at the first key typed into an article, and after
    // each save, a megabyte's text was joined and every quote looked for, in the middle of typing).
    if (!event.document.isDirty && event.reason === undefined) this.checkReload(event.document, key, before);
    // the text only when an edit reaches into a quote: otherwise the annotations just move with the change events
    const text = undoing || editsReachQuotes(before, edits) ? documentText(event.document) : undefined;
    let after: Annotation[];
    try {
      after = applyTextEdits(before, edits, text);
    } catch (error) {
      this.log.error('Could not follow an edit; re-anchoring by quote:', error);
      this.reanchorArticle(key, documentText(event.document), 'disk').catch((reason: unknown) => this.log.error('Re-anchoring by quote failed:', reason));
      return;
    }
    // In memory at once (decorations stay right); the write of the whole state waits until typing pauses.
    this.annotations.replaceArticle(key, after, { undoable: false, description: `Follow edits in ${key}`, deferWrite: true }).catch((error: unknown) => this.log.error('Following an edit failed:', error));
    this.scheduleWrite();
    // Undo/redo can bring back text an annotation lost: find its orphans again.
    if (undoing && after.some((a) => a.status === 'orphaned')) {
      const undone = text ?? documentText(event.document);
      void this.enqueue(key, () => this.reanchorOrphans(key, undone)).catch((error: unknown) => this.log.error('Re-anchoring after an undo failed:', error));
    }
  }

  /**
   * After a change that left the document clean: once VS Code has had time to report it dirty (a keystroke), nothing;
   * if it is still clean (a reload from disk), the annotations as they were before it are found again by their quotes
   * in the reloaded text, unless something else changed them meanwhile (then those).
   */
  private checkReload(document: vscode.TextDocument, key: string, before: readonly Annotation[]): void {
    const after = this.annotations.forArticle(key);
    let end = (): void => undefined;
    const check = new Promise<void>((resolve) => {
      // the events waiting once the time is up run first (a host that was not running meanwhile has them still to read)
      const timer = setTimeout(() => deferToMacrotask(() => {
        if (!this.reloadChecks.has(check)) return;
        end();
        if (document.isClosed || document.isDirty) return;
        const now = this.annotations.forArticle(key);
        const unchanged = now.length === after.length && now.every((a, i) => a === after[i]);
        this.reanchorArticle(key, documentText(document), 'disk', unchanged ? before : undefined).catch((error: unknown) => this.log.error('Re-anchoring after a reload from disk failed:', error));
      }), RELOAD_CHECK_MILLIS);
      // VS Code reports the document dirty by a change event of its own (no content changes): it was typed into
      const listener = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document && document.isDirty) end();
      });
      end = () => {
        clearTimeout(timer);
        listener.dispose();
        this.reloadChecks.delete(check);
        resolve();
      };
    });
    this.reloadChecks.set(check, () => end());
  }

  private scheduleWrite(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => {
      this.writeTimer = undefined;
      this.saveFollowedEdits().catch((error: unknown) => this.log.error('Saving annotations after edits failed:', error));
    }, EDIT_WRITE_DEBOUNCE_MILLIS);
  }

  /** Writes what edit-following changed in memory and has not stored yet (debounce expired, idle(), dispose/deactivate). */
  saveFollowedEdits(): Promise<void> {
    if (this.writeTimer) {
      clearTimeout(this.writeTimer);
      this.writeTimer = undefined;
    }
    return this.annotations.save();
  }

  private async reanchorOrphans(key: string, text: string): Promise<void> {
    const current = this.annotations.forArticle(key);
    const results = reanchorAll(
      current.filter((a) => a.status === 'orphaned'),
      this.textNow(key, text),
    );
    const found = new Map(results.filter((r) => r.outcome !== 'orphaned').map((r) => [r.annotation.id, r.annotation]));
    if (found.size === 0) return;
    await this.annotations.replaceArticle(key, current.map((a) => found.get(a.id) ?? a), { undoable: false });
  }

  /**
   * The text a queued re-anchoring runs against: an open plain editor's text as it is now, else the text it was given.
   * The annotations follow every edit as it comes, so by the time the task runs they point into the editor's current
   * text; the text captured when the task was queued (on opening, a file event) may be keystrokes behind, and finding
   * the quotes in it put them back where those keystrokes had moved them from.
   */
  private textNow(key: string, queued: string): string {
    const editor = this.articles.all().find((a) => a.key === key && a.view === 'source');
    return editor ? editor.sourceText : queued;
  }

  private onOpen(document: vscode.TextDocument): void {
    const article = this.articles.get(document);
    if (!article || this.annotations.forArticle(article.key).length === 0) return;
    // A plain editor with unsaved edits is what annotations follow; the reading view's disk text would disagree with it.
    if (article.view === 'reading' && this.articles.documentsFor(article.sourceUri).some((d) => d.view === 'source' && d.document.isDirty)) return;
    this.reanchorArticle(article.key, article.sourceText, 'open').catch((error: unknown) => this.log.error(`Re-anchoring ${article.key} on open failed:`, error));
  }

  private reportOrphans(report: ReanchorReport): void {
    const count = report.newlyOrphaned.length;
    void vscode.window
      .showWarningMessage(
        `Article Annotator: ${count} annotation${count === 1 ? '' : 's'} in ${report.key} could not be found in the changed text. ${count === 1 ? 'It is' : 'They are'} kept as orphaned in the Annotations view; select the right text and run “Re-attach Orphaned Annotation”.`,
        'Show Annotations',
      )
      .then((choice) => (choice ? vscode.commands.executeCommand('articleAnnotator.annotations.focus') : undefined));
  }

  private enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  /** Resolves when every queued re-anchoring and edit write has finished (tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.reloadChecks.keys()]);
    await Promise.all([...this.queues.values()]);
    await this.saveFollowedEdits();
    await this.annotations.flush();
  }

  dispose(): void {
    // Nothing typed may be lost: write what is pending now (deactivate() awaits the same write).
    if (this.writeTimer || this.annotations.hasUnsavedChanges) {
      this.saveFollowedEdits().catch((error: unknown) => this.log.error('Saving annotations on shutdown failed:', error));
    }
    for (const end of [...this.reloadChecks.values()]) end();
    this.fileEvents.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
