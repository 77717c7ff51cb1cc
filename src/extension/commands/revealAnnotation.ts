// Opens an annotation's article and selects it (internal: the tree, the quick pick and tests use it).
import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { annotationArg, type AnnotationArgs } from '../commandTargets/annotationArgument';
import { revealSpan } from '../commandTargets/articleTarget';
import { articleUriOfKey } from '../articleKeys';

/** Shows the annotation; an orphan's article opens at its last known place with a note that it was not found. */
export async function showAnnotation(articles: ArticleDocuments, annotation: Annotation): Promise<vscode.TextEditor | undefined> {
  const sourceUri = articleUriOfKey(annotation.article);
  if (!sourceUri) {
    void vscode.window.showWarningMessage(`Article Annotator: cannot find the file of ${annotation.article} in this workspace.`);
    return undefined;
  }
  const editor = await revealSpan(articles, sourceUri, annotation.position.start, Math.max(annotation.position.start, annotation.position.end));
  if (annotation.status === 'orphaned') {
    void vscode.window.showWarningMessage(
      `Article Annotator: “${annotation.quote.exact}” is no longer in the text; select where it belongs and run “Re-attach Orphaned Annotation”.`,
    );
  }
  return editor;
}

export function revealAnnotation(annotations: AnnotationService, articles: ArticleDocuments) {
  return async (rawArgs?: unknown): Promise<vscode.TextEditor | undefined> => {
    const { id } = annotationArg<AnnotationArgs>(rawArgs);
    const annotation = id ? annotations.get(id) : undefined;
    if (!annotation) {
      void vscode.window.showWarningMessage(`Article Annotator: no annotation with id ${id ?? '(none given)'}.`);
      return undefined;
    }
    return showAnnotation(articles, annotation);
  };
}
