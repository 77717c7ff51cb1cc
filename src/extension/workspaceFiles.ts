// The extension's one file watcher. VS Code hands every batch of file events to each watcher an extension made, in one
// task of the extension host, and each watcher turns every event's URI back into a Uri, matches its glob and looks up
// its workspace folder: with a watcher per part (the reading views, the index's globs and deletions, the annotations'
// globs per folder), a checkout or a sync of a thousand files cost that four times over in one stretch. One watcher of
// every file is shared instead; each part picks the files it follows itself, in its own queue.
import * as vscode from 'vscode';

/** Files created, changed and deleted in the workspace, on disk (by VS Code, another program, a checkout). */
export interface WorkspaceFileEvents {
  readonly onDidCreate: vscode.Event<vscode.Uri>;
  readonly onDidChange: vscode.Event<vscode.Uri>;
  readonly onDidDelete: vscode.Event<vscode.Uri>;
}

/** The one watcher (dispose it with the extension). */
export function watchWorkspaceFiles(): WorkspaceFileEvents & vscode.Disposable {
  return vscode.workspace.createFileSystemWatcher('**/*');
}
