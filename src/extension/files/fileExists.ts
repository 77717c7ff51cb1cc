// Whether a file is there, through the workspace file system (both hosts).
import * as vscode from 'vscode';

/** Whether anything (file or folder) is at `uri`. */
export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
