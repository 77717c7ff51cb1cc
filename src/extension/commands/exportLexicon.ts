// "Export Lexicon": the user's entity corrections as a JSON file, to share or to import in another workspace.
import * as vscode from 'vscode';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { objectArg, toUri } from '../commandTargets/articleTarget';
import { ARTICLE_GLOBS_WARNING, defaultExportFolder, writeOutputFiles } from '../files/outputFiles';

/** Marks the file as ours and versions its shape. */
export const LEXICON_FILE_VERSION = 1;

export function exportLexicon(annotations: AnnotationService, articles: ArticleDocuments) {
  return async (rawArgs?: unknown): Promise<{ file: string; entries: number } | undefined> => {
    const args = objectArg<{ target?: string | vscode.Uri; overwrite?: boolean }>(rawArgs);
    const given = toUri(args.target);
    const name = 'article-annotator-lexicon.json';
    const place = defaultExportFolder(articles, [name]);
    const target =
      given ??
      (await vscode.window.showSaveDialog({
        defaultUri: place ? vscode.Uri.joinPath(place.folder, name) : undefined,
        filters: { 'Lexicon (JSON)': ['json'] },
        title: `Export lexicon${place?.matchesArticles ? ARTICLE_GLOBS_WARNING : ''}`,
      }));
    if (!target) return undefined;
    const entries = annotations.lexicon;
    const content = `${JSON.stringify({ articleAnnotatorLexicon: LEXICON_FILE_VERSION, entries }, null, 2)}\n`;
    // A file chosen in the save dialog was confirmed there; a given target is asked about here.
    const outcome = await writeOutputFiles([{ uri: target, content }], { annotations, articles, overwrite: args.overwrite === true, confirmed: given === undefined ? target : undefined, keepArticleText: false, where: target.fsPath });
    if (outcome.refused !== undefined) {
      void vscode.window.showErrorMessage(`Article Annotator: lexicon not exported. ${outcome.refused}`);
      return undefined;
    }
    void vscode.window.showInformationMessage(`Article Annotator: exported ${entries.length} lexicon entr${entries.length === 1 ? 'y' : 'ies'} to ${target.fsPath}.`);
    return { file: target.fsPath, entries: entries.length };
  };
}
