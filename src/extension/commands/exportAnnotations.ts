// "Export Annotations": the workspace's (or the current article's) annotations as W3C JSON-LD, brat, CoNLL, spaCy or
// doccano JSONL, CSV or a Markdown report, to a file from a save dialog (a folder for brat) or given as `target`.
import * as vscode from 'vscode';
import type { Annotation, ArticleInfo } from '../../core/annotations/annotationModel';
import { bratBasePath } from '../../core/formats/brat';
import { EXPORT_FORMATS, exportAs, exportFileName, exportFormat, quotationsCsvPath, type ExportFormatId } from '../../core/formats/formatRegistry';
import type { ArticleQuotations } from '../../core/formats/quotationsExport';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import type { WorkspaceIndex } from '../workspaceIndex';
import { articleInfos } from '../files/articleInfos';
import type { ArticleDating } from '../articleDating';
import { objectArg, resolveArticle, toUri } from '../commandTargets/articleTarget';
import { ARTICLE_GLOBS_WARNING, defaultExportFolder, writeOutputFiles, type PlannedFile } from '../files/outputFiles';


/** An export format's id (the list, with labels and extensions, is core's format registry). */
export type ExportFormat = ExportFormatId;

export interface ExportAnnotationsArgs {
  readonly format?: ExportFormat;
  /** 'workspace' (every annotation) or 'article' (the current article, or the one named by `uri`). */
  readonly scope?: 'workspace' | 'article';
  readonly uri?: string | vscode.Uri;
  /** The file to write (a folder for brat). */
  readonly target?: string | vscode.Uri;
  /** CoNLL only: `# article =` and `# date =` lines after each -DOCSTART- (default true, so the file and dateline travel). */
  readonly conllComments?: boolean;
  /** W3C, CSV and Markdown: add who said what in the exported articles (CSV: a second file `<target>.quotes.csv`). */
  readonly quotes?: boolean;
  /** Replace existing files without asking (the caller asked already); an article is never replaced. */
  readonly overwrite?: boolean;
}

export interface ExportResult {
  readonly format: ExportFormat;
  /** Every file written. */
  readonly files: readonly string[];
  readonly annotations: number;
  /** Annotations the format could not hold or changed (orphans, stale spans, CoNLL overlaps and blanks, brat line breaks, half characters). */
  readonly problems: readonly string[];
  /** Why nothing was written: an article in the way, or existing files the user chose to keep. */
  readonly refused?: string;
  /** Articles that were a target (brat into the article folder): left byte for byte as they are. */
  readonly kept?: readonly string[];
}

export function exportAnnotations(annotations: AnnotationService, articles: ArticleDocuments, dating: ArticleDating, index: WorkspaceIndex) {
  return async (rawArgs?: unknown): Promise<ExportResult | undefined> => {
    const args = objectArg<ExportAnnotationsArgs>(rawArgs);
    const format = args.format ?? (await pickFormat());
    if (!format) return undefined;
    const spec = exportFormat(format);
    if (spec === undefined) throw new RangeError(`Unknown export format ${String(format)}; use one of ${EXPORT_FORMATS.map((f) => f.id).join(', ')}.`);

    let scope = args.scope ?? (rawArgs !== undefined ? (args.uri !== undefined ? 'article' : 'workspace') : undefined);
    const current = scope === 'workspace' ? undefined : await resolveArticle(articles, args.uri);
    if (scope === undefined) {
      scope = 'workspace';
      if (current) {
        const picked = await vscode.window.showQuickPick(
          [
            { label: 'All annotations in the workspace', description: countOf(annotations.all().length), scope: 'workspace' as const },
            { label: `Annotations of ${current.key}`, description: countOf(annotations.forArticle(current.key).length), scope: 'article' as const },
          ],
          { title: 'Export which annotations?' },
        );
        if (!picked) return undefined;
        scope = picked.scope;
      }
    }
    if (scope === 'article' && !current) {
      void vscode.window.showWarningMessage('Article Annotator: open the article to export, or export the whole workspace.');
      return undefined;
    }
    const chosen: readonly Annotation[] = scope === 'article' && current ? annotations.forArticle(current.key) : annotations.all();
    const noAnnotations = (): ExportResult => {
      void vscode.window.showInformationMessage('Article Annotator: there are no annotations to export.');
      return { format, files: [], annotations: 0, problems: [] };
    };
    // Who said what needs no annotation: with none in scope, only the quotations are exported (never an error).
    if (chosen.length === 0 && (args.quotes === false || !spec.carriesQuotations || (args.quotes === undefined && rawArgs !== undefined))) return noAnnotations();

    let quotes = args.quotes === true && spec.carriesQuotations;
    if (args.quotes === undefined && rawArgs === undefined && spec.carriesQuotations) {
      const picked = await vscode.window.showQuickPick(
        chosen.length > 0
          ? [
              { label: 'Annotations only', quotes: false },
              { label: 'Annotations and who said what', detail: 'The quotations found in these articles, each with its speaker', quotes: true },
            ]
          : [{ label: 'Who said what', detail: 'No annotations here yet: the quotations found in these articles, each with its speaker', quotes: true }],
        { title: chosen.length > 0 ? 'Export the quotations too?' : 'Export the quotations?' },
      );
      if (!picked) return undefined;
      quotes = picked.quotes;
    }
    if (chosen.length === 0 && !quotes) return noAnnotations();
    // The articles exported: the scope's article, else those with annotations (with none, every indexed article for its quotations).
    if (chosen.length === 0 && scope === 'workspace' && index.busy) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Article Annotator: finding quotations…' }, () => index.whenIdle());
    }
    const keys =
      scope === 'article' && current ? [current.key] : chosen.length > 0 ? [...new Set(chosen.map((a) => a.article))].sort() : [...index.corpus.articleKeys].sort();
    const infos = await articleInfos(articles, dating, keys);
    const given = toUri(args.target);
    const target = given ?? (await pickTarget(articles, format, scope === 'article' && current ? current.key : 'annotations', keys));
    if (!target) return undefined;
    const quotationProblems: string[] = [];
    const quotations = quotes ? await indexedQuotations(index, infos, quotationProblems) : [];
    const output = exportAs(format, {
      annotations: chosen,
      articles: infos,
      ...(quotes ? { quotations } : {}),
      conllComments: args.conllComments !== false,
      title: scope === 'article' && current ? `Annotations of ${current.key}` : 'Annotations',
    });
    // concat, not an unshift spreading the list: a large export can name more problems than a call takes arguments
    const problems = output.problems.concat(quotationProblems);
    const planned: PlannedFile[] = spec.folder
      ? output.files.map((file) => ({ uri: vscode.Uri.joinPath(target, ...file.path.split('/')), content: file.content }))
      : [{ uri: target, content: output.content }];
    // Beside the file chosen: not confirmed by the save dialog, so asked about here when it exists.
    if (output.quotationsCsv !== undefined) planned.push({ uri: target.with({ path: quotationsCsvPath(target.path) }), content: output.quotationsCsv });
    // A file chosen in the save dialog was confirmed there; a brat folder or a given target is asked about here.
    const outcome = await writeOutputFiles(planned, { annotations, articles, overwrite: args.overwrite === true, confirmed: given === undefined && !spec.folder ? target : undefined, keepArticleText: spec.folder, where: target.fsPath });
    if (outcome.refused !== undefined) {
      void vscode.window.showErrorMessage(`Article Annotator: export not written. ${outcome.refused}`);
      return { format, files: [], annotations: 0, problems, refused: outcome.refused };
    }
    const files = [...outcome.written];
    const result: ExportResult = { format, files, annotations: chosen.length, problems, ...(outcome.kept.length > 0 ? { kept: outcome.kept } : {}) };
    const keptNote = outcome.kept.length > 0 ? ` Left as it is (the article itself, not re-encoded): ${outcome.kept.join(', ')}.` : '';
    const quoteCount = quotations.reduce((n, a) => n + a.quotations.length, 0);
    const what = `${chosen.length} annotation${chosen.length === 1 ? '' : 's'}${quotes ? ` and ${quoteCount} quotation${quoteCount === 1 ? '' : 's'}` : ''}`;
    const summary = `Article Annotator: exported ${what} to ${files.length === 1 ? files[0] : `${files.length} files in ${target.fsPath}`}.${keptNote}`;
    if (problems.length > 0) void vscode.window.showWarningMessage(`${summary} ${problems.length} not exported as they are: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}`);
    else if (!spec.folder) {
      void vscode.window.showInformationMessage(summary, 'Open').then((choice) => (choice === 'Open' ? vscode.window.showTextDocument(target) : undefined));
    } else void vscode.window.showInformationMessage(summary);
    return result;
  };
}

/**
 * The quotations of the exported articles as the workspace index found them, for the text being exported (the index
 * is waited for when it is behind); an article it has not indexed with that text is named in `problems`.
 */
async function indexedQuotations(index: WorkspaceIndex, infos: readonly ArticleInfo[], problems: string[]): Promise<ArticleQuotations[]> {
  const current = (info: ArticleInfo): boolean => info.text !== undefined && index.textOf(info.article) === info.text;
  if (infos.some((i) => i.text !== undefined && !current(i)) && index.busy) {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Article Annotator: finding quotations…' }, () => index.whenIdle());
  }
  const found: ArticleQuotations[] = [];
  for (const info of infos) {
    if (info.text === undefined || !current(info)) {
      problems.push(`the quotations of ${info.article} (${info.text === undefined ? 'its text cannot be read' : 'not in the workspace index yet'})`);
      continue;
    }
    // the speaker as the collection names it, so one person's quotes read the same in every article
    const quotations = index.corpus.quotations(info.article).map((q) => ({ ...q, speaker: q.speakerEntity?.canonical ?? q.speaker }));
    found.push({ article: info.article, date: info.date, text: info.text, quotations, ...(info.uri !== undefined ? { uri: info.uri } : {}) });
  }
  return found;
}

function countOf(n: number): string {
  return n === 0 ? 'none yet' : `${n} annotation${n === 1 ? '' : 's'}`;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f.label, detail: f.detail, id: f.id })),
    { title: 'Export annotations as' },
  );
  return picked?.id;
}

/** The files an export of `format` named `name` writes, relative to its folder (for brat, a .txt per article, named by its key). */
function plannedFiles(format: ExportFormat, name: string, keys: readonly string[]): string[] {
  if (exportFormat(format)?.folder === true) return keys.map((key) => `${bratBasePath(key)}.txt`);
  return [exportFileName(format, name)];
}

async function pickTarget(articles: ArticleDocuments, format: ExportFormat, base: string, keys: readonly string[]): Promise<vscode.Uri | undefined> {
  const name = base.replace(/^.*\//, '').replace(/\.[^.]+$/, '') || 'annotations';
  const place = defaultExportFolder(articles, plannedFiles(format, name, keys));
  const warning = place?.matchesArticles ? ARTICLE_GLOBS_WARNING : '';
  const spec = exportFormat(format);
  if (spec === undefined || spec.folder) {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: place?.folder, openLabel: 'Export brat files here', title: `Folder for the .txt/.ann pairs${warning}` });
    return picked?.[0];
  }
  return vscode.window.showSaveDialog({
    defaultUri: place ? vscode.Uri.joinPath(place.folder, exportFileName(format, name)) : undefined,
    filters: { [spec.label]: [spec.extension] },
    title: `Export annotations${warning}`,
  });
}
