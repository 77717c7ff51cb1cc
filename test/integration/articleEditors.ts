// Shared by the reading, highlight, hover and performance tests: open seeds, read the decorator's real state, wait.
import * as vscode from 'vscode';

export const SEED_000 = 'seeds/000_96c9ee8166b27d0f.txt';
export const SEED_003 = 'seeds/003_cf56c5e4736b5965.txt';

export type HighlightKind = 'person' | 'place' | 'organization' | 'date';

export interface DecoratedSpan {
  start: number;
  end: number;
  text: string;
  sourceStart: number;
  sourceEnd: number;
}

export interface EditorDecorations {
  uri: string;
  key: string;
  view: 'reading' | 'source';
  complete: boolean;
  highlightsOn: boolean;
  kinds: Record<HighlightKind, DecoratedSpan[]>;
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension('article-annotator.article-annotator');
  if (!extension) throw new Error('the extension is not loaded');
  await extension.activate();
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function openReadingView(relative: string | vscode.Uri): Promise<vscode.TextEditor> {
  const uri = typeof relative === 'string' ? workspaceUri(relative) : relative;
  const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('articleAnnotator.openAsArticle', uri);
  if (!editor) throw new Error(`Open as Article returned no editor for ${uri.toString()}`);
  return editor;
}

export async function openPlainEditor(relative: string | vscode.Uri): Promise<vscode.TextEditor> {
  const uri = typeof relative === 'string' ? workspaceUri(relative) : relative;
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function decorationsOf(uri: vscode.Uri): Promise<EditorDecorations | undefined> {
  return vscode.commands.executeCommand<EditorDecorations | undefined>('articleAnnotator.internal.decorations', uri);
}

/** Polls `probe` until it returns a truthy value; rejects with `what` and the last value after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 30_000, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value ${JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until the decorator has drawn the complete analysis of the editor's document. */
export function completeDecorations(uri: vscode.Uri, timeoutMs = 60_000): Promise<EditorDecorations> {
  return waitFor(`complete highlights in ${uri.toString()}`, async () => {
    const d = await decorationsOf(uri);
    return d?.complete ? d : undefined;
  }, timeoutMs);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
