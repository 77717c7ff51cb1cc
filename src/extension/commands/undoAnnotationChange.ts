// "Undo Last Annotation Change": reverts the last create, edit, delete, import or correction, one step at a time.
import * as vscode from 'vscode';
import type { AnnotationService } from '../annotationService';


/** Returns what was undone ("delete person annotation"), or undefined when there was nothing to undo. */
export function undoAnnotationChange(annotations: AnnotationService) {
  return async (): Promise<string | undefined> => {
    const undone = await annotations.undo();
    if (undone === undefined) void vscode.window.showInformationMessage('Article Annotator: there is no annotation change to undo.');
    else vscode.window.setStatusBarMessage(`Article Annotator: undid ${undone}`, 4000);
    return undone;
  };
}
