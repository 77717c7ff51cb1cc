// "Accept Entity": the automatic entity is right; it becomes a user annotation (labelled with its type) and is
// remembered in the lexicon so it is found in every article.
import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnalysisService } from '../analysisService';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { entityArgs, isEntityType, resolveEntity } from '../commandTargets/entityTarget';


export function acceptEntity(annotations: AnnotationService, articles: ArticleDocuments, analysis: AnalysisService) {
  return async (rawArgs?: unknown): Promise<Annotation | undefined> => {
    const args = entityArgs(rawArgs);
    const target = await resolveEntity(analysis, articles, args);
    if (!target) return undefined;
    const type = target.mention?.type ?? (isEntityType(args.type) ? args.type : undefined);
    if (!type || target.key === '' || target.start >= target.end) {
      void vscode.window.showWarningMessage('Article Annotator: there is no automatic entity here to accept; use “Change Entity Type” to make this text one.');
      return undefined;
    }
    const existing = annotations.forArticle(target.key).find((a) => a.position.start === target.start && a.position.end === target.end && a.label === type);
    if (existing) return existing;
    const annotation = await annotations.create({ article: target.key, text: target.sourceText, start: target.start, end: target.end, label: type, origin: 'entity' });
    await annotations.addLexiconEntry({ text: target.text, action: 'accept', type });
    return annotation;
  };
}
