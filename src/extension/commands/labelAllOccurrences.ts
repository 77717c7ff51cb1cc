// "Label All Occurrences": annotate every occurrence of the selected text, in this article or in every article.
import * as vscode from 'vscode';
import { shorten } from '../../core/formats/formatModel';
import type { Annotation } from '../../core/annotations/annotationModel';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import type { SettingsWatcher } from '../settings';
import { resolveArticle, resolveSpan, objectArg, type SpanArgs } from '../commandTargets/articleTarget';
import { askNote, pickLabel } from '../labelPicker';


export interface LabelAllOccurrencesArgs extends SpanArgs {
  /** The text to find; defaults to the selection (or the span given by start/end). */
  readonly text?: string;
  readonly label?: string;
  readonly note?: string;
  /** 'article' (default when given arguments) or 'workspace': every article file matching the article globs. */
  readonly scope?: 'article' | 'workspace';
  /** Match whole words only (default true). */
  readonly wholeWord?: boolean;
}

export function labelAllOccurrences(annotations: AnnotationService, articles: ArticleDocuments, settings: SettingsWatcher) {
  return async (rawArgs?: unknown): Promise<Annotation[]> => {
    const args = objectArg<LabelAllOccurrencesArgs>(rawArgs);
    let needle = typeof args.text === 'string' ? args.text : undefined;
    let key: string | undefined;
    if (needle === undefined) {
      const span = await resolveSpan(articles, args);
      if (!span) return [];
      needle = span.text.slice(span.start, span.end);
      key = span.key;
    }
    if (needle.trim() === '') return [];
    const label = args.label ?? (await pickLabel(settings.settings.labels, { quote: needle }));
    if (label === undefined) return [];
    const note = args.note ?? (args.label !== undefined ? '' : await askNote());
    if (note === undefined) return [];
    let scope = args.scope;
    if (scope === undefined) {
      const current = await resolveArticle(articles, args.uri);
      const here = current ? findOccurrences(current.text, needle, args.wholeWord !== false).length : undefined;
      const picked = await vscode.window.showQuickPick(
        [
          { label: 'In this article', description: here === undefined ? undefined : `${here} occurrence${here === 1 ? '' : 's'}`, scope: 'article' as const },
          { label: 'In all articles', description: 'every file matching the article globs', scope: 'workspace' as const },
        ],
        { title: `Label every “${shorten(needle, 50)}” as ${label}` },
      );
      if (!picked) return [];
      scope = picked.scope;
    }
    const targets = [];
    if (scope === 'workspace') {
      for (const uri of await articleFiles(settings.settings.articleGlobs)) {
        const article = await resolveArticle(articles, uri);
        if (article) targets.push(article);
      }
    } else {
      const article = await resolveArticle(articles, args.uri);
      if (article) targets.push(article);
      else if (key) void vscode.window.showWarningMessage('Article Annotator: the article is no longer open.');
    }
    const inputs = [];
    for (const target of targets) {
      for (const { start, end } of findOccurrences(target.text, needle, args.wholeWord !== false)) {
        // An occurrence that already carries this label stays as it is.
        if (annotations.forArticle(target.key).some((a) => a.label === label && a.position.start === start && a.position.end === end)) continue;
        inputs.push({ article: target.key, text: target.text, start, end, label, note });
      }
    }
    const created = await annotations.createMany(inputs, `label all “${shorten(needle, 30)}”`);
    vscode.window.setStatusBarMessage(`Article Annotator: ${created.length} new ${label} annotation${created.length === 1 ? '' : 's'} on “${shorten(needle, 30)}”`, 5000);
    return created;
  };
}

/** Every workspace file matching the article globs. */
export async function articleFiles(globs: readonly string[]): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const glob of globs) {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), '**/node_modules/**', 5000)) found.set(uri.toString(), uri);
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Non-overlapping occurrences; with wholeWord, not inside a longer word. */
export function findOccurrences(text: string, needle: string, wholeWord: boolean): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (wholeWord && ((isWord(needle[0]) && isWord(text[at - 1])) || (isWord(needle[needle.length - 1]) && isWord(text[end])))) continue;
    found.push({ start: at, end });
    at = end - 1;
  }
  return found;
}
