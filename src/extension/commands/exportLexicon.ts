// "Export Lexicon": the user's entity corrections as a JSON file, to share or to import in another workspace.
import * as vscode from 'vscode';
import type { AnnotationService } from '../annotationService';
import { objectArg, toUri } from './articleTarget';

export const EXPORT_LEXICON_COMMAND = 'articleAnnotator.exportLexicon';
/** Marks the file as ours and versions its shape. */
export const LEXICON_FILE_VERSION = 1;

export function exportLexicon(annotations: AnnotationService) {
  return async (rawArgs?: unknown): Promise<{ file: string; entries: number } | undefined> => {
    const args = objectArg<{ target?: string | vscode.Uri }>(rawArgs);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target =
      toUri(args.target) ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, 'article-annotator-lexicon.json') : undefined,
        filters: { 'Lexicon (JSON)': ['json'] },
        title: 'Export lexicon',
      }));
    if (!target) return undefined;
    const entries = annotations.lexicon;
    const content = `${JSON.stringify({ articleAnnotatorLexicon: LEXICON_FILE_VERSION, entries }, null, 2)}\n`;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    void vscode.window.showInformationMessage(`Article Annotator: exported ${entries.length} lexicon entr${entries.length === 1 ? 'y' : 'ies'} to ${target.fsPath}.`);
    return { file: target.fsPath, entries: entries.length };
  };
}
