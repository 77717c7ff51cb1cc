// What exports and imports need to know about articles: their current text (editor buffer first) and their date.
import * as vscode from 'vscode';
import type { ArticleInfo } from '../../core/annotations/annotationModel';
import { effectiveArticleDate } from '../../core/article/articleDate';
import { decodeArticleBytes } from '../../core/article/articleText';
import type { AnnotationService } from '../annotationService';
import { articleKeyOf, type ArticleDocuments } from '../articleDocuments';

/** The article's text as the user sees it: an open plain editor's buffer, else the file; undefined when unreadable. */
export async function readArticleText(articles: ArticleDocuments, sourceUri: vscode.Uri): Promise<string | undefined> {
  const open = articles.documentsFor(sourceUri);
  const preferred = open.find((d) => d.view === 'source') ?? open[0];
  if (preferred) return preferred.sourceText;
  const plain = vscode.workspace.textDocuments.find((d) => d.uri.toString() === sourceUri.toString());
  if (plain) return plain.getText();
  try {
    const decoded = decodeArticleBytes(await vscode.workspace.fs.readFile(sourceUri));
    return 'problem' in decoded ? undefined : decoded.text;
  } catch {
    return undefined;
  }
}

/** ArticleInfo for each key: text when readable, and the date the user set, else the one the article states. */
export async function articleInfos(annotations: AnnotationService, articles: ArticleDocuments, keys: Iterable<string>): Promise<ArticleInfo[]> {
  const infos: ArticleInfo[] = [];
  for (const key of new Set(keys)) {
    const uri = annotations.sourceUriOf(key);
    const text = uri ? await readArticleText(articles, uri) : undefined;
    const date = effectiveArticleDate(text, annotations.articleDate(key));
    infos.push(text === undefined ? { article: key, date } : { article: key, date, text });
  }
  return infos;
}

/** ArticleInfo for every article file in the workspace (for imports that match articles by their text). */
export async function workspaceArticleInfos(annotations: AnnotationService, articles: ArticleDocuments, files: readonly vscode.Uri[]): Promise<ArticleInfo[]> {
  return articleInfos(annotations, articles, [...files.map((uri) => articleKeyOf(uri)), ...annotations.articles()]);
}
