// Next / Previous Entity (optionally of the kind under the cursor): selects and reveals the mention, so a reader can
// go through an article from the keyboard alone. Dates count as entities here, as they are highlighted like them.
import * as vscode from 'vscode';
import { KIND_GROUP_NAMES } from '../../core/navigation/articleOutline';
import { MENTION_KINDS, type MentionKind, mentionAt, navigableMentions, stepMention } from '../../core/navigation/entityNavigation';
import type { AnalysisService } from '../analysisService';
import type { ArticleDocuments } from '../articleDocuments';
import { objectArg } from '../commandTargets/articleTarget';


const MESSAGE_MILLIS = 4000;

/** What the command did (for tests and callers): the mention now selected, in source offsets. */
export interface EntityStep {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: MentionKind;
  readonly wrapped: boolean;
}

/** `sameKind`: only mentions of the kind given as `{ kind }`, else of the entity under the cursor. */
export function stepEntity(articles: ArticleDocuments, analysis: AnalysisService, direction: 1 | -1, sameKind: boolean) {
  return async (rawArgs?: unknown): Promise<EntityStep | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const article = editor ? articles.get(editor.document) : undefined;
    if (!editor || !article) {
      vscode.window.setStatusBarMessage('$(info) Article Annotator: open an article to go through its entities.', MESSAGE_MILLIS);
      return undefined;
    }
    const result = await analysis.completeFor(article);
    if (!result) {
      vscode.window.setStatusBarMessage('$(info) Article Annotator: the article is still being analysed.', MESSAGE_MILLIS);
      return undefined;
    }
    // only what this editor shows (the reading view hides the dateline)
    const mentions = navigableMentions(result).filter((m) => article.toEditorRange(m.start, m.end) !== undefined);
    // the cursor in the reading view's header counts as before the article
    const offset = article.toSourceSpan(new vscode.Range(editor.selection.start, editor.selection.start))?.start ?? -1;
    let kind: MentionKind | undefined;
    if (sameKind) {
      const given = objectArg<{ kind: unknown }>(rawArgs).kind;
      kind = (MENTION_KINDS as readonly unknown[]).includes(given) ? (given as MentionKind) : mentionAt(mentions, offset)?.kind;
      if (!kind) {
        vscode.window.setStatusBarMessage('$(info) Article Annotator: put the cursor on an entity to go to the next one of its kind.', MESSAGE_MILLIS);
        return undefined;
      }
    }
    const step = stepMention(mentions, offset, direction, kind);
    if (!step) {
      vscode.window.setStatusBarMessage(`$(info) Article Annotator: no ${kind === undefined ? 'entities' : KIND_GROUP_NAMES[kind].toLowerCase()} in this article.`, MESSAGE_MILLIS);
      return undefined;
    }
    const range = article.toEditorRange(step.mention.start, step.mention.end)!;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (step.wrapped) vscode.window.setStatusBarMessage(`$(info) Article Annotator: wrapped around to the ${direction === 1 ? 'first' : 'last'} ${kind ?? 'entity'}.`, MESSAGE_MILLIS);
    return { start: step.mention.start, end: step.mention.end, text: step.mention.text, kind: step.mention.kind, wrapped: step.wrapped };
  };
}
