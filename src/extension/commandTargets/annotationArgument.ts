// Which annotation a command acts on: an id in its arguments (hover link, tree item, test), else the one under the cursor.
import * as vscode from 'vscode';
import { shorten } from '../../core/formats/formatModel';
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { objectArg } from './articleTarget';

export interface AnnotationArgs {
  readonly id?: string;
}

/** Accepts `{id}`, a tree node carrying `annotation`, or a bare id string. */
export function annotationArg<T extends AnnotationArgs>(raw: unknown): Partial<T> {
  if (typeof raw === 'string') return { id: raw } as Partial<T>;
  const args = objectArg<T & { annotation?: { id?: unknown } }>(raw);
  if (typeof args.id !== 'string' && args.annotation && typeof args.annotation.id === 'string') return { ...args, id: args.annotation.id };
  return args;
}

/**
 * The annotation under the active editor's cursor; a quick pick when several overlap there, or of all the article's
 * annotations (nearest first) when the cursor is on none, as when the command comes from the palette.
 */
export async function pickAnnotationAtCursor(annotations: AnnotationService, articles: ArticleDocuments, title: string): Promise<Annotation | undefined> {
  const editor = vscode.window.activeTextEditor;
  const article = editor ? articles.get(editor.document) : undefined;
  const span = editor && article ? article.toSourceSpan(editor.selection) : undefined;
  if (!article || !span) {
    void vscode.window.showWarningMessage('Article Annotator: put the cursor on an annotation in an article first.');
    return undefined;
  }
  const all = annotations.forArticle(article.key);
  const hits = all.filter((a) => a.status === 'anchored' && a.position.start <= span.end && span.start <= a.position.end && (span.start < a.position.end || a.position.start === span.start));
  if (hits.length === 1) return hits[0];
  if (all.length === 0) {
    void vscode.window.showWarningMessage('Article Annotator: this article has no annotations yet.');
    return undefined;
  }
  const distance = (a: Annotation): number => (a.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : Math.abs(a.position.start - span.start));
  const choices = hits.length > 0 ? hits : [...all].sort((a, b) => distance(a) - distance(b));
  const picked = await vscode.window.showQuickPick(
    choices.map((annotation) => ({
      annotation,
      label: annotation.label,
      description: `${shorten(annotation.quote.exact, 50)}${annotation.status === 'orphaned' ? ' (orphaned)' : ''}`,
      detail: annotation.note || undefined,
    })),
    { title: hits.length > 0 ? title : `${title}: no annotation at the cursor, pick one of this article's` },
  );
  return picked?.annotation;
}
