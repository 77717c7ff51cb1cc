// Context keys for menus: is the cursor on a user annotation, on an automatic entity? So the editor context menu
// offers Edit/Delete Annotation and Accept/Reject/Change Type only where they apply.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { AnnotationService } from './annotationService';
import type { ArticleDocuments } from './articleDocuments';

export const CURSOR_ON_ANNOTATION = 'articleAnnotator.cursorOnAnnotation';
export const CURSOR_ON_ENTITY = 'articleAnnotator.cursorOnEntity';
/** A selection overlaps an entity without being exactly its span: "Adjust Entity Span" applies. */
export const SELECTION_ON_ENTITY = 'articleAnnotator.selectionOnEntity';

/** The same rule the commands use to find what is "at the cursor": the span contains it, its start included. */
const covers = (span: { start: number; end: number }, at: number): boolean => span.start <= at && (at < span.end || span.start === at);

export class CursorContext implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private onAnnotation: boolean | undefined;
  private onEntity: boolean | undefined;
  private selectionOnEntity: boolean | undefined;

  constructor(
    private readonly documents: ArticleDocuments,
    private readonly annotations: AnnotationService,
    private readonly analysis: AnalysisService,
  ) {
    const update = (): void => this.update();
    this.disposables.push(
      vscode.window.onDidChangeTextEditorSelection((event) => (event.textEditor === vscode.window.activeTextEditor ? update() : undefined)),
      vscode.window.onDidChangeActiveTextEditor(update),
      annotations.onDidChange(update),
      analysis.onDidAnalyze(update),
    );
    update();
  }

  /** What the keys say now (for tests). */
  get state(): { readonly onAnnotation: boolean; readonly onEntity: boolean; readonly selectionOnEntity: boolean } {
    return { onAnnotation: this.onAnnotation ?? false, onEntity: this.onEntity ?? false, selectionOnEntity: this.selectionOnEntity ?? false };
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const article = editor ? this.documents.get(editor.document) : undefined;
    const cursor = editor && article ? article.toSourceSpan(new vscode.Range(editor.selection.active, editor.selection.active)) : undefined;
    const at = cursor?.start;
    const onAnnotation = article !== undefined && at !== undefined && this.annotations.forArticle(article.key).some((a) => a.status === 'anchored' && covers(a.position, at));
    const entities = article ? (this.analysis.currentFor(article)?.analysis.entities ?? []) : [];
    const onEntity = at !== undefined && entities.some((e) => covers(e, at));
    const selected = editor && article && !editor.selection.isEmpty ? article.toSourceSpan(editor.selection) : undefined;
    const selectionOnEntity = selected !== undefined && selected.start < selected.end && entities.some((e) => e.start < selected.end && selected.start < e.end && (e.start !== selected.start || e.end !== selected.end));
    if (selectionOnEntity !== this.selectionOnEntity) {
      this.selectionOnEntity = selectionOnEntity;
      void vscode.commands.executeCommand('setContext', SELECTION_ON_ENTITY, selectionOnEntity);
    }
    if (onAnnotation !== this.onAnnotation) {
      this.onAnnotation = onAnnotation;
      void vscode.commands.executeCommand('setContext', CURSOR_ON_ANNOTATION, onAnnotation);
    }
    if (onEntity !== this.onEntity) {
      this.onEntity = onEntity;
      void vscode.commands.executeCommand('setContext', CURSOR_ON_ENTITY, onEntity);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
