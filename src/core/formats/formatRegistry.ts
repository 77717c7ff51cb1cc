// The one list of annotation formats: what each is called, what it needs and how it is written and read. The CLI
// (`export`, `import`, `agree`) and the extension's Export / Import Annotations commands both go through it, so a
// format is added, renamed or fixed in one place.
import type { Annotation, ArticleInfo } from '../annotations/annotationModel';
import { exportBrat, importBrat } from './brat';
import { exportConll } from './conll';
import { exportCsv } from './csv';
import { exportChanges } from './exportChanges';
import { unplacedAnnotations, type ExportedFile, type ImportResult } from './formatModel';
import { exportJsonl, importJsonl } from './jsonl';
import { exportMarkdownReport } from './markdownReport';
import { exportQuotationsCsv, withQuotationsMarkdown, withQuotationsW3C, type ArticleQuotations } from './quotationsExport';
import { exportW3C, importW3C } from './w3c';

export type ExportFormatId = 'w3c' | 'brat' | 'conll' | 'spacy' | 'doccano' | 'csv' | 'md';
export type ImportFormatId = 'w3c' | 'brat' | 'spacy' | 'doccano';

export interface ExportInput {
  readonly annotations: readonly Annotation[];
  /** The exported articles; those without `text` cost a text-offset format their annotations (named in `problems`). */
  readonly articles: readonly ArticleInfo[];
  /** Who said what in the articles, for the formats that carry it (`carriesQuotations`); none when absent. */
  readonly quotations?: readonly ArticleQuotations[];
  /** CoNLL: `# article =` and `# date =` lines after each -DOCSTART- (default true). */
  readonly conllComments?: boolean;
  /** The Markdown report's title (default "Annotations"). */
  readonly title?: string;
}

export interface ExportOutput {
  /** The main file's content; '' for a format that writes a folder (brat). */
  readonly content: string;
  /** A folder format's files, relative '/'-separated paths (brat's .txt/.ann pairs and its configuration). */
  readonly files: readonly ExportedFile[];
  /** The who-said-what table, for CSV with quotations: a second file beside the main one (`quotationsCsvPath`). */
  readonly quotationsCsv?: string;
  /** One line per annotation left out or changed: orphans, stale spans, text not at hand, overlaps, blanks, line breaks. */
  readonly problems: readonly string[];
}

export interface ImportContext {
  /** The articles at hand, with their texts where read (W3C places quote-only items, JSONL matches lines by text). */
  readonly articles: readonly ArticleInfo[];
  /** W3C: turns a target's source (a URI or a path) into an article key. */
  readonly articleKeyOf?: (source: string) => string | undefined;
  /** JSONL: the article every line goes to when neither its text nor its `meta.file` finds one; brat: the article's key. */
  readonly article?: string;
  /** brat: the text of the .ann file's article (its .txt). */
  readonly text?: string;
}

export interface FormatSpec<Id extends string = ExportFormatId> {
  readonly id: Id;
  /** As a person reads it in a picker. */
  readonly label: string;
  /** One line of what the file holds. */
  readonly detail: string;
  /** The file extension without its dot; '' for a folder format. */
  readonly extension: string;
  /** Writes a folder of files rather than one file (brat). */
  readonly folder: boolean;
  /** Counts offsets in, or writes, the article text: annotations of an article whose text cannot be read are left out. */
  readonly needsText: boolean;
  /** Can carry who said what (W3C items, a Markdown section, a second CSV). */
  readonly carriesQuotations: boolean;
  /** Reads back in with `import` (undefined: export only). */
  readonly read?: (content: string, context: ImportContext) => ImportResult;
}

export const EXPORT_FORMATS: readonly FormatSpec[] = [
  {
    id: 'w3c',
    label: 'W3C Web Annotation (JSON-LD)',
    detail: 'An AnnotationCollection targeting each file by URI, with position (code points) and quote selectors; imports back',
    extension: 'jsonld',
    folder: false,
    needsText: false,
    carriesQuotations: true,
    read: (content, context) => importW3C(content, context.articles, context.articleKeyOf ? { articleKeyOf: context.articleKeyOf } : {}),
  },
  {
    id: 'brat',
    label: 'brat standoff (.txt + .ann)',
    detail: 'A .txt/.ann pair per article, written into a folder; imports back',
    extension: '',
    folder: true,
    needsText: true,
    carriesQuotations: false,
    read: (content, context) => importBrat(content, context.text ?? '', context.article ?? ''),
  },
  {
    id: 'conll',
    label: 'CoNLL-2003 BIO',
    detail: 'A token per line, a blank line between sentences',
    extension: 'conll',
    folder: false,
    needsText: true,
    carriesQuotations: false,
  },
  {
    id: 'spacy',
    label: 'JSONL, spaCy / Prodigy style',
    detail: '{"text", "spans": [{"start", "end", "label"}]} per article; imports back',
    extension: 'jsonl',
    folder: false,
    needsText: true,
    carriesQuotations: false,
    read: readJsonl,
  },
  {
    id: 'doccano',
    label: 'JSONL, doccano style',
    detail: '{"text", "label": [[start, end, label]]} per article; imports back',
    extension: 'jsonl',
    folder: false,
    needsText: true,
    carriesQuotations: false,
    read: readJsonl,
  },
  {
    id: 'csv',
    label: 'CSV',
    detail: 'One row per annotation with its id, quote, label, note, replies, origin, file and date',
    extension: 'csv',
    folder: false,
    needsText: false,
    carriesQuotations: true,
  },
  {
    id: 'md',
    label: 'Markdown report',
    detail: 'A section per article and label: each quote in its sentence, with its note and replies',
    extension: 'md',
    folder: false,
    needsText: false,
    carriesQuotations: true,
  },
];

/** The formats `import` reads, in the order of EXPORT_FORMATS. */
export const IMPORT_FORMATS = EXPORT_FORMATS.filter((f) => f.read !== undefined) as readonly FormatSpec<ImportFormatId>[];

export const EXPORT_FORMAT_IDS: readonly ExportFormatId[] = EXPORT_FORMATS.map((f) => f.id);
export const IMPORT_FORMAT_IDS: readonly ImportFormatId[] = IMPORT_FORMATS.map((f) => f.id);

export function exportFormat(id: string): FormatSpec | undefined {
  return EXPORT_FORMATS.find((f) => f.id === id);
}

export function importFormat(id: string): FormatSpec<ImportFormatId> | undefined {
  return IMPORT_FORMATS.find((f) => f.id === id);
}

/** The import format a file's name suggests: .ann is brat, .jsonl JSONL (either style), .json / .jsonld W3C. */
export function importFormatOfName(name: string): ImportFormatId | undefined {
  const extension = /\.([^./\\]+)$/u.exec(name)?.[1]?.toLowerCase();
  if (extension === 'ann') return 'brat';
  if (extension === 'jsonl') return 'spacy'; // the JSONL reader takes spaCy and doccano lines alike
  if (extension === 'json' || extension === 'jsonld') return 'w3c';
  return undefined;
}

/** The file an export of `format` is given by default, from a base name: "annotations.spacy.jsonl", "report.md". */
export function exportFileName(format: ExportFormatId, base: string): string {
  const spec = exportFormat(format);
  if (spec === undefined || spec.folder) return base;
  return `${base}${format === 'spacy' || format === 'doccano' ? `.${format}` : ''}.${spec.extension}`;
}

/** Where a CSV export's who-said-what table goes: beside it, "x.csv" → "x.quotes.csv". */
export function quotationsCsvPath(csvPath: string): string {
  return `${csvPath.replace(/\.csv$/iu, '')}.quotes.csv`;
}

/**
 * Writes `input` in `format`. A format that needs the text leaves out the annotations of articles without it, and
 * every annotation left out or changed is named in `problems`, never lost in silence.
 */
export function exportAs(format: ExportFormatId, input: ExportInput): ExportOutput {
  const spec = exportFormat(format);
  if (spec === undefined) throw new RangeError(`Unknown export format ${String(format)}; use one of ${EXPORT_FORMAT_IDS.join(', ')}.`);
  // concat, not a push spreading the list: an export can name more problems than a call takes arguments
  let problems: string[] = [];
  let { annotations, articles } = input;
  if (spec.needsText) {
    problems = problems.concat(unplacedAnnotations(annotations, articles));
    const textless = new Set(articles.filter((a) => a.text === undefined).map((a) => a.article));
    annotations = annotations.filter((a) => !textless.has(a.article));
    articles = articles.filter((a) => a.text !== undefined);
  }
  // What the format itself drops or changes (white-space-only spans in CoNLL, line breaks in brat, half characters).
  problems = problems.concat(exportChanges(format, annotations, articles));
  const quotations = spec.carriesQuotations ? input.quotations : undefined;
  switch (format) {
    case 'w3c': {
      const content = exportW3C(annotations, articles);
      return { content: quotations ? withQuotationsW3C(content, quotations) : content, files: [], problems };
    }
    case 'csv':
      return { content: exportCsv(annotations, articles), files: [], problems, ...(quotations ? { quotationsCsv: exportQuotationsCsv(quotations) } : {}) };
    case 'md': {
      const report = exportMarkdownReport(annotations, articles, input.title === undefined ? {} : { title: input.title });
      return { content: quotations ? withQuotationsMarkdown(report, quotations) : report, files: [], problems };
    }
    case 'spacy':
    case 'doccano':
      return { content: exportJsonl(annotations, articles, format), files: [], problems };
    case 'conll': {
      const result = exportConll(annotations, articles, { comments: input.conllComments !== false });
      if (result.dropped > 0) {
        problems.push(`${result.dropped} overlapping annotation${result.dropped === 1 ? '' : 's'} left out (CoNLL BIO cannot nest spans: the longest, then earliest, span wins)`);
      }
      return { content: result.content, files: [], problems };
    }
    case 'brat':
      return { content: '', files: exportBrat(annotations, articles), problems };
  }
}

/** Reads an annotation file's content in `format`; a format that cannot be read gives one problem, never a throw. */
export function importAs(format: string, content: string, context: ImportContext): ImportResult {
  const spec = importFormat(format);
  if (spec?.read === undefined) return { annotations: [], problems: [`unknown import format '${format}' (expected ${IMPORT_FORMAT_IDS.join(', ')})`], articles: [] };
  return spec.read(content, context);
}

function readJsonl(content: string, context: ImportContext): ImportResult {
  return importJsonl(content, preferNamedArticles(content, context.articles), context.article === undefined ? {} : { article: context.article });
}

/**
 * JSONL lines go to the first article with the same text; when several files hold that text (an exported copy), the
 * one the line's `meta.file` names should win, so those articles go first.
 */
function preferNamedArticles(content: string, infos: readonly ArticleInfo[]): ArticleInfo[] {
  const named = new Set<string>();
  for (const line of content.split(/\r?\n/u)) {
    if (!line.includes('"file"')) continue;
    try {
      const file = (JSON.parse(line) as { meta?: { file?: unknown } } | null)?.meta?.file;
      if (typeof file === 'string') named.add(file);
    } catch {
      // a bad line is reported by importJsonl
    }
  }
  if (named.size === 0) return [...infos];
  return [...infos].sort((a, b) => Number(named.has(b.article)) - Number(named.has(a.article)));
}
