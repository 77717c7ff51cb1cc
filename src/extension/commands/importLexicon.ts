// "Import Lexicon": entity corrections from a file written by "Export Lexicon" (or a bare array of entries), merged into
// the workspace's lexicon (same text: the imported entry wins) or replacing it.
import * as vscode from 'vscode';
import { ENTITY_TYPES, type LexiconEntry } from '../../core/nlp/analysisModel';
import type { AnnotationService } from '../annotationService';
import { objectArg, toUri } from '../commandTargets/articleTarget';


export interface ImportLexiconArgs {
  readonly file?: string | vscode.Uri;
  readonly mode?: 'merge' | 'replace';
}

export function importLexicon(annotations: AnnotationService) {
  return async (rawArgs?: unknown): Promise<{ imported: number; problems: string[] } | undefined> => {
    const args = objectArg<ImportLexiconArgs>(rawArgs);
    const file =
      toUri(args.file) ??
      (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Lexicon (JSON)': ['json'] }, title: 'Import lexicon', openLabel: 'Import' }))?.[0];
    if (!file) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(file)));
    } catch (error) {
      void vscode.window.showErrorMessage(`Article Annotator: ${file.fsPath} is not a lexicon file (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`);
      return { imported: 0, problems: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
    }
    const { entries, problems } = parseLexicon(value);
    if (entries.length === 0) {
      void vscode.window.showErrorMessage(`Article Annotator: ${file.fsPath} holds no valid lexicon entries${problems.length > 0 ? ` (${problems.slice(0, 3).join('; ')})` : ''}. Nothing was changed.`);
      return { imported: 0, problems };
    }
    const merged = new Map((args.mode === 'replace' ? [] : annotations.lexicon).map((e) => [e.text, e]));
    for (const entry of entries) merged.set(entry.text, entry);
    await annotations.setLexicon([...merged.values()]);
    const message = `Article Annotator: imported ${entries.length} lexicon entr${entries.length === 1 ? 'y' : 'ies'}.`;
    if (problems.length > 0) void vscode.window.showWarningMessage(`${message} ${problems.length} skipped: ${problems.slice(0, 3).join('; ')}`);
    else void vscode.window.showInformationMessage(message);
    return { imported: entries.length, problems };
  };
}

/** Valid entries of `{entries: [...]}` or a bare array; each invalid one is named in `problems`. */
export function parseLexicon(value: unknown): { entries: LexiconEntry[]; problems: string[] } {
  const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray((value as { entries?: unknown }).entries) ? (value as { entries: unknown[] }).entries : undefined;
  if (!list) return { entries: [], problems: ['expected {"entries": [...]} or an array of entries'] };
  const entries: LexiconEntry[] = [];
  const problems: string[] = [];
  list.forEach((item: unknown, index) => {
    const e = (typeof item === 'object' && item !== null ? item : {}) as { text?: unknown; action?: unknown; type?: unknown };
    const text = typeof e.text === 'string' ? e.text.trim() : '';
    if (text === '') problems.push(`entry ${index}: "text" must be a non-empty string`);
    else if (e.action !== 'reject' && e.action !== 'retype' && e.action !== 'accept') problems.push(`entry ${index} (${text}): "action" must be reject, retype or accept`);
    else if (e.type !== undefined && !(ENTITY_TYPES as readonly unknown[]).includes(e.type)) problems.push(`entry ${index} (${text}): unknown type ${String(e.type)}`);
    else if (e.action === 'retype' && e.type === undefined) problems.push(`entry ${index} (${text}): a retype entry needs a "type"`);
    else entries.push(e.type === undefined ? { text, action: e.action } : { text, action: e.action, type: e.type as LexiconEntry['type'] });
  });
  return { entries, problems };
}
