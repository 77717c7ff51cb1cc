// The Getting Started walkthrough's buttons: open the sample article shipped with the extension (so the walkthrough
// works in an empty window), then hover, annotate and export in it. A button is clicked in the walkthrough's page, so
// no article editor has the focus: each one brings the article back first, then runs the real command.
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysisService';
import type { ArticleDocuments } from '../articleDocuments';
import { showArticle } from './openAsArticle';
import { ANNOTATE_SELECTION_COMMAND, EXPORT_ANNOTATIONS_COMMAND } from '../commandIds';

/** `<publisher>.<name>#<id>`, for workbench.action.openWalkthrough. */
export const WALKTHROUGH_ID = 'gettingStarted';

/** The sample article inside the extension (media/ is packaged; seeds/ is not). */
export function sampleArticleUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', 'sample-article.txt');
}

/** Opens the sample in the reading view; beside the walkthrough (or any other page that is not a text editor) so both stay in view. */
export function openSampleArticle(extensionUri: vscode.Uri) {
  return async (): Promise<vscode.TextEditor | undefined> => {
    const activeTab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const besidePage = activeTab !== undefined && !(activeTab.input instanceof vscode.TabInputText);
    return showArticle(sampleArticleUri(extensionUri), besidePage ? vscode.ViewColumn.Beside : undefined);
  };
}

/** The article the walkthrough acts on, focused: the active one, else a visible one (the sample first), else the sample opened. */
async function focusArticle(articles: ArticleDocuments, extensionUri: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  if (active && articles.get(active.document)) return active;
  const sample = sampleArticleUri(extensionUri).toString();
  const visible = vscode.window.visibleTextEditors.filter((e) => articles.get(e.document));
  const editor = visible.find((e) => articles.get(e.document)?.sourceUri.toString() === sample) ?? visible[0];
  if (!editor) return openSampleArticle(extensionUri)();
  return vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false, preview: false });
}

/** Puts the cursor in the first person (else the first entity) of the article, unless it is on an entity, and shows its hover. */
export function walkthroughHover(articles: ArticleDocuments, analysis: AnalysisService, extensionUri: vscode.Uri) {
  return async (): Promise<string | undefined> => {
    const editor = await focusArticle(articles, extensionUri);
    const article = editor ? articles.get(editor.document) : undefined;
    if (!editor || !article) return undefined;
    const result = await analysis.completeFor(article);
    const shown = (result?.entities ?? []).filter((m) => article.toEditorRange(m.start, m.end) !== undefined);
    const cursor = article.toSourceSpan(new vscode.Range(editor.selection.active, editor.selection.active))?.start ?? -1;
    const entity = shown.find((m) => m.start <= cursor && cursor < m.end) ?? shown.find((m) => m.type === 'person') ?? shown[0];
    if (!entity) {
      vscode.window.setStatusBarMessage('$(info) Article Annotator: this article has no highlighted entity to hover.', 4000);
      return undefined;
    }
    const range = article.toEditorRange(entity.start, entity.end)!;
    const inside = range.start.translate(0, 1);
    editor.selection = new vscode.Selection(inside, inside);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('editor.action.showHover');
    return entity.text;
  };
}

/** Annotate Selection in the article (the selection, else the entity or word at the cursor). */
export function walkthroughAnnotate(articles: ArticleDocuments, extensionUri: vscode.Uri) {
  return async (): Promise<unknown> => {
    if (!(await focusArticle(articles, extensionUri))) return undefined;
    return vscode.commands.executeCommand(ANNOTATE_SELECTION_COMMAND);
  };
}

/** Export Annotations, with the article as the current one. */
export function walkthroughExport(articles: ArticleDocuments, extensionUri: vscode.Uri) {
  return async (): Promise<unknown> => {
    if (!(await focusArticle(articles, extensionUri))) return undefined;
    return vscode.commands.executeCommand(EXPORT_ANNOTATIONS_COMMAND);
  };
}
