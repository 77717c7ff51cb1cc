// JSONL, one article per line: spaCy/Prodigy `{"text", "spans": [{"start", "end", "label"}], "meta"}` or doccano
// `{"text", "label": [[start, end, label]], "meta"}`. Offsets are code points (the tools are Python). `meta` carries
// the article's file and date and the notes, as `{"file", "date", "notes": [{"start", "end", "label", "note"}]}`.
import type { Annotation, ArticleInfo } from '../annotations/annotationModel';
import { isCalendarDate } from '../article/articleDate';
import { codePointOffsets } from './codePointOffsets';
import { jsonPreview, MAX_JSON_DEPTH, nestedDeeperThan } from './jsonDepth';
import { findQuote, groupByArticle, isPlaced, shorten, withoutBom, type ImportedAnnotation, type ImportResult } from './formatModel';

export type JsonlStyle = 'spacy' | 'doccano';

export interface JsonlMeta {
  readonly file: string;
  readonly date: string | null;
  readonly notes?: readonly { readonly start: number; readonly end: number; readonly label: string; readonly note: string }[];
}

/** spaCy/Prodigy JSONL: every article given with text, one line each; orphans and stale spans are left out. Throws when an annotated article has no text. */
export function exportSpacyJsonl(annotations: readonly Annotation[], articles: readonly ArticleInfo[]): string {
  return exportJsonl(annotations, articles, 'spacy');
}

/** doccano JSONL (sequence labelling), same rules as exportSpacyJsonl. */
export function exportDoccanoJsonl(annotations: readonly Annotation[], articles: readonly ArticleInfo[]): string {
  return exportJsonl(annotations, articles, 'doccano');
}

export function exportJsonl(annotations: readonly Annotation[], articles: readonly ArticleInfo[], style: JsonlStyle): string {
  const lines: string[] = [];
  for (const { info, annotations: own } of groupByArticle(annotations, articles)) {
    const text = info.text;
    if (text === undefined) {
      if (own.length === 0) continue;
      throw new Error(`${style === 'spacy' ? 'spaCy' : 'doccano'} export needs the text of ${info.article}`);
    }
    const offsets = codePointOffsets(text);
    const spans = own
      .filter((a) => isPlaced(a, text))
      .map((a) => ({ start: offsets.toCodePoint(a.position.start), end: offsets.toCodePoint(a.position.end), label: a.label, note: a.note }));
    const notes = spans.filter((s) => s.note !== '');
    const meta: JsonlMeta = { file: info.article, date: info.date, ...(notes.length > 0 ? { notes } : {}) };
    const line =
      style === 'spacy'
        ? { text, spans: spans.map(({ start, end, label }) => ({ start, end, label })), meta }
        : { text, label: spans.map(({ start, end, label }) => [start, end, label]), meta };
    lines.push(JSON.stringify(line));
  }
  return lines.map((line) => `${line}\n`).join('');
}

export interface JsonlImportOptions {
  /** The article key for lines that match no article's text and carry no `meta.file`. */
  readonly article?: string;
}

/**
 * Reads JSONL in either style (per line: `spans`, doccano's `label` or older `labels`, or spaCy training
 * `entities` tuples). Each line goes to the article whose text is identical (or identical but for trailing
 * whitespace; when several are, the one `meta.file` or `options.article` names), else to `meta.file`, else to
 * `options.article`; lines that match none are reported and skipped.
 * Notes come from `meta.notes` or a span's own `note`.
 */
export function importJsonl(content: string, articles: readonly ArticleInfo[], options: JsonlImportOptions = {}): ImportResult {
  const problems: string[] = [];
  const annotations: ImportedAnnotation[] = [];
  const dates = new Map<string, string | null>();
  const byText = new Map<string, string[]>();
  const byTrimmedText = new Map<string, string[]>();
  const texts = new Map<string, string>();
  const add = (map: Map<string, string[]>, text: string, article: string) => {
    const list = map.get(text) ?? [];
    if (!list.includes(article)) list.push(article);
    map.set(text, list);
  };
  for (const article of articles) {
    if (article.text === undefined) continue;
    add(byText, article.text, article.article);
    add(byTrimmedText, article.text.trimEnd(), article.article);
    if (!texts.has(article.article)) texts.set(article.article, article.text);
  }
  withoutBom(content).split(/\r?\n/).forEach((raw, index) => {
    const name = `line ${index + 1}`;
    if (raw.trim() === '') return;
    let line: unknown;
    try {
      line = JSON.parse(raw);
    } catch (error) {
      problems.push(`${name}: not valid JSON (${error instanceof Error ? error.message : String(error)}); skipped`);
      return;
    }
    if (nestedDeeperThan(line)) {
      problems.push(`${name}: nested more than ${MAX_JSON_DEPTH} levels deep; skipped`);
      return;
    }
    if (!isObject(line) || typeof line.text !== 'string') {
      problems.push(`${name}: needs a JSON object with a "text" string; skipped`);
      return;
    }
    const text = line.text;
    const meta = isObject(line.meta) ? line.meta : {};
    const metaFile = typeof meta.file === 'string' && meta.file.trim() !== '' ? meta.file : undefined;
    // Several files may hold the same text (an exported copy): the one the line names wins.
    const sameText = byText.get(text) ?? byTrimmedText.get(text.trimEnd()) ?? [];
    const named = [metaFile, options.article].find((name) => name !== undefined && sameText.includes(name));
    const article = named ?? sameText[0] ?? metaFile ?? options.article;
    if (named === undefined && sameText.length > 1) {
      problems.push(`${name}: its text is in ${sameText.length} articles (${sameText.join(', ')}); attached to ${sameText[0]}`);
    }
    if (article === undefined) {
      problems.push(`${name}: its text matches no article, and it has no meta.file (or give --article); skipped`);
      return;
    }
    const known = texts.get(article);
    const differs = known !== undefined && known !== text && known.trimEnd() !== text.trimEnd();
    if (differs) problems.push(`${name}: its text differs from ${article}'s; each span is looked for by its text there`);
    const date = isCalendarDate(meta.date) ? meta.date : null;
    if (!dates.has(article) || (dates.get(article) === null && date !== null)) dates.set(article, date);
    const offsets = codePointOffsets(text);
    const notes = readNotes(meta.notes);
    for (const span of readSpans(line, name, problems)) {
      const start = offsets.toUtf16(span.start);
      const end = offsets.toUtf16(span.end);
      if (start < 0 || end < 0 || start >= end) {
        problems.push(`${name}: span ${span.start}-${span.end} (${span.label}) is not inside the text (${offsets.length} characters); skipped`);
        continue;
      }
      const label = span.label.trim();
      if (label === '') {
        problems.push(`${name}: span ${span.start}-${span.end} has an empty label; skipped`);
        continue;
      }
      const exact = text.slice(start, end);
      if (span.text !== undefined && span.text !== exact) {
        problems.push(`${name}: span ${span.start}-${span.end} says "${shorten(span.text)}" but the text there is "${shorten(exact)}"; kept the text's`);
      }
      const note = span.note ?? notes.get(`${span.start}:${span.end}:${span.label}`) ?? '';
      let target = text;
      let at = start;
      if (differs && known !== undefined) {
        at = findQuote(known, exact, text.slice(Math.max(0, start - 32), start), text.slice(end, end + 32), start);
        if (at < 0) {
          problems.push(`${name}: "${shorten(exact)}" (${label}) is not in ${article}; skipped`);
          continue;
        }
        target = known;
      }
      const atEnd = at + exact.length;
      annotations.push({
        article,
        start: at,
        end: atEnd,
        exact,
        prefix: target.slice(Math.max(0, at - 32), at),
        suffix: target.slice(atEnd, atEnd + 32),
        label,
        note,
      });
    }
  });
  return { annotations, problems, articles: [...dates].map(([article, date]) => ({ article, date })) };
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface RawSpan {
  start: number;
  end: number;
  label: string;
  text?: string;
  note?: string;
}

function readSpans(line: Json, name: string, problems: string[]): RawSpan[] {
  const spans: RawSpan[] = [];
  const bad = (what: string) => problems.push(`${name}: ${what}; skipped`);
  if (Array.isArray(line.spans)) {
    for (const span of line.spans) {
      if (isObject(span) && isOffset(span.start) && isOffset(span.end) && typeof span.label === 'string') {
        spans.push({
          start: span.start,
          end: span.end,
          label: span.label,
          ...(typeof span.text === 'string' ? { text: span.text } : {}),
          ...(typeof span.note === 'string' ? { note: span.note } : {}),
        });
      } else bad(`a span needs integer "start" and "end" and a "label" (got ${jsonPreview(span, 60)})`);
    }
  }
  for (const key of ['label', 'labels', 'entities'] as const) {
    const list = line[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (Array.isArray(item) && item.length >= 3 && isOffset(item[0]) && isOffset(item[1]) && typeof item[2] === 'string') {
        spans.push({ start: item[0], end: item[1], label: item[2] });
      } else if (typeof item === 'string' && key === 'label') {
        bad(`"${shorten(item)}" is a document label (text classification), not a span`);
      } else bad(`a "${key}" entry needs [start, end, label] (got ${jsonPreview(item, 60)})`);
    }
  }
  if (!Array.isArray(line.spans) && !['label', 'labels', 'entities'].some((k) => Array.isArray(line[k]))) {
    problems.push(`${name}: no "spans", "label", "labels" or "entities" list; the line has no annotations`);
  }
  return spans;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function readNotes(value: unknown): Map<string, string> {
  const notes = new Map<string, string>();
  if (!Array.isArray(value)) return notes;
  for (const entry of value) {
    if (isObject(entry) && isOffset(entry.start) && isOffset(entry.end) && typeof entry.label === 'string' && typeof entry.note === 'string') {
      notes.set(`${entry.start}:${entry.end}:${entry.label}`, entry.note);
    }
  }
  return notes;
}
