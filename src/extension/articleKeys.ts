// An article's names, each way: its key, its source file and its reading view's `article:` URI. Article keys and the files they name: a key is the workspace-relative path ('folder/…' in a multi-root
// workspace), or the file's URI string when it lies outside every workspace folder.
import * as vscode from 'vscode';
import { relativePath } from '../core/paths/posixPath';

/** The article key of a source file: workspace-relative path with '/', or the absolute URI string outside a workspace. */
export function articleKeyOf(sourceUri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(sourceUri);
  if (!folder) return sourceUri.toString();
  const relative = relativePath(folder.uri.path, sourceUri.path);
  return vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders.length > 1 ? `${folder.name}/${relative}` : relative;
}

/** The file of an article key: workspace-relative ('folder/…' in multi-root workspaces) or an absolute URI string. */
export function articleUriOfKey(key: string): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (/^[a-z][a-z0-9+.-]+:/i.test(key) && !/^[a-z]:[\\/]/i.test(key)) {
    try {
      return vscode.Uri.parse(key, true);
    } catch {
      return undefined;
    }
  }
  if (folders.length === 0) return undefined;
  if (folders.length > 1) {
    const [name, ...rest] = key.split('/');
    const folder = folders.find((f) => f.name === name);
    if (folder) return vscode.Uri.joinPath(folder.uri, ...rest);
  }
  return vscode.Uri.joinPath(folders[0]!.uri, ...key.split('/').filter((part) => part !== '' && part !== '.'));
}

/** The scheme of reading views: read-only renderings of a source file (header + paragraphs). */
export const ARTICLE_SCHEME = 'article';
/** Appended to the view's path so the tab reads "000_….txt — Article" and the `article` language applies. */
const VIEW_SUFFIX = ' — Article';

/** The reading view of a source file: the file's URI rides in the query, its workspace path in the path. */
export function toArticleUri(sourceUri: vscode.Uri): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(sourceUri);
  const shown = folder ? sourceUri.path.slice(folder.uri.path.replace(/\/$/, '').length) : sourceUri.path;
  return vscode.Uri.from({ scheme: ARTICLE_SCHEME, path: `${shown.startsWith('/') ? '' : '/'}${shown}${VIEW_SUFFIX}`, query: sourceUri.toString() });
}

/** The source file a reading-view URI shows; undefined for any other URI. */
export function sourceUriOf(articleUri: vscode.Uri): vscode.Uri | undefined {
  if (articleUri.scheme !== ARTICLE_SCHEME || articleUri.query === '') return undefined;
  try {
    return vscode.Uri.parse(articleUri.query, true);
  } catch {
    return undefined;
  }
}
