// Article keys and the files they name, both ways: a key is the workspace-relative path ('folder/…' in a multi-root
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
