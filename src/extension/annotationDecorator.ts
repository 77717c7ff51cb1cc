// Draws user annotations in every visible article editor: a coloured underline per label, stacked so overlaps and nesting show.
import * as vscode from 'vscode';
import type { Annotation } from '../core/annotations/annotationModel';
import type { ArticleDocuments } from './articleDocuments';
import type { AnnotationService } from './annotationService';
import type { AnnotationLabel } from '../core/annotations/labelSchema';
import type { SettingsWatcher } from './settings';
import { stackLevels } from '../core/annotations/stackLevels';

/** Stacking levels drawn distinctly; deeper nesting reuses the last level's style. */
const LEVEL_STYLES = 3;

/** One decorated annotation, as tests and the workbench check see it. */
export interface DecoratedAnnotation {
  readonly id: string;
  readonly label: string;
  readonly level: number;
  readonly range: vscode.Range;
}

export class AnnotationDecorator implements vscode.Disposable {
  /** Decoration types by `label|level`, made once per label schema and disposed when it changes. */
  private types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly decorated = new Map<vscode.TextEditor, DecoratedAnnotation[]>();
  /** The type keys of each label, by level: made once, not a string per annotation at every keystroke. */
  private readonly typeKeys = new Map<string, readonly string[]>();
  private readonly disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;
  /**
   * Documents changed at or inside a drawn annotation since the last redraw. VS Code moves a decoration with the text
   * itself, as the tracker moves the annotation, except where the text changes at its edges or inside it (it grows a
   * range typed at its end): there the annotation is drawn again even when its range reads the same.
   */
  private touched = new WeakSet<vscode.TextDocument>();

  constructor(
    private readonly annotations: AnnotationService,
    private readonly articles: ArticleDocuments,
    private readonly settings: SettingsWatcher,
  ) {
    this.disposables.push(
      annotations.onDidChange(() => this.schedule()),
      articles.onDidChangeArticle(() => this.schedule()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((event) => this.noteTouches(event)),
      settings.onDidChange((change) => {
        if (change.labels) {
          this.disposeTypes();
          this.schedule();
        }
      }),
    );
    this.refresh();
  }

  /** What is drawn in an editor right now (empty for editors that are not articles). */
  decorationsOf(editor: vscode.TextEditor): readonly DecoratedAnnotation[] {
    return this.decorated.get(editor) ?? [];
  }

  /** Redraws on the next tick so a burst of changes (an edit and the store write that follows it) draws once. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.refresh();
    }, 0);
  }

  /** Redraws every visible article editor now. */
  refresh(): void {
    for (const editor of [...this.decorated.keys()]) {
      if (!vscode.window.visibleTextEditors.includes(editor)) this.decorated.delete(editor);
    }
    for (const editor of vscode.window.visibleTextEditors) this.decorate(editor);
    this.touched = new WeakSet();
  }

  private noteTouches(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0 || this.touched.has(event.document)) return;
    for (const [editor, drawn] of this.decorated) {
      if (editor.document !== event.document) continue;
      for (const { range: changed } of event.contentChanges) {
        for (let i = 0; i < drawn.length; i++) {
          if (!touches(changed, drawn[i]!.range)) continue;
          this.touched.add(event.document);
          return;
        }
      }
    }
  }

  private decorate(editor: vscode.TextEditor): void {
    const article = this.articles.get(editor.document);
    // A reading view behind its plain editor's typing keeps what it shows until it re-renders (then it is drawn again):
    // annotations moved by the typing would be placed through the old view's offsets, off by what was typed, at the
    // cost of placing every annotation again at every keystroke.
    if (article && this.decorated.has(editor) && this.articles.renderingBehind(article)) return;
    const byType = new Map<string, vscode.DecorationOptions[]>();
    const drawn: DecoratedAnnotation[] = [];
    if (article) {
      const placed: { annotation: Annotation; range: vscode.Range }[] = [];
      for (const annotation of this.annotations.forArticle(article.key)) {
        if (annotation.status !== 'anchored') continue;
        const range = article.toEditorRange(annotation.position.start, annotation.position.end);
        if (range && !range.isEmpty) placed.push({ annotation, range });
      }
      const levels = stackLevels(placed.map((p) => p.annotation.position));
      // a loop, not forEach: this runs at every key typed into an annotated article (see stackLevels)
      for (let i = 0; i < placed.length; i++) {
        const { annotation, range } = placed[i]!;
        const level = levels[i] ?? 0;
        const key = this.typeKey(annotation.label, level);
        let list = byType.get(key);
        if (!list) byType.set(key, (list = []));
        list.push({ range });
        drawn.push({ id: annotation.id, label: annotation.label, level, range });
      }
    }
    // Typing moves the annotations after the key, and their ranges read the same unless they are on the key's line:
    // VS Code has moved its decorations alike, so the same ranges are not sent again (at every key, for every one).
    const before = this.decorated.get(editor);
    if (before && !this.touched.has(editor.document) && sameDrawing(before, drawn)) {
      this.decorated.set(editor, drawn);
      return;
    }
    for (const [key, type] of this.types) {
      if (!byType.has(key)) editor.setDecorations(type, []);
    }
    for (const [key, options] of byType) editor.setDecorations(this.typeFor(key), options);
    if (drawn.length > 0 || this.decorated.has(editor)) this.decorated.set(editor, drawn);
  }

  private typeKey(label: string, level: number): string {
    let keys = this.typeKeys.get(label);
    if (!keys) this.typeKeys.set(label, (keys = Array.from({ length: LEVEL_STYLES }, (_, l) => `${label}|${l}`)));
    return keys[Math.min(level, LEVEL_STYLES - 1)]!;
  }

  private typeFor(key: string): vscode.TextEditorDecorationType {
    let type = this.types.get(key);
    if (!type) {
      const [label = '', level = '0'] = key.split('|');
      type = vscode.window.createTextEditorDecorationType(decorationStyle(this.labelOf(label), Number(level), this.settings.settings.showAnnotationLabels));
      this.types.set(key, type);
    }
    return type;
  }

  private labelOf(name: string): AnnotationLabel {
    return this.settings.settings.labels.find((l) => l.name === name) ?? { name, color: '#64748b', description: '' };
  }

  private disposeTypes(): void {
    for (const type of this.types.values()) type.dispose();
    this.types = new Map();
    this.decorated.clear();
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
    this.disposeTypes();
  }
}

/** Whether two drawings place the same annotations with the same labels and levels on the same ranges. */
function sameDrawing(a: readonly DecoratedAnnotation[], b: readonly DecoratedAnnotation[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.label !== y.label || x.level !== y.level || !x.range.isEqual(y.range)) return false;
  }
  return true;
}

/** Whether a changed range overlaps a drawn one or meets it at an edge. */
function touches(changed: vscode.Range, drawn: vscode.Range): boolean {
  return !changed.end.isBefore(drawn.start) && !changed.start.isAfter(drawn.end);
}

/**
 * Entity highlights use a background and a bottom border; annotations use the text's own underline (level 0), overline
 * (level 1) or a dashed outline (deeper), in the label's colour, plus the label's name after the span (optional), so both
 * show at once, annotations are not colour-only, and nested or overlapping annotations are drawn one above the other.
 */
function decorationStyle(label: AnnotationLabel, level: number, showLabel: boolean): vscode.DecorationRenderOptions {
  const color = label.color;
  const line: vscode.DecorationRenderOptions =
    level === 0
      ? { textDecoration: `underline solid ${color} 2px !important; text-underline-offset: 3px; text-decoration-skip-ink: none` }
      : level === 1
        ? { textDecoration: `overline solid ${color} 2px !important; text-decoration-skip-ink: none` }
        : { outline: `1px dashed ${color}` };
  return {
    ...line,
    overviewRulerColor: color,
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    // the label in small type after the span, set apart from the word; nothing pushes the text aside before it
    after: showLabel ? { contentText: label.name, color, fontStyle: 'italic', fontWeight: '600', margin: '0 0 0 0.3em', textDecoration: 'none; font-size: 0.8em; vertical-align: 1px' } : undefined,
  };
}
