// "Change Entity Type": the surface form is a person/place/organization of another type; remembered in the lexicon.
import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType, type LexiconEntry } from '../../core/nlp/analysisModel';
import type { AnalysisService } from '../analysisService';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { entityArgs, isEntityType, resolveEntity } from './entityTarget';
import { offerLexiconUndo } from './rejectEntity';

export const CHANGE_ENTITY_TYPE_COMMAND = 'articleAnnotator.changeEntityType';

export function changeEntityType(annotations: AnnotationService, articles: ArticleDocuments, analysis: AnalysisService) {
  return async (rawArgs?: unknown): Promise<LexiconEntry | undefined> => {
    const args = entityArgs(rawArgs);
    const target = await resolveEntity(analysis, articles, args);
    if (!target) return undefined;
    let type: EntityType | undefined = isEntityType(args.type) ? args.type : undefined;
    if (args.type !== undefined && !type) throw new RangeError(`Unknown entity type ${String(args.type)}; use one of ${ENTITY_TYPES.join(', ')}.`);
    if (!type) {
      const picked = await vscode.window.showQuickPick(
        ENTITY_TYPES.filter((t) => t !== target.mention?.type).map((t) => ({ label: t, type: t })),
        { title: `“${target.text}” is a…`, placeHolder: target.mention ? `Now: ${target.mention.type}` : 'Not an entity yet' },
      );
      type = picked?.type;
    }
    if (!type) return undefined;
    // 'accept' with a type also finds the form where the rules did not; 'retype' changes what the rules found.
    const entry: LexiconEntry = { text: target.text, action: target.mention ? 'retype' : 'accept', type };
    const previous = annotations.lexicon.find((e) => e.text === entry.text);
    await annotations.addLexiconEntry(entry);
    offerLexiconUndo(annotations, entry.text, previous, `Article Annotator: “${entry.text}” is now a ${type}, in every article.`);
    return entry;
  };
}
