// Notes through VS Code's own comment UI: an annotation's note and its replies are a comment thread on its span
// (multi-line Markdown, edit in place, replies, the Comments panel). The annotation store stays the one source of
// truth: every thread is drawn from it and every gesture in a thread is a store change (so Undo covers it).
import * as vscode from 'vscode';
import type { Annotation, NoteReply } from '../core/annotations/annotationModel';
import { decodeArticleBytes } from '../core/article/articleText';
import type { AnnotationService } from './annotationService';
import type { ArticleDocument, ArticleDocuments } from './articleDocuments';
import type { SettingsWatcher } from './settings';
import { pickAnnotationAtCursor } from './commandTargets/annotationArgument';
import { shorten } from '../core/formats/formatModel';
import { noteMarkdown } from './annotationHoverProvider';
import { ADD_NOTE_COMMAND, CANCEL_NOTE_EDIT_COMMAND, DELETE_NOTE_COMMAND, EDIT_NOTE_COMMAND, REPLY_NOTE_COMMAND, SAVE_NOTE_COMMAND, SAVE_NOTE_EDIT_COMMAND } from './commandIds';
import { articleUriOfKey } from './articleKeys';

export const NOTES_CONTROLLER_ID = 'articleAnnotator.notes';

/** One comment of a thread: the note (index -1) or a reply (its index). */
export class NoteComment implements vscode.Comment {
  mode = vscode.CommentMode.Preview;
  body: string | vscode.MarkdownString;
  readonly author: vscode.CommentAuthorInformation;
  readonly contextValue: string;
  readonly timestamp: Date;

  constructor(
    readonly annotationId: string,
    readonly index: number,
    readonly text: string,
    stamp: string,
  ) {
    this.body = markdown(text);
    this.author = { name: index < 0 ? 'Note' : 'Reply' };
    this.contextValue = index < 0 ? 'note' : 'reply';
    this.timestamp = new Date(stamp);
  }
}

interface DrawnThread {
  readonly thread: vscode.CommentThread;
  readonly annotationId: string;
  /** What the comments were drawn from; unchanged means the comments (and an edit in progress) are left alone. */
  signature: string;
}

/** What a test (or a reader of the API) sees of a thread. */
export interface NoteThreadInfo {
  readonly uri: string;
  readonly annotationId: string;
  readonly range: vscode.Range;
  readonly label: string | undefined;
  readonly comments: readonly { readonly body: string; readonly author: string; readonly mode: vscode.CommentMode }[];
  readonly thread: vscode.CommentThread;
}

export class NoteComments implements vscode.Disposable {
  private readonly controller: vscode.CommentController;
  private readonly threads = new Map<string, DrawnThread>();
  /** Threads opened for an annotation without a note yet ("Add Note"), kept until it gets one or goes away. */
  private readonly pending = new Set<string>();
  /** Source texts of closed articles, by key: their notes are listed in the Comments panel too. */
  private readonly closedTexts = new Map<string, string | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  private renderQueued: Promise<void> | undefined;
  private renderAgain = false;

  constructor(
    private readonly annotations: AnnotationService,
    private readonly articles: ArticleDocuments,
    private readonly settings: SettingsWatcher,
  ) {
    this.controller = vscode.comments.createCommentController(NOTES_CONTROLLER_ID, 'Article Annotator Notes');
    this.controller.options = { prompt: 'Write a note (Markdown)…', placeHolder: 'A note on this annotation, Markdown allowed' };
    // every line of an article can take a note: a thread started on text without an annotation annotates it
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (document) => {
        if (!this.articles.get(document)) return [];
        const last = document.lineAt(document.lineCount - 1);
        return [new vscode.Range(0, 0, last.lineNumber, last.text.length)];
      },
    };
    this.disposables.push(
      this.controller,
      annotations.onDidChange((change) => {
        for (const key of change.articles) this.closedTexts.delete(key);
        this.render();
      }),
      articles.onDidChangeArticle(() => this.render()),
      articles.onDidCloseArticle(() => this.render()),
      vscode.workspace.onDidOpenTextDocument(() => this.render()),
      vscode.window.tabGroups.onDidChangeTabs(() => this.render()),
      vscode.workspace.onDidCloseTextDocument(() => this.render()),
      vscode.workspace.onDidSaveTextDocument((doc) => this.closedTexts.delete(this.articles.get(doc)?.key ?? '')),
      vscode.commands.registerCommand(SAVE_NOTE_COMMAND, (reply: vscode.CommentReply) => this.saveReply(reply)),
      vscode.commands.registerCommand(REPLY_NOTE_COMMAND, (reply: vscode.CommentReply) => this.saveReply(reply)),
      vscode.commands.registerCommand(EDIT_NOTE_COMMAND, (comment: NoteComment) => this.startEdit(comment)),
      vscode.commands.registerCommand(CANCEL_NOTE_EDIT_COMMAND, (comment: NoteComment) => this.cancelEdit(comment)),
      vscode.commands.registerCommand(SAVE_NOTE_EDIT_COMMAND, (comment: NoteComment) => this.saveEdit(comment)),
      vscode.commands.registerCommand(DELETE_NOTE_COMMAND, (comment: NoteComment) => this.deleteComment(comment)),
      vscode.commands.registerCommand(ADD_NOTE_COMMAND, (arg?: unknown) => this.addNote(arg)),
    );
    this.render();
  }

  /** Every thread drawn now (tests read it; the Comments panel shows the same). */
  threadsNow(): NoteThreadInfo[] {
    return [...this.threads.values()].map(({ thread, annotationId }) => ({
      uri: thread.uri.toString(),
      annotationId,
      range: thread.range ?? new vscode.Range(0, 0, 0, 0),
      label: thread.label,
      thread,
      comments: thread.comments.map((c) => ({ body: typeof c.body === 'string' ? c.body : c.body.value, author: c.author.name, mode: c.mode })),
    }));
  }

  /** Resolves when the threads reflect the store as it is now. */
  async settled(): Promise<void> {
    while (this.renderQueued) await this.renderQueued;
  }

  /** Opens (or creates) the note thread of an annotation, expanded, so the note can be typed or read. */
  async open(annotationId: string): Promise<vscode.CommentThread | undefined> {
    this.pending.add(annotationId);
    this.render();
    await this.settled();
    const drawn = [...this.threads.values()].find((t) => t.annotationId === annotationId);
    if (!drawn) {
      this.pending.delete(annotationId);
      return undefined;
    }
    drawn.thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    return drawn.thread;
  }

  private async addNote(arg?: unknown): Promise<vscode.CommentThread | undefined> {
    const id = typeof arg === 'string' ? arg : isRecord(arg) && typeof arg.id === 'string' ? arg.id : isRecord(arg) && isRecord(arg.annotation) && typeof arg.annotation.id === 'string' ? arg.annotation.id : undefined;
    const annotation = id ? this.annotations.get(id) : await pickAnnotationAtCursor(this.annotations, this.articles, 'Add a note to which annotation?');
    if (!annotation) return undefined;
    if (annotation.status === 'orphaned') {
      void vscode.window.showWarningMessage('Article Annotator: this annotation is not placed in its article; re-attach it before adding a note.');
      return undefined;
    }
    return this.open(annotation.id);
  }

  private render(): void {
    if (this.renderQueued) {
      this.renderAgain = true;
      return;
    }
    this.renderQueued = (async () => {
      try {
        do {
          this.renderAgain = false;
          await this.draw();
        } while (this.renderAgain);
      } finally {
        this.renderQueued = undefined;
      }
    })();
  }

  private async draw(): Promise<void> {
    const wanted = new Map<string, { annotation: Annotation; uri: vscode.Uri; range: vscode.Range }>();
    // This runs at every key typed into an annotated article. The annotations are read article by article (the lists
    // the store keeps; all() copies every article's at each change), and with no note, reply or note being added and
    // no thread drawn there is nothing more to do.
    const byKey = new Map<string, Annotation[]>();
    for (const key of this.annotations.articles()) {
      const annotations = this.annotations.forArticle(key);
      for (let i = 0; i < annotations.length; i++) {
        const annotation = annotations[i]!;
        if (annotation.status !== 'anchored') continue;
        if (annotation.note === '' && !annotation.replies?.length && !this.pending.has(annotation.id)) continue;
        const list = byKey.get(annotation.article) ?? [];
        list.push(annotation);
        byKey.set(annotation.article, list);
      }
    }
    if (byKey.size === 0 && this.threads.size === 0 && this.pending.size === 0) return;
    const open = this.articles.all();
    const tabbed = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri.toString()] : [])));
    for (const [key, list] of byKey) {
      // one home per note: the reading view when a tab shows it, else the source file (open in an editor or not)
      const docs = open.filter((a) => a.key === key);
      const home: ArticleDocument | undefined = docs.find((a) => a.view === 'reading' && tabbed.has(a.document.uri.toString())) ?? docs.find((a) => a.view === 'source');
      let place: ((a: Annotation) => vscode.Range | undefined) | undefined;
      let uri: vscode.Uri | undefined;
      if (home) {
        uri = home.document.uri;
        place = (a) => home.toEditorRange(a.position.start, a.position.end);
      } else {
        uri = articleUriOfKey(key);
        const text = uri ? await this.closedText(key, uri) : undefined;
        if (text !== undefined) {
          const rangeOf = rangesIn(text);
          place = (a) => (a.position.end <= text.length ? rangeOf(a.position.start, a.position.end) : undefined);
        }
      }
      if (!uri || !place) continue;
      for (const annotation of list) {
        const range = place(annotation);
        if (range) wanted.set(`${uri.toString()}#${annotation.id}`, { annotation, uri, range });
      }
    }
    for (const [key, drawn] of this.threads) {
      if (wanted.has(key)) continue;
      drawn.thread.dispose();
      this.threads.delete(key);
    }
    for (const id of this.pending) if (!this.annotations.get(id)) this.pending.delete(id);
    for (const [key, { annotation, uri, range }] of wanted) {
      let drawn = this.threads.get(key);
      if (!drawn) {
        const thread = this.controller.createCommentThread(uri, range, []);
        thread.collapsibleState = vscode.CommentThreadCollapsibleState.Collapsed;
        thread.canReply = true;
        drawn = { thread, annotationId: annotation.id, signature: '' };
        this.threads.set(key, drawn);
      }
      const { thread } = drawn;
      if (!thread.range?.isEqual(range)) thread.range = range;
      const label = `${annotation.label}: “${shorten(annotation.quote.exact, 50)}”`;
      if (thread.label !== label) thread.label = label;
      thread.contextValue = annotation.note === '' ? 'emptyNote' : 'note';
      const signature = JSON.stringify([annotation.note, annotation.replies ?? [], annotation.modified]);
      if (signature !== drawn.signature) {
        drawn.signature = signature;
        const comments: NoteComment[] = [];
        if (annotation.note !== '') comments.push(new NoteComment(annotation.id, -1, annotation.note, annotation.modified));
        (annotation.replies ?? []).forEach((reply, i) => comments.push(new NoteComment(annotation.id, i, reply.body, reply.created)));
        thread.comments = comments;
      }
      if (annotation.note !== '' || (annotation.replies ?? []).length > 0) this.pending.delete(annotation.id);
    }
  }

  private async closedText(key: string, uri: vscode.Uri): Promise<string | undefined> {
    if (this.closedTexts.has(key)) return this.closedTexts.get(key);
    let text: string | undefined;
    try {
      const decoded = decodeArticleBytes(await vscode.workspace.fs.readFile(uri));
      text = 'text' in decoded ? decoded.text : undefined;
    } catch {
      text = undefined; // a missing file: its notes are listed again when it is back
    }
    this.closedTexts.set(key, text);
    return text;
  }

  private annotationOfThread(thread: vscode.CommentThread): Annotation | undefined {
    const drawn = [...this.threads.values()].find((t) => t.thread === thread);
    return drawn ? this.annotations.get(drawn.annotationId) : undefined;
  }

  private async saveReply(reply: vscode.CommentReply): Promise<Annotation | undefined> {
    const text = reply.text.trim() === '' ? '' : reply.text;
    if (text === '') return undefined;
    let annotation = this.annotationOfThread(reply.thread);
    if (!annotation) {
      // a thread the user started on the text (the gutter's "+"): the note goes to the annotation there, or a new one
      annotation = await this.annotationForNewThread(reply.thread);
      reply.thread.dispose();
      if (!annotation) return undefined;
    }
    let saved: Annotation;
    if (annotation.note === '') saved = await this.annotations.update(annotation.id, { note: text });
    else saved = await this.annotations.update(annotation.id, { replies: [...(annotation.replies ?? []), { body: text, created: new Date().toISOString() }] });
    await this.settled();
    const drawn = [...this.threads.values()].find((t) => t.annotationId === saved.id);
    if (drawn) drawn.thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    return saved;
  }

  private async annotationForNewThread(thread: vscode.CommentThread): Promise<Annotation | undefined> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === thread.uri.toString());
    const article = document ? this.articles.get(document) : undefined;
    const range = thread.range;
    if (!article || !range) return undefined;
    let span = article.toSourceSpan(range);
    if (span && span.start === span.end) span = undefined;
    const around = article.toSourceSpan(new vscode.Range(range.start, range.start));
    const at = span ?? around;
    if (at) {
      const hit = this.annotations.forArticle(article.key).find((a) => a.status === 'anchored' && a.position.start <= at.start && at.start < a.position.end);
      if (hit) return hit;
    }
    if (!span) {
      // a whole line: the sentence-free choice is its text, trimmed
      const line = document!.lineAt(range.start.line);
      const first = line.firstNonWhitespaceCharacterIndex;
      span = article.toSourceSpan(new vscode.Range(line.lineNumber, first, line.lineNumber, line.text.trimEnd().length));
      if (!span || span.start === span.end) {
        void vscode.window.showWarningMessage('Article Annotator: a note belongs to a span of the article; select text and try again.');
        return undefined;
      }
    }
    const labels = this.settings.settings.labels;
    const label = labels.find((l) => l.name === 'note')?.name ?? labels[0]?.name ?? 'note';
    return this.annotations.create({ article: article.key, text: article.sourceText, start: span.start, end: span.end, label });
  }

  private setMode(comment: NoteComment, mode: vscode.CommentMode): void {
    const drawn = [...this.threads.values()].find((t) => t.thread.comments.includes(comment));
    if (!drawn) return;
    comment.mode = mode;
    drawn.thread.comments = [...drawn.thread.comments];
  }

  /** The editor shows what the user wrote, not the sanitised Markdown the preview renders. */
  private startEdit(comment: NoteComment): void {
    comment.body = comment.text;
    this.setMode(comment, vscode.CommentMode.Editing);
  }

  private cancelEdit(comment: NoteComment): void {
    comment.body = markdown(comment.text);
    this.setMode(comment, vscode.CommentMode.Preview);
  }

  private async saveEdit(comment: NoteComment): Promise<Annotation | undefined> {
    const annotation = this.annotations.get(comment.annotationId);
    if (!annotation) return undefined;
    const text = typeof comment.body === 'string' ? comment.body : comment.body.value;
    comment.mode = vscode.CommentMode.Preview;
    if (comment.index < 0) {
      // an emptied note is removed; its replies stay
      return this.annotations.update(annotation.id, { note: text.trim() === '' ? '' : text });
    }
    const replies: NoteReply[] = [...(annotation.replies ?? [])];
    if (!replies[comment.index]) return undefined;
    if (text.trim() === '') replies.splice(comment.index, 1);
    else replies[comment.index] = { ...replies[comment.index]!, body: text };
    return this.annotations.update(annotation.id, { replies });
  }

  private async deleteComment(comment: NoteComment): Promise<Annotation | undefined> {
    const annotation = this.annotations.get(comment.annotationId);
    if (!annotation) return undefined;
    if (comment.index < 0) return this.annotations.update(annotation.id, { note: '' });
    return this.annotations.update(annotation.id, { replies: (annotation.replies ?? []).filter((_, i) => i !== comment.index) });
  }

  dispose(): void {
    for (const { thread } of this.threads.values()) thread.dispose();
    this.threads.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** A note or reply as the hover shows it: the same sanitiser (allow-listed Markdown, untrusted, no HTML, no theme icons). */
function markdown(text: string): vscode.MarkdownString {
  return noteMarkdown(text);
}

/** Ranges of [start, end) spans of a text, lines broken as the editor breaks them (CRLF, CR, LF). */
function rangesIn(text: string): (start: number, end: number) => vscode.Range {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const at = (offset: number): vscode.Position => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, offset - starts[lo]!);
  };
  return (start, end) => new vscode.Range(at(start), at(end));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
