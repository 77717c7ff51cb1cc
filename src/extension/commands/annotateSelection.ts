// "Annotate Selection": label the selected text (or the span given as arguments) and store it against source offsets.
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import type { SettingsWatcher } from '../settings';
import { objectArg, resolveSpan, type SpanArgs } from './articleTarget';
import { pickLabel } from './labelPicker';
import type { NoteComments } from '../noteComments';

export const ANNOTATE_SELECTION_COMMAND = 'articleAnnotator.annotateSelection';

export interface AnnotateSelectionArgs extends SpanArgs {
  readonly label?: string;
  readonly note?: string;
}

/** Returns the new annotation, or undefined when there is nothing to annotate or the user dismissed a prompt. */
export function annotateSelection(annotations: AnnotationService, articles: ArticleDocuments, settings: SettingsWatcher, notes?: NoteComments) {
  return async (rawArgs?: unknown): Promise<Annotation | undefined> => {
    const args = objectArg<AnnotateSelectionArgs>(rawArgs);
    const target = await resolveSpan(articles, args);
    if (!target) return undefined;
    const quote = target.text.slice(target.start, target.end);
    const label = typeof args.label === 'string' ? args.label : await pickLabel(settings.settings.labels, { quote });
    if (label === undefined) return undefined;
    const note = typeof args.note === 'string' ? args.note : '';
    const created = await annotations.create({ article: target.key, text: target.text, start: target.start, end: target.end, label, note });
    // The interactive path offers the optional note in the comment UI (multi-line Markdown); a label given means no prompt.
    if (typeof args.label !== 'string' && notes) await notes.open(created.id);
    return created;
  };
}
