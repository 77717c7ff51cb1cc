// "Delete Annotation": remove the annotation under the cursor (or the one named by id); "Undo Last Annotation Change" brings it back.
import * as vscode from 'vscode';
import { shorten } from '../../core/formats/formatModel';
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { annotationArg, type AnnotationArgs, pickAnnotationAtCursor } from '../commandTargets/annotationArgument';
import { UNDO_ANNOTATION_CHANGE_COMMAND } from '../commandIds';


export function deleteAnnotation(annotations: AnnotationService, articles: ArticleDocuments) {
  return async (rawArgs?: unknown): Promise<Annotation | undefined> => {
    const args = annotationArg<AnnotationArgs>(rawArgs);
    const annotation = args.id ? annotations.get(args.id) : await pickAnnotationAtCursor(annotations, articles, 'Delete which annotation?');
    if (!annotation) {
      if (args.id) void vscode.window.showWarningMessage(`Article Annotator: no annotation with id ${args.id}.`);
      return undefined;
    }
    const removed = await annotations.remove(annotation.id);
    if (removed) {
      void vscode.window
        .showInformationMessage(`Article Annotator: deleted the ${removed.label} annotation on “${shorten(removed.quote.exact, 50)}”.`, 'Undo')
        .then((choice) => (choice === 'Undo' ? vscode.commands.executeCommand(UNDO_ANNOTATION_CHANGE_COMMAND) : undefined));
    }
    return removed;
  };
}
