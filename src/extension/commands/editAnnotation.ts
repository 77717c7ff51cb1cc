// "Edit Annotation": change the label and/or note of the annotation under the cursor (or the one named by id).
import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import type { SettingsWatcher } from '../settings';
import { annotationArg, type AnnotationArgs, pickAnnotationAtCursor } from '../commandTargets/annotationArgument';
import { pickLabel } from '../labelPicker';
import type { NoteComments } from '../noteComments';


export interface EditAnnotationArgs extends AnnotationArgs {
  readonly label?: string;
  readonly note?: string;
}

export function editAnnotation(annotations: AnnotationService, articles: ArticleDocuments, settings: SettingsWatcher, notes?: NoteComments) {
  return async (rawArgs?: unknown): Promise<Annotation | undefined> => {
    const args = annotationArg<EditAnnotationArgs>(rawArgs);
    const annotation = args.id ? annotations.get(args.id) : await pickAnnotationAtCursor(annotations, articles, 'Edit which annotation?');
    if (!annotation) {
      if (args.id) void vscode.window.showWarningMessage(`Article Annotator: no annotation with id ${args.id}.`);
      return undefined;
    }
    const prompted = args.label === undefined && args.note === undefined;
    const label = args.label ?? (prompted ? await pickLabel(settings.settings.labels, { current: annotation.label, quote: annotation.quote.exact }) : annotation.label);
    if (label === undefined) return undefined;
    const updated = await annotations.update(annotation.id, { label, note: args.note ?? annotation.note });
    // the note is edited in place in its comment thread (multi-line Markdown), not in a one-line box
    if (prompted && notes) await notes.open(updated.id);
    return updated;
  };
}
