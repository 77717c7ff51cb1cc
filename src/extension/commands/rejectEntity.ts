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
    await annotations.store.addLexiconEntry(entry);
    vscode.window.setStatusBarMessage(`Article Annotator: “${target.text}” is no longer highlighted as an entity (Undo: remove it from the lexicon).`, 5000);
    return entry;
  };
}
