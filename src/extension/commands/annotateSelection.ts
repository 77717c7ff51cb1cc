// "Annotate Selection": label the selected text (or the span given as arguments) and store it against source offsets.
// Without a selection it takes the entity at the cursor, else the word at the cursor, else it asks for a selection.
import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnalysisService } from '../analysisService';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import type { SettingsWatcher } from '../settings';
import { objectArg, resolveSpan, type SpanArgs, type SpanTarget } from '../commandTargets/articleTarget';
import { mentionsOf } from '../commandTargets/entityTarget';
import { pickLabel } from '../labelPicker';
import type { NoteComments } from '../noteComments';


export interface AnnotateSelectionArgs extends SpanArgs {
  readonly label?: string;
  readonly note?: string;
}

/** Returns the new annotation, or undefined when there is nothing to annotate or the user dismissed a prompt. */
export function annotateSelection(annotations: AnnotationService, articles: ArticleDocuments, settings: SettingsWatcher, notes?: NoteComments, analysis?: AnalysisService) {
  return async (rawArgs?: unknown): Promise<Annotation | undefined> => {
    const args = objectArg<AnnotateSelectionArgs>(rawArgs);
    const target = (await atCursor(articles, args, analysis)) ?? (await resolveSpan(articles, args));
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

/**
 * With no span in the arguments and an empty selection in an article editor: the automatic entity under the cursor
 * (its whole span, "Angela Merkel" from a cursor in "Merkel"), else the word under the cursor. Undefined otherwise,
 * and resolveSpan then says what to select.
 */
async function atCursor(articles: ArticleDocuments, args: Partial<AnnotateSelectionArgs>, analysis: AnalysisService | undefined): Promise<SpanTarget | undefined> {
  if (typeof args.start === 'number' || typeof args.end === 'number' || args.uri !== undefined) return undefined;
  const editor = vscode.window.activeTextEditor;
  const article = editor ? articles.get(editor.document) : undefined;
  if (!editor || !article || !editor.selection.isEmpty) return undefined;
  const cursor = article.toSourceSpan(new vscode.Range(editor.selection.active, editor.selection.active));
  if (!cursor) return undefined;
  const at = cursor.start;
  const base = { sourceUri: article.sourceUri, key: article.key, text: article.sourceText, document: article };
  const mentions = analysis ? await mentionsOf(analysis, article) : [];
  // the same rule as the cursor context keys: the span contains the cursor, its start included
  const mention = mentions.find((m) => m.start <= at && at < m.end) ?? mentions.find((m) => m.end === at);
  if (mention) return { ...base, start: mention.start, end: mention.end };
  const word = editor.document.getWordRangeAtPosition(editor.selection.active, /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/u);
  const span = word ? article.toSourceSpan(word) : undefined;
  if (!span || span.start >= span.end) return undefined;
  const text = article.sourceText.slice(span.start, span.end).replace(/['’-]+$/u, '');
  return text === '' ? undefined : { ...base, start: span.start, end: span.start + text.length };
}
