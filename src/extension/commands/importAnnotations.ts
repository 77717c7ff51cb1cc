// "Import Annotations": W3C JSON-LD, brat (.ann with its .txt) or JSONL (spaCy or doccano) into the workspace, after a
// preview (a quick pick with every item selected) of what will be added. Arguments skip the prompts.
import * as vscode from 'vscode';
import { basename, extname } from '../../core/paths/posixPath';
import { createAnnotation } from '../../core/annotations/annotationFactory';
import type { Annotation, ArticleInfo } from '../../core/annotations/annotationModel';
import { importBrat } from '../../core/formats/brat';
import { annotationFromImport, findQuote, type ImportedAnnotation, type ImportResult } from '../../core/formats/formatModel';
import { importJsonl } from '../../core/formats/jsonl';
import { importW3C } from '../../core/formats/w3c';
import { decodeArticleBytes, MAX_ARTICLE_BYTES } from '../../core/article/articleText';
import type { AnnotationService } from '../annotationService';
import { articleKeyOf, type ArticleDocuments } from '../articleDocuments';
import type { SettingsWatcher } from '../settings';
import { articleKeyOfSource, readImportFile, workspaceArticleInfos } from './articleInfos';
import { objectArg, toUri } from './articleTarget';
import { articleFiles } from './labelAllOccurrences';
import { shortQuote } from './labelPicker';

export const IMPORT_ANNOTATIONS_COMMAND = 'articleAnnotator.importAnnotations';

export type ImportFormat = 'w3c' | 'brat' | 'spacy' | 'doccano';

export interface ImportAnnotationsArgs {
  readonly format?: ImportFormat;
  /** The files to read (for brat: the .ann files; their .txt is read from beside them). */
  readonly files?: readonly (string | vscode.Uri)[];
  readonly file?: string | vscode.Uri;
  /** Article key for brat files and JSONL lines that name no article of the workspace. */
  readonly article?: string;
  /** Show the preview even though arguments were given (default: only when run without arguments). */
  readonly preview?: boolean;
}

export interface ImportOutcome {
  /** What the preview offered. */
  readonly offered: number;
  readonly added: readonly Annotation[];
  /** Items already present (same article, span and label) and so not added again. */
  readonly duplicates: number;
  /** One sentence per item that could not be read or placed. */
  readonly problems: readonly string[];
}

export function importAnnotations(annotations: AnnotationService, articles: ArticleDocuments, settings: SettingsWatcher) {
  return async (rawArgs?: unknown): Promise<ImportOutcome | undefined> => {
    const args = objectArg<ImportAnnotationsArgs>(rawArgs);
    const interactive = rawArgs === undefined || args.preview === true;
    let files = [...(args.files ?? []), ...(args.file !== undefined ? [args.file] : [])].map((f) => toUri(f)).filter((u): u is vscode.Uri => u !== undefined);
    if (files.length === 0) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: true,
        title: 'Import annotations',
        openLabel: 'Import',
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        filters: { 'Annotations (W3C JSON-LD, brat .ann, JSONL)': ['jsonld', 'json', 'ann', 'jsonl'], 'All files': ['*'] },
      });
      if (!picked || picked.length === 0) return undefined;
      files = picked;
    }
    const infos = await workspaceArticleInfos(annotations, articles, await articleFiles(settings.settings.articleGlobs));
    const problems: string[] = [];
    const imported: ImportedAnnotation[] = [];
    for (const file of files) {
      const result = await readImport(file, args.format, args.article, infos);
      for (const annotation of result.annotations) imported.push(annotation);
      for (const problem of result.problems) problems.push(`${basename(file.fsPath)}: ${problem}`);
    }

    const texts = new Map(infos.filter((i) => i.text !== undefined).map((i) => [i.article, i.text!]));
    const candidates: Annotation[] = [];
    let duplicates = 0;
    const now = new Date().toISOString();
    for (const item of imported) {
      const placed = place(item, texts.get(item.article), now);
      if (typeof placed === 'string') {
        problems.push(placed);
        continue;
      }
      const exists = [...annotations.forArticle(placed.article), ...candidates].some(
        (a) => a.article === placed.article && a.label === placed.label && a.position.start === placed.position.start && a.position.end === placed.position.end,
      );
      if (exists) duplicates++;
      else candidates.push(annotations.get(placed.id) ? { ...placed, id: createAnnotationId() } : placed);
    }

    let chosen = candidates;
    if (interactive && candidates.length > 0) {
      const items = candidates.map((annotation) => ({
        annotation,
        label: `${annotation.label}: ${shortQuote(annotation.quote.exact)}`,
        description: `${annotation.article}${annotation.status === 'orphaned' ? ' (orphaned: its text was not found)' : ` ${annotation.position.start}–${annotation.position.end}`}`,
        detail: annotation.note ? shortQuote(annotation.note, 100) : undefined,
        picked: true,
      }));
      const picked = await vscode.window.showQuickPick(items, {
        canPickMany: true,
        title: `Import ${candidates.length} annotation${candidates.length === 1 ? '' : 's'}${duplicates > 0 ? ` (${duplicates} already present, skipped)` : ''}${problems.length > 0 ? `, ${problems.length} problem(s)` : ''}`,
        placeHolder: 'Untick what should not be added, then press Enter',
        matchOnDescription: true,
      });
      if (!picked) return undefined;
      chosen = picked.map((p) => p.annotation);
    }
    if (chosen.length > 0) await annotations.addExisting(chosen, `Import ${chosen.length} annotation${chosen.length === 1 ? '' : 's'}`);
    const message = `Article Annotator: imported ${chosen.length} annotation${chosen.length === 1 ? '' : 's'}${duplicates > 0 ? `, ${duplicates} already present` : ''}.`;
    if (problems.length > 0) void vscode.window.showWarningMessage(`${message} ${problems.length} item(s) skipped: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`);
    else void vscode.window.showInformationMessage(message);
    return { offered: candidates.length, added: chosen, duplicates, problems };
  };
}

/** Reads one file in its format (given, else from its extension and content). */
async function readImport(file: vscode.Uri, format: ImportFormat | undefined, article: string | undefined, infos: readonly ArticleInfo[]): Promise<ImportResult> {
  const bytes = await readImportFile(file);
  if ('problem' in bytes) return { annotations: [], problems: [bytes.problem], articles: [] };
  const decoded = decodeArticleBytes(bytes);
  if ('problem' in decoded) return { annotations: [], problems: [decoded.problem], articles: [] };
  const content = decoded.text;
  const extension = extname(file.fsPath).toLowerCase();
  const kind = format ?? (extension === '.ann' ? 'brat' : extension === '.jsonl' ? 'spacy' : 'w3c');
  switch (kind) {
    case 'w3c':
      return importW3C(content, infos, { articleKeyOf: articleKeyOfSource });
    case 'spacy':
    case 'doccano':
      return importJsonl(content, preferNamedArticles(content, infos), article !== undefined ? { article } : {});
    case 'brat': {
      const txt = file.with({ path: file.path.replace(/\.ann$/i, '') + '.txt' });
      const txtBytes = await readImportFile(txt, MAX_ARTICLE_BYTES);
      if ('problem' in txtBytes) return { annotations: [], problems: [`its text ${basename(txt.fsPath)} ${txtBytes.problem} (brat needs the .txt beside the .ann)`], articles: [] };
      const txtDecoded = decodeArticleBytes(txtBytes);
      if ('problem' in txtDecoded) return { annotations: [], problems: [`${basename(txt.fsPath)}: ${txtDecoded.problem}`], articles: [] };
      const text = txtDecoded.text;
      // The article is the one named, else the workspace file with the same text (not the exported .txt itself), else that .txt.
      const own = articleKeyOf(txt);
      const key = article ?? infos.find((i) => i.text === text && i.article !== own)?.article ?? own;
      return importBrat(content, text, key);
    }
    default:
      return { annotations: [], problems: [`unknown format ${String(kind)}`], articles: [] };
  }
}

/**
 * JSONL lines go to the first article with the same text; when several files hold that text (an exported copy), the
 * one the line's `meta.file` names should win, so those articles go first.
 */
function preferNamedArticles(content: string, infos: readonly ArticleInfo[]): ArticleInfo[] {
  const named = new Set<string>();
  for (const line of content.split(/\r?\n/)) {
    try {
      const file = (JSON.parse(line) as { meta?: { file?: unknown } }).meta?.file;
      if (typeof file === 'string') named.add(file);
    } catch {
      // a bad line is reported by importJsonl
    }
  }
  return [...infos].sort((a, b) => Number(named.has(b.article)) - Number(named.has(a.article)));
}

/** The annotation as it will be stored: checked against the article's current text, re-found by quote, else orphaned. */
function place(item: ImportedAnnotation, text: string | undefined, now: string): Annotation | string {
  const name = `${item.article} ${item.start}-${item.end} “${shortQuote(item.exact, 30)}” (${item.label})`;
  if (text === undefined) return `${name}: the article is not in this workspace`;
  const base = { article: item.article, text, label: item.label, note: item.note, origin: item.origin, ...(item.id ? { id: item.id } : {}) };
  try {
    if (text.slice(item.start, item.end) === item.exact && item.start < item.end) {
      return withStamps(createAnnotation({ ...base, start: item.start, end: item.end }), item);
    }
    const at = findQuote(text, item.exact, item.prefix ?? '', item.suffix ?? '', item.start);
    if (at >= 0) return withStamps(createAnnotation({ ...base, start: at, end: at + item.exact.length }), item);
  } catch (error) {
    return `${name}: ${error instanceof Error ? error.message : String(error)}`;
  }
  // Its text is not in the article: kept as an orphan with its quote, to re-attach by hand, rather than dropped.
  return { ...annotationFromImport(item, createAnnotationId(), now), status: 'orphaned' };
}

function withStamps(annotation: Annotation, item: ImportedAnnotation): Annotation {
  const replies = item.replies ?? [];
  return { ...annotation, created: item.created ?? annotation.created, modified: item.modified ?? item.created ?? annotation.modified, ...(replies.length > 0 ? { replies } : {}) };
}

function createAnnotationId(): string {
  return globalThis.crypto.randomUUID();
}
