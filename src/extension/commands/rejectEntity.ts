// "Reject Entity": the surface form is not an entity; remembered in the user lexicon and applied to every article at once.
import * as vscode from 'vscode';
import type { LexiconEntry } from '../../core/nlp/analysisModel';
import type { AnalysisService } from '../analysisService';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { entityArgs, resolveEntity } from '../commandTargets/entityTarget';


export function rejectEntity(annotations: AnnotationService, articles: ArticleDocuments, analysis: AnalysisService) {
  return async (rawArgs?: unknown): Promise<LexiconEntry | undefined> => {
    const target = await resolveEntity(analysis, articles, entityArgs(rawArgs));
    if (!target) return undefined;
    const entry: LexiconEntry = { text: target.text, action: 'reject' };
    const previous = annotations.lexicon.find((e) => e.text === entry.text);
    await annotations.addLexiconEntry(entry);
    if (target.key !== '' && target.start < target.end) annotations.reportCorrections(target.sourceText, [{ start: target.start, end: target.end, type: null }]);
    offerLexiconUndo(annotations, entry.text, previous, `Article Annotator: “${entry.text}” is no longer highlighted as an entity, in every article.`);
    return entry;
  };
}

/**
 * Reports a lexicon correction with an Undo button that puts back the entries the forms had before (or none): "Undo
 * Last Annotation Change" covers annotations only, and the lexicon has no other editor. The undo is confirmed in a
 * notification, where the user just clicked Undo.
 */
export function offerLexiconUndo(annotations: AnnotationService, text: string | readonly string[], previous: LexiconEntry | undefined | ReadonlyMap<string, LexiconEntry | undefined>, message: string): void {
  const forms = typeof text === 'string' ? [text] : [...text];
  const before = (form: string): LexiconEntry | undefined => (previous instanceof Map ? previous.get(form) : (previous as LexiconEntry | undefined));
  void vscode.window.showInformationMessage(message, 'Undo').then(async (choice) => {
    if (choice !== 'Undo') return;
    await undoLexiconEntries(annotations, forms.map((form) => [form, before(form)]));
    const one = forms.length === 1 ? before(forms[0]!) : undefined;
    const what = forms.length === 1 ? `“${forms[0]}” is` : `${forms.map((f) => `“${f}”`).join(', ')} are`;
    void vscode.window.showInformationMessage(`Article Annotator: undone; ${what} back to ${one ? `the earlier correction (${one.action}${one.type ? ` ${one.type}` : ''})` : forms.length > 1 ? 'what they were before' : 'what the analysis finds'}.`);
  });
}

/** Restores the lexicon entry of `text` to `previous` (removes it when there was none). */
export async function undoLexiconEntry(annotations: AnnotationService, text: string, previous: LexiconEntry | undefined): Promise<void> {
  if (previous) await annotations.addLexiconEntry(previous);
  else await annotations.removeLexiconEntry(text);
}

/** Restores several forms' entries at once (one write, one re-analysis). */
export async function undoLexiconEntries(annotations: AnnotationService, forms: readonly (readonly [string, LexiconEntry | undefined])[]): Promise<void> {
  if (forms.length === 1) return undoLexiconEntry(annotations, forms[0]![0], forms[0]![1]);
  const texts = new Set(forms.map(([form]) => form));
  const restored = forms.flatMap(([, entry]) => (entry ? [entry] : []));
  await annotations.setLexicon([...annotations.lexicon.filter((e) => !texts.has(e.text)), ...restored]);
}
