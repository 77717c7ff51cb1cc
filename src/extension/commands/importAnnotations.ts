// "Import Annotations": W3C JSON-LD, brat (.ann with its .txt) or JSONL (spaCy or doccano) into the workspace, after a
// preview (a quick pick with every item selected) of what will be added. Arguments skip the prompts.
import * as vscode from 'vscode';
import { basename } from '../../core/paths/posixPath';
import type { Annotation, ArticleInfo } from '../../core/annotations/annotationModel';
import { shorten, type ImportedAnnotation, type ImportResult } from '../../core/formats/formatModel';
import { importAs, importFormatOfName, type ImportFormatId } from '../../core/formats/formatRegistry';
import { placeImported } from '../../core/formats/placeImported';
import { withoutRepeats } from '../../core/formats/importRepeats';
import { decodeArticleBytes, MAX_ARTICLE_BYTES } from '../../core/article/articleText';
import type { AnnotationService } from '../annotationService';
import { type ArticleDocuments } from '../articleDocuments';
import { articleKeyOf } from '../articleKeys';
import type { SettingsWatcher } from '../settings';
import { articleKeyOfSource, readImportFile, workspaceArticleInfos } from '../files/articleInfos';
import type { ArticleDating } from '../articleDating';
import { objectArg, toUri } from '../commandTargets/articleTarget';
import { articleFiles } from './labelAllOccurrences';


export interface ImportAnnotationsArgs {
  readonly format?: ImportFormatId;
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
  /** Items repeating an earlier one of the files imported (same article, span, quote, label and note): added once. */
  readonly repeated: number;
  /** One sentence per item that could not be read or placed. */
  readonly problems: readonly string[];
}

export function importAnnotations(annotations: AnnotationService, articles: ArticleDocuments, dating: ArticleDating, settings: SettingsWatcher) {
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
    const infos = await workspaceArticleInfos(annotations, articles, dating, await articleFiles(settings.settings.articleGlobs));
    const problems: string[] = [];
    const imported: ImportedAnnotation[] = [];
    for (const file of files) {
      const result = await readImport(file, args.format, args.article, infos);
      for (const annotation of result.annotations) imported.push(annotation);
      for (const problem of result.problems) problems.push(`${basename(file.fsPath)}: ${problem}`);
    }

    const texts = new Map(infos.filter((i) => i.text !== undefined).map((i) => [i.article, i.text!]));
    const placedAll: Annotation[] = [];
    const now = new Date().toISOString();
    for (const item of imported) {
      const placed = placeImported(item, texts.get(item.article), createAnnotationId(), now);
      if (typeof placed === 'string') problems.push(placed);
      else placedAll.push(placed);
    }
    // an annotation written twice in the files is added once; one the article holds already is not added again
    const { kept, repeated } = withoutRepeats(placedAll);
    const candidates: Annotation[] = [];
    let duplicates = 0;
    for (const placed of kept) {
      const exists = annotations.forArticle(placed.article).some(
        (a) => a.article === placed.article && a.label === placed.label && a.position.start === placed.position.start && a.position.end === placed.position.end,
      );
      if (exists) duplicates++;
      else candidates.push(annotations.get(placed.id) || candidates.some((c) => c.id === placed.id) ? { ...placed, id: createAnnotationId() } : placed);
    }
    const skipped = [duplicates > 0 ? `${duplicates} already present` : '', repeated > 0 ? `${repeated} repeated in the file${files.length === 1 ? '' : 's'}` : ''].filter((s) => s.length > 0).join(', ');

    let chosen = candidates;
    if (interactive && candidates.length > 0) {
      const items = candidates.map((annotation) => ({
        annotation,
        label: `${annotation.label}: ${shorten(annotation.quote.exact, 50)}`,
        description: `${annotation.article}${annotation.status === 'orphaned' ? ' (orphaned: its text was not found)' : ` ${annotation.position.start}–${annotation.position.end}`}`,
        detail: annotation.note ? shorten(annotation.note, 100) : undefined,
        picked: true,
      }));
      const picked = await vscode.window.showQuickPick(items, {
        canPickMany: true,
        title: `Import ${candidates.length} annotation${candidates.length === 1 ? '' : 's'}${skipped ? ` (${skipped}, skipped)` : ''}${problems.length > 0 ? `, ${problems.length} problem(s)` : ''}`,
        placeHolder: 'Untick what should not be added, then press Enter',
        matchOnDescription: true,
      });
      if (!picked) return undefined;
      chosen = picked.map((p) => p.annotation);
    }
    if (chosen.length > 0) await annotations.addExisting(chosen, `Import ${chosen.length} annotation${chosen.length === 1 ? '' : 's'}`);
    const message = `Article Annotator: imported ${chosen.length} annotation${chosen.length === 1 ? '' : 's'}${skipped ? `, skipped ${skipped}` : ''}.`;
    if (problems.length > 0) void vscode.window.showWarningMessage(`${message} ${problems.length} item(s) skipped: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`);
    else void vscode.window.showInformationMessage(message);
    return { offered: candidates.length, added: chosen, duplicates, repeated, problems };
  };
}

/** Reads one file in its format (given, else from its name: .ann brat, .jsonl JSONL, anything else W3C). */
async function readImport(file: vscode.Uri, format: ImportFormatId | undefined, article: string | undefined, infos: readonly ArticleInfo[]): Promise<ImportResult> {
  const bytes = await readImportFile(file);
  if ('problem' in bytes) return { annotations: [], problems: [bytes.problem], articles: [] };
  const decoded = decodeArticleBytes(bytes);
  if ('problem' in decoded) return { annotations: [], problems: [decoded.problem], articles: [] };
  const content = decoded.text;
  const kind = format ?? importFormatOfName(file.path) ?? 'w3c';
  if (kind !== 'brat') return importAs(kind, content, { articles: infos, articleKeyOf: articleKeyOfSource, ...(article !== undefined ? { article } : {}) });
  const txt = file.with({ path: file.path.replace(/\.ann$/i, '') + '.txt' });
  const txtBytes = await readImportFile(txt, MAX_ARTICLE_BYTES);
  if ('problem' in txtBytes) return { annotations: [], problems: [`its text ${basename(txt.fsPath)} ${txtBytes.problem} (brat needs the .txt beside the .ann)`], articles: [] };
  const txtDecoded = decodeArticleBytes(txtBytes);
  if ('problem' in txtDecoded) return { annotations: [], problems: [`${basename(txt.fsPath)}: ${txtDecoded.problem}`], articles: [] };
  const text = txtDecoded.text;
  // The article is the one named, else the workspace file with the same text (not the exported .txt itself), else that .txt.
  const own = articleKeyOf(txt);
  const key = article ?? infos.find((i) => i.text === text && i.article !== own)?.article ?? own;
  return importAs('brat', content, { articles: infos, text, article: key });
}

function createAnnotationId(): string {
  return globalThis.crypto.randomUUID();
}
