// Highlights people, places, organizations and dates in visible article editors: one decoration type per kind.
import * as vscode from 'vscode';
import type { Analysis, DateMention, EntityMention } from '../core/nlp/analysisModel';
import type { AnalysisService } from './analysisService';
import type { ArticleDocument, ArticleDocuments } from './articleDocuments';
import { HIGHLIGHT_KINDS, type HighlightKind, type SettingsWatcher } from './settings';

export const TYPE_LABELS: Readonly<Record<HighlightKind, string>> = { person: 'PER', place: 'LOC', organization: 'ORG', date: 'DATE' };
/** In High Contrast themes each kind has its own underline style, so kinds differ by more than colour. */
export const HIGH_CONTRAST_BORDERS: Readonly<Record<HighlightKind, string>> = { person: 'solid', place: 'dashed', organization: 'dotted', date: 'double' };

function isHighContrast(): boolean {
  const kind = vscode.window.activeColorTheme.kind;
  return kind === vscode.ColorThemeKind.HighContrast || kind === vscode.ColorThemeKind.HighContrastLight;
}
const HIGHLIGHTS_ON_KEY = 'articleAnnotator.highlightsOn';
/** Documents longer than this are decorated around the visible lines only, refreshed on scroll. */
const LARGE_DOCUMENT_CHARS = 200_000;
const LARGE_DOCUMENT_MARGIN_LINES = 150;

/** A decorated span as the editor shows it: offsets into the editor's document, and into the source text. */
export interface DecoratedSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

export interface EditorDecorations {
  readonly uri: string;
  readonly key: string;
  readonly view: 'reading' | 'source';
  /**
   * The analysis the decorations come from covers the whole article (not just the visible part yet), and a reading
   * view shows its newest rendering (not one VS Code is about to replace).
   */
  readonly complete: boolean;
  readonly highlightsOn: boolean;
  readonly kinds: Readonly<Record<HighlightKind, readonly DecoratedSpan[]>>;
}

export class EntityDecorator implements vscode.Disposable {
  private types = new Map<HighlightKind, vscode.TextEditorDecorationType>();
  /** Whether the types were made for a High Contrast theme. */
  private highContrast = false;
  private readonly applied = new Map<string, EditorDecorations>();
  /**
   * What each editor's decorations were made from: the same analysis, document version, visible window and settings
   * make the same decorations in the same editor, so they are not placed and sent again (a reading view behind the typing in its plain
   * editor was re-decorated at every pause between words, unchanged).
   */
  private readonly appliedFrom = new Map<string, { readonly editor: vscode.TextEditor; readonly analysis: Analysis; readonly version: number; readonly window: string; readonly complete: boolean; readonly types: ReadonlyMap<HighlightKind, vscode.TextEditorDecorationType>; readonly on: string }>();
  private readonly editTimers = new Map<string, NodeJS.Timeout>();
  private scrollTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private highlightsOn: boolean;
  private readonly appliedEmitter = new vscode.EventEmitter<EditorDecorations>();
  /** Fires after decorations were set on an editor (tests and views wait on it). */
  readonly onDidDecorate = this.appliedEmitter.event;

  constructor(
    private readonly articles: ArticleDocuments,
    private readonly analysis: AnalysisService,
    private readonly settings: SettingsWatcher,
    private readonly state: vscode.Memento,
  ) {
    this.highlightsOn = state.get<boolean>(HIGHLIGHTS_ON_KEY, true) !== false;
    void vscode.commands.executeCommand('setContext', HIGHLIGHTS_ON_KEY, this.highlightsOn);
    this.createTypes();
    this.disposables.push(
      this.appliedEmitter,
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onScroll(event.textEditor)),
      articles.onDidChangeArticle((change) => {
        // Reading views re-render as a whole: at once. Plain editors: wait for a pause in typing.
        const delay = change.documents.some((d) => d.view === 'source') ? this.settings.settings.reanalyzeDelay : 0;
        this.scheduleRefresh(change.key, delay);
      }),
      // drawn as not complete while a newer rendering was on its way: complete now, unless something else is pending
      articles.onDidSettleRendering((uri) => {
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document.uri.toString() !== uri.toString() || this.appliedFrom.get(uri.toString())?.complete !== false) continue;
          const article = this.articles.get(editor.document);
          if (article) this.refresh(editor, article);
        }
      }),
      analysis.onDidAnalyze((update) => {
        for (const editor of vscode.window.visibleTextEditors) {
          const article = this.articles.get(editor.document);
          // the lengths first: a result for a text keystrokes behind is skipped without joining the document's text
          if (article && article.key === update.key && article.sourceLength === update.text.length && article.sourceText === update.text) this.apply(editor, article, update.analysis, update.complete);
        }
      }),
      analysis.onDidInvalidate((key) => {
        for (const editor of vscode.window.visibleTextEditors) {
          const article = this.articles.get(editor.document);
          if (article && (key === undefined || article.key === key)) this.refresh(editor, article);
        }
      }),
      // High Contrast themes tell kinds apart by border style too, so the types are rebuilt when the theme kind changes.
      vscode.window.onDidChangeActiveColorTheme(() => {
        if (isHighContrast() === this.highContrast) return;
        this.createTypes();
        this.refreshVisible();
      }),
      settings.onDidChange((change) => {
        if (change.highlights) {
          this.createTypes();
          this.refreshVisible();
        } else if (change.articleGlobs) this.refreshVisible();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.applied.delete(document.uri.toString());
        this.appliedFrom.delete(document.uri.toString());
      }),
    );
    this.refreshVisible();
  }

  get enabled(): boolean {
    return this.highlightsOn;
  }

  /** Turns all highlights on or off (each kind's own setting still applies); remembered per workspace. */
  async setHighlightsOn(on: boolean): Promise<void> {
    this.highlightsOn = on;
    await this.state.update(HIGHLIGHTS_ON_KEY, on);
    await vscode.commands.executeCommand('setContext', HIGHLIGHTS_ON_KEY, on);
    this.refreshVisible();
  }

  /** What is decorated right now in the editor showing `uri` (real decorator state, for tests and views). */
  decorationsFor(uri: vscode.Uri): EditorDecorations | undefined {
    const decorations = this.applied.get(uri.toString());
    const from = this.appliedFrom.get(uri.toString());
    if (!decorations?.complete || !from) return decorations;
    // Drawn on an older text of the document (an editor hidden while its view re-rendered), or on a view about to
    // show a newer rendering: not the complete highlights of what the editor shows.
    const document = from.editor.document;
    const article = this.articles.get(document);
    if (document.version !== from.version || !article || this.articles.renderingPending(article)) return { ...decorations, complete: false };
    return decorations;
  }

  /** Re-decorates every visible article editor, asking for analysis where none is current. */
  refreshVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const article = this.articles.get(editor.document);
      if (article) this.refresh(editor, article);
      else if (this.applied.has(editor.document.uri.toString())) this.clear(editor);
    }
  }

  // A file that stopped matching the article globs keeps no highlights from when it was an article.
  private clear(editor: vscode.TextEditor): void {
    for (const type of this.types.values()) editor.setDecorations(type, []);
    this.applied.delete(editor.document.uri.toString());
    this.appliedFrom.delete(editor.document.uri.toString());
  }

  private scheduleRefresh(key: string, delay: number): void {
    const pending = this.editTimers.get(key);
    if (pending) clearTimeout(pending);
    this.editTimers.set(
      key,
      setTimeout(() => {
        this.editTimers.delete(key);
        for (const editor of vscode.window.visibleTextEditors) {
          const article = this.articles.get(editor.document);
          if (article && article.key === key) this.refresh(editor, article);
        }
      }, delay),
    );
  }

  private refresh(editor: vscode.TextEditor, article: ArticleDocument): void {
    const current = this.analysis.currentFor(article);
    if (current) this.apply(editor, article, current.analysis, current.complete);
    if (!current || !current.complete) void this.analysis.analyzeDocument(article, visibleSourceSpans(editor, article));
  }

  private onScroll(editor: vscode.TextEditor): void {
    const article = this.articles.get(editor.document);
    if (!article) return;
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(() => {
      this.scrollTimer = undefined;
      const current = this.analysis.currentFor(article);
      if (!current || !current.complete) this.analysis.prioritize(article.key, visibleSourceSpans(editor, article));
      if (current && documentLength(editor.document) > LARGE_DOCUMENT_CHARS) this.apply(editor, article, current.analysis, current.complete);
    }, 60);
  }

  private apply(editor: vscode.TextEditor, article: ArticleDocument, analysis: Analysis, analysisComplete: boolean): void {
    const document = editor.document;
    // a view about to show a newer rendering is drawn again when it does (onDidChangeArticle, onDidSettleRendering)
    const complete = analysisComplete && !this.articles.renderingPending(article);
    const window = documentLength(document) > LARGE_DOCUMENT_CHARS ? visibleWindow(editor) : undefined;
    const uri = document.uri.toString();
    const from = { editor, analysis, version: document.version, window: window ? `${window.start.line}-${window.end.line}` : '', complete, types: this.types, on: `${this.highlightsOn} ${JSON.stringify(this.settings.settings.highlight)}` };
    const before = this.appliedFrom.get(uri);
    const same = this.applied.get(uri);
    if (same && before && before.editor === editor && before.analysis === from.analysis && before.version === from.version && before.window === from.window && before.complete === from.complete && before.types === from.types && before.on === from.on) {
      this.appliedEmitter.fire(same);
      return;
    }
    // On a large file only the mentions inside the visible window's source span are looked at, found by binary search.
    const sourceWindow = window ? article.toSourceSpan(window) : undefined;
    const spans: Record<HighlightKind, DecoratedSpan[]> = { person: [], place: [], organization: [], date: [] };
    const ranges: Record<HighlightKind, vscode.Range[]> = { person: [], place: [], organization: [], date: [] };
    const kindsOn = this.settings.settings.highlight;
    const add = (kind: HighlightKind, start: number, end: number): void => {
      if (!this.highlightsOn || !kindsOn[kind]) return;
      const range = article.toEditorRange(start, end);
      if (!range || range.isEmpty || (window && !window.intersection(range))) return;
      spans[kind].push({ start: document.offsetAt(range.start), end: document.offsetAt(range.end), text: document.getText(range), sourceStart: start, sourceEnd: end });
      ranges[kind].push(range);
    };
    if (this.highlightsOn) {
      const index = mentionIndexOf(analysis);
      for (const entity of mentionsAround(analysis.entities, index.entities, sourceWindow)) add(entity.type, entity.start, entity.end);
      for (const date of mentionsAround(analysis.dates, index.dates, sourceWindow)) add('date', date.start, date.end);
    }
    for (const kind of HIGHLIGHT_KINDS) {
      const type = this.types.get(kind);
      if (!type) continue;
      editor.setDecorations(type, ranges[kind]);
    }
    const decorations: EditorDecorations = { uri, key: article.key, view: article.view, complete, highlightsOn: this.highlightsOn, kinds: spans };
    this.applied.set(uri, decorations);
    this.appliedFrom.set(uri, from);
    this.appliedEmitter.fire(decorations);
  }

  // Made once and rebuilt only when a visual setting changes; old types are disposed, which also clears them from editors.
  private createTypes(): void {
    for (const type of this.types.values()) type.dispose();
    this.types = new Map();
    const labels = this.settings.settings.showTypeLabels;
    this.highContrast = isHighContrast();
    for (const kind of HIGHLIGHT_KINDS) {
      this.types.set(
        kind,
        vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor(`articleAnnotator.${kind}Background`),
          borderColor: new vscode.ThemeColor(`articleAnnotator.${kind}Border`),
          borderStyle: this.highContrast ? HIGH_CONTRAST_BORDERS[kind] : 'solid',
          borderWidth: this.highContrast && HIGH_CONTRAST_BORDERS[kind] === 'double' ? '0 0 3px 0' : '0 0 2px 0',
          borderRadius: '2px',
          overviewRulerColor: new vscode.ThemeColor(`articleAnnotator.${kind}Border`),
          overviewRulerLane: vscode.OverviewRulerLane.Right,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
          // An inline style too, so the highlighted text itself carries the decoration class (screen readers, tests).
          textDecoration: 'none',
          after: labels
            ? {
                contentText: TYPE_LABELS[kind],
                // a text colour of its own, AA-readable on the editor background in every theme kind
                color: new vscode.ThemeColor(`articleAnnotator.${kind}Label`),
                // Same font size as the text: the editor measures injected text for word wrap. Set apart from the word.
                margin: '0 0 0 0.3em',
                fontWeight: '600',
              }
            : undefined,
        }),
      );
    }
  }

  dispose(): void {
    for (const timer of this.editTimers.values()) clearTimeout(timer);
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** The source spans shown in an editor's visible ranges (analysed first). */
export function visibleSourceSpans(editor: vscode.TextEditor, article: ArticleDocument): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const range of editor.visibleRanges) {
    const expanded = new vscode.Range(Math.max(0, range.start.line - 5), 0, Math.min(editor.document.lineCount - 1, range.end.line + 5), Number.MAX_SAFE_INTEGER);
    const span = article.toSourceSpan(editor.document.validateRange(expanded));
    if (span) spans.push(span);
  }
  return spans;
}

function visibleWindow(editor: vscode.TextEditor): vscode.Range {
  const ranges = editor.visibleRanges;
  const first = ranges[0]?.start.line ?? 0;
  const last = ranges[ranges.length - 1]?.end.line ?? 0;
  return editor.document.validateRange(new vscode.Range(Math.max(0, first - LARGE_DOCUMENT_MARGIN_LINES), 0, last + LARGE_DOCUMENT_MARGIN_LINES, Number.MAX_SAFE_INTEGER));
}

/** The document's length without joining its lines into one string (getText() copies the whole text). */
function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

interface MentionIndex {
  /** Sorted by start and by end (mentions never overlap), or undefined if they do: then every mention is looked at. */
  readonly entities: readonly EntityMention[] | undefined;
  readonly dates: readonly DateMention[] | undefined;
}

// Built once per analysis result (results are immutable), so scrolling and a second editor reuse it.
const mentionIndexes = new WeakMap<Analysis, MentionIndex>();

function mentionIndexOf(analysis: Analysis): MentionIndex {
  let index = mentionIndexes.get(analysis);
  if (!index) {
    index = { entities: sortedByStartAndEnd(analysis.entities), dates: sortedByStartAndEnd(analysis.dates) };
    mentionIndexes.set(analysis, index);
  }
  return index;
}

function sortedByStartAndEnd<T extends { readonly start: number; readonly end: number }>(mentions: readonly T[]): readonly T[] | undefined {
  const inOrder = (list: readonly T[]): boolean => list.every((m, i) => i === 0 || (m.start >= list[i - 1]!.start && m.end >= list[i - 1]!.end));
  if (inOrder(mentions)) return mentions;
  const sorted = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  return inOrder(sorted) ? sorted : undefined;
}

/** The mentions touching the source span: binary search for the first, then the run up to the span's end. */
function mentionsAround<T extends { readonly start: number; readonly end: number }>(all: readonly T[], sorted: readonly T[] | undefined, span: { start: number; end: number } | undefined): readonly T[] {
  if (!span || !sorted) return all;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end < span.start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < sorted.length && sorted[last]!.start <= span.end) last++;
  return sorted.slice(lo, last);
}
