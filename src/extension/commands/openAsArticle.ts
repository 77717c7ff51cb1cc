// "Open as Article": show a source file in the reading view, beside nothing, in the active group.
import * as vscode from 'vscode';
import { ARTICLE_SCHEME, sourceUriOf, toArticleUri } from '../articleKeys';


/** Opens the reading view of `uri` (or of the active editor's file) and returns its editor. */
export async function openAsArticle(uri?: unknown): Promise<vscode.TextEditor | undefined> {
  const target = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri, true) : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Article Annotator: open a .txt or .md file first, or pick one in the Explorer.');
    return undefined;
  }
  // Already a reading view: re-open it rather than nesting article: inside article:.
  const sourceUri = target.scheme === ARTICLE_SCHEME ? sourceUriOf(target) : target;
  if (!sourceUri) return undefined;
  return showArticle(sourceUri);
}

/** Shows the reading view of a source file, in the active group or the column given. */
export async function showArticle(sourceUri: vscode.Uri, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(toArticleUri(sourceUri));
  const shown = document.languageId === 'article' ? document : await vscode.languages.setTextDocumentLanguage(document, 'article');
  return vscode.window.showTextDocument(shown, { preview: false, viewColumn });
}
