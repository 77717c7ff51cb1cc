// "Annotate Selection": label the selected text (or the span given as arguments) and store it against source offsets.
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import type { SettingsWatcher } from '../settings';
import { objectArg, resolveSpan, type SpanArgs } from './articleTarget';
import { askNote, pickLabel } from './labelPicker';

export const ANNOTATE_SELECTION_COMMAND = 'articleAnnotator.annotateSelection';

export interface AnnotateSelectionArgs extends SpanArgs {
  readonly label?: string;
  readonly note?: string;
}

/** Returns the new annotation, or undefined when there is nothing to annotate or the user dismissed a prompt. */
export function annotateSelection(annotations: AnnotationService, articles: ArticleDocuments, settings: SettingsWatcher) {
  return async (rawArgs?: unknown): Promise<Annotation | undefined> => {
    const args = objectArg<AnnotateSelectionArgs>(rawArgs);
    const target = await resolveSpan(articles, args);
    if (!target) return undefined;
    const quote = target.text.slice(target.start, target.end);
    const label = typeof args.label === 'string' ? args.label : await pickLabel(settings.settings.labels, { quote });
    if (label === undefined) return undefined;
    // A label given without a note (keybinding, tests) means "no note"; the prompt only comes with the interactive path.
    const note = typeof args.note === 'string' ? args.note : typeof args.label === 'string' ? '' : await askNote();
    if (note === undefined) return undefined;
    return annotations.create({ article: target.key, text: target.text, start: target.start, end: target.end, label, note });
  };
}
