// What the format modules share: the shape of an imported annotation, of an exported file, and which spans fit a text.
import type { AnchorStatus, Annotation, ArticleInfo, NoteReply } from '../annotations/annotationModel';

/** One annotation read from a file, before the store turns it into an `Annotation` (createAnnotation). */
export interface ImportedAnnotation {
  /** Article key: workspace-relative path with '/' separators (or the name the input gave). */
  readonly article: string;
  /** UTF-16 offsets into the article's text, end exclusive, start < end. */
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  /** Quote context, when the input states it or the text was at hand. */
  readonly prefix?: string;
  readonly suffix?: string;
  readonly label: string;
  /** Markdown; '' when none. */
  readonly note: string;
  /** Only formats that carry them (W3C) fill these in. */
  readonly id?: string;
  readonly created?: string;
  readonly modified?: string;
  readonly status?: AnchorStatus;
  readonly origin?: Annotation['origin'];
  /** Replies to the note, oldest first (formats that carry them: W3C). */
  readonly replies?: readonly NoteReply[];
}

export interface ImportResult {
  annotations: ImportedAnnotation[];
  /** One clear sentence per problem, naming the item or line; a bad item is skipped, never thrown. */
  problems: string[];
  /** The articles the input names, with the date (dateline) when the input states one; text is never filled in. */
  articles: ArticleInfo[];
}

/** A file written by a multi-file export (brat): a relative '/'-separated path and its content. */
export interface ExportedFile {
  readonly path: string;
  readonly content: string;
}

/** True when the annotation's position still selects its quote in `text` (orphans and stale spans are false). */
export function isPlaced(annotation: Annotation, text: string): boolean {
  const { start, end } = annotation.position;
  return (
    annotation.status !== 'orphaned' &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start < end &&
    end <= text.length &&
    text.slice(start, end) === annotation.quote.exact
  );
}

/**
 * Why each annotation would be left out of a text-offset export (brat, CoNLL, JSONL): orphaned, or its
 * position no longer selects its quote, or its article's text is unknown. Empty when all fit.
 */
export function unplacedAnnotations(annotations: readonly Annotation[], articles: readonly ArticleInfo[]): string[] {
  const byKey = articleMap(articles);
  const problems: string[] = [];
  for (const annotation of annotations) {
    const text = byKey.get(annotation.article)?.text;
    const where = `${annotation.article} ${annotation.position.start}-${annotation.position.end} "${shorten(annotation.quote.exact)}" (${annotation.label})`;
    if (text === undefined) problems.push(`${where}: the article's text is not available`);
    else if (annotation.status === 'orphaned') problems.push(`${where}: orphaned, not exported`);
    else if (!isPlaced(annotation, text)) problems.push(`${where}: its position no longer selects its quote, not exported`);
  }
  return problems;
}

/** Articles by key; the first entry wins when a key repeats. */
export function articleMap(articles: readonly ArticleInfo[]): Map<string, ArticleInfo> {
  const map = new Map<string, ArticleInfo>();
  for (const article of articles) if (!map.has(article.article)) map.set(article.article, article);
  return map;
}

/**
 * The articles an export covers, in order: those given (in their order), then any only the annotations name
 * (as `{ date: null }`, sorted by key). Each comes with its annotations sorted by start, end, label.
 */
export function groupByArticle(
  annotations: readonly Annotation[],
  articles: readonly ArticleInfo[],
): { readonly info: ArticleInfo; readonly annotations: Annotation[] }[] {
  const groups = new Map<string, { info: ArticleInfo; annotations: Annotation[] }>();
  for (const info of articles) if (!groups.has(info.article)) groups.set(info.article, { info, annotations: [] });
  const extra = [...new Set(annotations.map((a) => a.article).filter((key) => !groups.has(key)))].sort(compareStrings);
  for (const key of extra) groups.set(key, { info: { article: key, date: null }, annotations: [] });
  for (const annotation of annotations) groups.get(annotation.article)?.annotations.push(annotation);
  for (const group of groups.values()) group.annotations.sort(compareAnnotations);
  return [...groups.values()];
}

export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    compareStrings(a.article, b.article) ||
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    compareStrings(a.label, b.label) ||
    compareStrings(a.id, b.id)
  );
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Turns an imported annotation into an `Annotation` as it stands, without the article text (the command line's
 * export converts a W3C file this way). The store uses createAnnotation instead, which recomputes the quote.
 */
export function annotationFromImport(imported: ImportedAnnotation, id: string, now: string): Annotation {
  return {
    id: imported.id ?? id,
    article: imported.article,
    label: imported.label,
    note: imported.note,
    position: { start: imported.start, end: imported.end },
    quote: { exact: imported.exact, prefix: imported.prefix ?? '', suffix: imported.suffix ?? '' },
    status: imported.status ?? 'anchored',
    created: imported.created ?? now,
    modified: imported.modified ?? imported.created ?? now,
    origin: imported.origin ?? 'user',
    ...(imported.replies && imported.replies.length > 0 ? { replies: imported.replies.map((r) => ({ body: r.body, created: r.created })) } : {}),
  };
}

/** An annotation file's content without a leading UTF-8 byte-order mark (Node's 'utf8' reading keeps it; editors on Windows write it). */
export function withoutBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

/** A quote cut to fit in a one-line message. */
export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** An ISO 8601 date-time that Date can read. */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

/** The occurrence of exact whose context matches best, then nearest to hint; -1 when it does not occur. */
export function findQuote(text: string, exact: string, prefix: string, suffix: string, hint: number): number {
  if (exact === '') return -1;
  let best = -1;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) + commonPrefix(text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
    if (score > bestScore || (score === bestScore && Math.abs(at - hint) < Math.abs(best - hint))) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
