// Writing export files without losing anything: never over an article, never over an existing file without the
// user's yes (a modal confirmation, or `overwrite: true` from a caller that already asked), all checked before
// anything is written so a refused export leaves every file as it was.
import * as vscode from 'vscode';
import { fileExists } from './fileExists';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import { extensionPlatform } from '../platform/extensionPlatform';
import { articleUriOfKey } from '../articleKeys';

export interface PlannedFile {
  readonly uri: vscode.Uri;
  readonly content: string;
}

export interface WriteOutcome {
  /** Every file written. */
  readonly written: readonly string[];
  /** Articles that were a target (a brat .txt exported into the article folder): left byte for byte as they are. */
  readonly kept: readonly string[];
  /** Why nothing was written, when nothing was: an article in the way, or the user kept the existing files. */
  readonly refused?: string;
}

/** A comparable identity for a file: its real path on disk when the host can tell it (Node), else its URI. */
async function identity(uri: vscode.Uri): Promise<string> {
  const realPath = extensionPlatform()?.realPath;
  if (uri.scheme === 'file' && realPath) {
    try {
      return `file:${await realPath(uri)}`;
    } catch {
      return `file:${uri.fsPath}`;
    }
  }
  return uri.toString();
}

/** The files of every article the extension knows: annotated ones and open ones. */
async function articleIdentities(annotations: AnnotationService, articles: ArticleDocuments): Promise<Set<string>> {
  const uris = [...annotations.articles().map((key) => articleUriOfKey(key)), ...articles.all().map((a) => a.sourceUri)];
  const found = new Set<string>();
  for (const uri of uris) if (uri) found.add(await identity(uri));
  return found;
}

/**
 * Writes `files` as UTF-8 after checking them all. An existing article is never written over: a brat `.txt` that is
 * the article itself is left as it is (`keepArticleText`), any other target that is an article refuses the whole
 * export. Existing other files are replaced only when `overwrite` is true, the save dialog confirmed them, or the user
 * says so in a modal dialog.
 */
export async function writeOutputFiles(
  files: readonly PlannedFile[],
  context: {
    readonly annotations: AnnotationService;
    readonly articles: ArticleDocuments;
    /** Replace existing files (not articles) without asking. */
    readonly overwrite: boolean;
    /** The file the user chose in a save dialog, which asked about replacing it already. */
    readonly confirmed?: vscode.Uri;
    readonly keepArticleText: boolean;
    readonly where: string;
  },
): Promise<WriteOutcome> {
  const articleFiles = await articleIdentities(context.annotations, context.articles);
  const writes: PlannedFile[] = [];
  const kept: string[] = [];
  const existing: vscode.Uri[] = [];
  for (const file of files) {
    if (!(await fileExists(file.uri))) {
      writes.push(file);
      continue;
    }
    if (articleFiles.has(await identity(file.uri))) {
      if (context.keepArticleText && file.uri.path.toLowerCase().endsWith('.txt')) {
        kept.push(file.uri.fsPath);
        continue;
      }
      return { written: [], kept: [], refused: `${file.uri.fsPath} is an article; it is never written over. Choose another file.` };
    }
    if (file.uri.toString() !== context.confirmed?.toString()) existing.push(file.uri);
    writes.push(file);
  }
  if (existing.length > 0 && !context.overwrite) {
    const names = existing.slice(0, 5).map((uri) => vscode.workspace.asRelativePath(uri));
    const detail = `${names.join('\n')}${existing.length > names.length ? `\n… and ${existing.length - names.length} more` : ''}`;
    const message = existing.length === 1 ? `${names[0]} already exists. Replace it?` : `${existing.length} files already exist in ${context.where}. Replace them?`;
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Replace');
    if (choice !== 'Replace') return { written: [], kept: [], refused: `${existing.length === 1 ? names[0] : `${existing.length} files`} already exist${existing.length === 1 ? 's' : ''}; nothing was written.` };
  }
  const written: string[] = [];
  for (const file of writes) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file.uri, '..'));
    await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(file.content));
    written.push(file.uri.fsPath);
  }
  return { written, kept };
}

/** Said in a save or folder dialog whose proposed place the article globs take for articles. */
export const ARTICLE_GLOBS_WARNING = ' (files written here match articleAnnotator.articleGlobs and will be taken for articles)';

/**
 * Where an export goes unless the user says otherwise, so it never becomes an article: the workspace folder's
 * `exports/` folder when the article globs take none of `files` (paths relative to the folder) there; else the
 * workspace folder itself when they take none there; else `exports/` still, with `matchesArticles` set so the dialog
 * can say so (a brat .txt under a `seeds/` folder, as the default globs read). Undefined without a workspace folder.
 */
export function defaultExportFolder(articles: ArticleDocuments, files: readonly string[]): { readonly folder: vscode.Uri; readonly matchesArticles: boolean } | undefined {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) return undefined;
  const exportsFolder = vscode.Uri.joinPath(root, 'exports');
  for (const folder of [exportsFolder, root]) {
    if (!files.some((file) => articles.matchesArticleGlobs(vscode.Uri.joinPath(folder, ...file.split('/'))))) return { folder, matchesArticles: false };
  }
  return { folder: exportsFolder, matchesArticles: true };
}
