// "Adjust Entity Span": an automatic entity's boundaries are wrong ("Councillor Jora Tamsin", a cut "Abu Bakr"); the
// selection becomes its span, remembered in the lexicon (an `accept` of the new form with the entity's type, which
// wins over the automatic span it overlaps) and applied to every article at once.
import * as vscode from 'vscode';
import type { EntityMention, LexiconEntry } from '../../core/nlp/analysisModel';
import { adjustEntitySpan as adjustSpan } from '../../core/nlp/spanAdjustment';
import { withIndefiniteArticle } from '../../core/text/indefiniteArticle';
import type { AnalysisService } from '../analysisService';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { objectArg, resolveArticle, type SpanArgs } from '../commandTargets/articleTarget';
import { mentionsOf } from '../commandTargets/entityTarget';
import { offerLexiconUndo } from './rejectEntity';


export interface AdjustEntitySpanArgs extends SpanArgs {
  /** The source span of the entity to adjust (a code action knows it); else the entity the selection overlaps most. */
  readonly entityStart?: number;
  readonly entityEnd?: number;
}

export interface AdjustedEntitySpan {
  readonly entry: LexiconEntry;
  readonly before: string;
  readonly start: number;
  readonly end: number;
}

/** `{uri, start, end}`: the new span in source offsets; without them, the active editor's selection. */
export function adjustEntitySpan(annotations: AnnotationService, articles: ArticleDocuments, analysis: AnalysisService) {
  return async (rawArgs?: unknown): Promise<AdjustedEntitySpan | undefined> => {
    const args = objectArg<AdjustEntitySpanArgs>(rawArgs);
    const target = await resolveArticle(articles, args.uri);
    if (!target?.document) {
      void vscode.window.showWarningMessage('Article Annotator: open an article and select the words an entity should cover, then adjust its span.');
      return undefined;
    }
    const article = target.document;
    let selection: { start: number; end: number } | undefined;
    if (typeof args.start === 'number' && typeof args.end === 'number') selection = { start: args.start, end: args.end };
    else {
      const editor = vscode.window.activeTextEditor;
      if (editor && editor.document === article.document) selection = article.toSourceSpan(editor.selection);
    }
    if (!selection || selection.start >= selection.end) {
      void vscode.window.showWarningMessage('Article Annotator: select the words the entity should cover (more or fewer than it has now), then run Adjust Entity Span.');
      return undefined;
    }
    const mentions = await mentionsOf(analysis, article);
    const mention = entityToAdjust(mentions, selection, args);
    if (!mention) {
      void vscode.window.showWarningMessage('Article Annotator: the selection does not overlap a highlighted entity. To make new text an entity, use Change Entity Type.');
      return undefined;
    }
    const adjusted = adjustSpan(target.text, mention, selection);
    if ('reason' in adjusted) {
      void vscode.window.showWarningMessage(`Article Annotator: ${adjusted.reason}`);
      return undefined;
    }
    const previous = annotations.lexicon.find((e) => e.text === adjusted.entry.text);
    await annotations.addLexiconEntry(adjusted.entry);
    const type = withIndefiniteArticle(mention.type);
    offerLexiconUndo(annotations, adjusted.entry.text, previous, `Article Annotator: “${mention.text}” now reads “${adjusted.text}”, ${type}, in every article.`);
    return { entry: adjusted.entry, before: mention.text, start: adjusted.start, end: adjusted.end };
  };
}

/** The entity named by the arguments, else the one the selection overlaps most (the first on a tie). */
function entityToAdjust(mentions: readonly EntityMention[], selection: { start: number; end: number }, args: AdjustEntitySpanArgs): EntityMention | undefined {
  if (typeof args.entityStart === 'number' && typeof args.entityEnd === 'number') {
    const named = mentions.find((m) => m.start === args.entityStart && m.end === args.entityEnd);
    if (named) return named;
  }
  let best: EntityMention | undefined;
  let bestOverlap = 0;
  for (const m of mentions) {
    const overlap = Math.min(m.end, selection.end) - Math.max(m.start, selection.start);
    if (overlap > bestOverlap) {
      best = m;
      bestOverlap = overlap;
    }
  }
  return best;
}
