// "Reject Entity": the surface form is not an entity; remembered in the user lexicon and applied to every article at once.
import * as vscode from 'vscode';
import type { LexiconEntry } from '../../core/nlp/analysisModel';
import type { AnalysisService } from '../analysisService';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { entityArgs, resolveEntity } from './entityTarget';

export const REJECT_ENTITY_COMMAND = 'articleAnnotator.rejectEntity';

export function rejectEntity(annotations: AnnotationService, articles: ArticleDocuments, analysis: AnalysisService) {
  return async (rawArgs?: unknown): Promise<LexiconEntry | undefined> => {
    const target = await resolveEntity(analysis, articles, entityArgs(rawArgs));
    if (!target) return undefined;
    const entry: LexiconEntry = { text: target.text, action: 'reject' };
    const previous = annotations.lexicon.find((e) => e.text === entry.text);
    await annotations.addLexiconEntry(entry);
    offerLexiconUndo(annotations, entry.text, previous, `Article Annotator: “${entry.text}” is no longer highlighted as an entity, in every article.`);
    return entry;
  };
}

/**
 * Reports a lexicon correction with an Undo button that puts back the entry the text had before (or none): "Undo Last
 * Annotation Change" covers annotations only, and the lexicon has no other editor.
 */
export function offerLexiconUndo(annotations: AnnotationService, text: string, previous: LexiconEntry | undefined, message: string): void {
  void vscode.window.showInformationMessage(message, 'Undo').then(async (choice) => {
    if (choice !== 'Undo') return;
    await undoLexiconEntry(annotations, text, previous);
    vscode.window.setStatusBarMessage(`Article Annotator: “${text}” is back to ${previous ? `its earlier correction (${previous.action}${previous.type ? ` ${previous.type}` : ''})` : 'what the analysis finds'}.`, 5000);
  });
}

/** Restores the lexicon entry of `text` to `previous` (removes it when there was none). */
export async function undoLexiconEntry(annotations: AnnotationService, text: string, previous: LexiconEntry | undefined): Promise<void> {
  if (previous) await annotations.addLexiconEntry(previous);
  else await annotations.removeLexiconEntry(text);
}
