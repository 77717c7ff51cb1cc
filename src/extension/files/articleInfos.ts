// What exports and imports need to know about articles: their current text (editor buffer first) and their date.
import * as vscode from 'vscode';
import { isInsideFolder } from '../../core/paths/posixPath';
import { extensionPlatform } from '../platform/extensionPlatform';
import type { ArticleInfo } from '../../core/annotations/annotationModel';
import { articleSizeProblem, decodeArticleBytes } from '../../core/article/articleText';
import type { AnnotationService } from '../annotationService';
import { type ArticleDocuments } from '../articleDocuments';
import { articleKeyOf, articleUriOfKey } from '../articleKeys';
import type { ArticleDating } from '../articleDating';
import { documentText } from '../documentText';

/** The article's text as the user sees it: an open plain editor's buffer, else the file; undefined when unreadable. */
export async function readArticleText(articles: ArticleDocuments, sourceUri: vscode.Uri): Promise<string | undefined> {
  const open = articles.documentsFor(sourceUri);
  const preferred = open.find((d) => d.view === 'source') ?? open[0];
  if (preferred) return preferred.sourceText;
  const plain = vscode.workspace.textDocuments.find((d) => d.uri.toString() === sourceUri.toString());
  if (plain) return documentText(plain);
  try {
    if (!(await isReadableArticleFile(sourceUri))) return undefined;
    const decoded = decodeArticleBytes(await vscode.workspace.fs.readFile(sourceUri));
    return 'problem' in decoded ? undefined : decoded.text;
  } catch {
    return undefined;
  }
}

/**
 * Whether a closed article file may be read for an export or import: inside a workspace folder with every symlink
 * followed (an annotation naming ../, an absolute path or a file: URI outside cannot pull a system file into an
 * export), a regular file, and of article size (never /dev/zero or a FIFO).
 */
export async function isReadableArticleFile(sourceUri: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(sourceUri);
  if (!folder) return false;
  const realPath = extensionPlatform()?.realPath;
  if (realPath && sourceUri.scheme === 'file' && folder.uri.scheme === 'file') {
    const [real, realFolder] = await Promise.all([realPath(sourceUri), realPath(folder.uri)]);
    if (!isInsideFolder(realFolder, real)) return false;
  }
  const stat = await vscode.workspace.fs.stat(sourceUri);
  // A symlink inside the folder to a regular file inside it is fine: realpath checked where it leads.
  return (stat.type & vscode.FileType.File) !== 0 && articleSizeProblem(stat.size) === undefined;
}

/** Annotation files larger than this are not read (a W3C file of 200,000 items is about 150 MB). */
const MAX_IMPORT_FILE_BYTES = 256 * 1024 * 1024;

/** A file the user picked to import, after checking it is a regular file of sane size (not a FIFO, not /dev/zero). */
export async function readImportFile(uri: vscode.Uri, maxBytes = MAX_IMPORT_FILE_BYTES): Promise<Uint8Array | { readonly problem: string }> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.Directory) !== 0) return { problem: 'is a folder, not a file' };
    if ((stat.type & vscode.FileType.File) === 0) return { problem: 'is not a regular file' };
    if (stat.size > maxBytes) return { problem: `is ${Math.ceil(stat.size / (1024 * 1024))} MB, more than the ${Math.floor(maxBytes / (1024 * 1024))} MB read at most` };
    return await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    return { problem: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** ArticleInfo for each key: its URI, text when readable, and its date as the reading view shows it (the user's, else the text's). */
export async function articleInfos(articles: ArticleDocuments, dating: ArticleDating, keys: Iterable<string>): Promise<ArticleInfo[]> {
  const infos: ArticleInfo[] = [];
  for (const key of new Set(keys)) {
    const uri = articleUriOfKey(key);
    const text = uri ? await readArticleText(articles, uri) : undefined;
    const date = await dating.effectiveDate(key, uri, text);
    // W3C targets name the file by its full URI (the Web Annotation model's `source`), imports map it back to the key.
    infos.push({ article: key, date, ...(text !== undefined ? { text } : {}), ...(uri ? { uri: uri.toString() } : {}) });
  }
  return infos;
}

/** ArticleInfo for every article file in the workspace (for imports that match articles by their text). */
export async function workspaceArticleInfos(annotations: AnnotationService, articles: ArticleDocuments, dating: ArticleDating, files: readonly vscode.Uri[]): Promise<ArticleInfo[]> {
  return articleInfos(articles, dating, [...files.map((uri) => articleKeyOf(uri)), ...annotations.articles()]);
}

/** The article key of a W3C target `source` that is a URI (a file of the workspace becomes its relative path); undefined for a key. */
export function articleKeyOfSource(source: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]+:/i.test(source) || /^[a-z]:[\\/]/i.test(source)) return undefined;
  try {
    return articleKeyOf(vscode.Uri.parse(source, true));
  } catch {
    return undefined;
  }
}
