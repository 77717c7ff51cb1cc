// brat standoff (https://brat.nlplab.org/standoff.html): per article a `.txt` (the text) and an `.ann` with
// `T1\tlabel start end\tcovered text` and `#1\tAnnotatorNotes T1\tnote` lines. Offsets are code points (brat is
// Python); a span over line breaks is written as fragments `start end;start end`, as brat itself does. Labels become
// brat-safe types reversibly (ASCII letters and digits kept, space -> `_`, anything else -> `-hex-`); notes keep
// their line breaks as `\n` (and `\` as `\\`).
import type { Annotation, ArticleInfo } from '../annotations/annotationModel';
import { codePointOffsets } from './codePointOffsets';
import { findQuote, groupByArticle, isPlaced, shorten, withoutBom, type ExportedFile, type ImportedAnnotation, type ImportResult } from './formatModel';

/**
 * A label as a brat type, which may hold only ASCII letters, digits, `_` and `-`: letters and digits kept, space
 * -> `_`, anything else (including `-`, `_` and non-ASCII letters) -> `-<lower-case hex code point>-`.
 */
export function bratType(label: string): string {
  let out = '';
  for (const char of label) {
    if (/^[A-Za-z0-9]$/.test(char)) out += char;
    else if (char === ' ') out += '_';
    else out += `-${(char.codePointAt(0) ?? 0).toString(16)}-`;
  }
  return out;
}

/**
 * The inverse of bratType. A type written by someone else reads as itself with `_` as space (`Geo-Political_Entity`
 * -> `Geo-Political Entity`); only `-hex-` runs that bratType could have written are decoded.
 */
export function labelFromBratType(type: string): string {
  return type.replace(/_/g, ' ').replace(/-([0-9a-f]{2,6})-/g, (whole, hex: string) => {
    const code = parseInt(hex, 16);
    return code <= 0x10ffff && !/^[A-Za-z0-9 ]$/.test(String.fromCodePoint(code)) ? String.fromCodePoint(code) : whole;
  });
}

export function escapeBratNote(note: string): string {
  return note.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

export function unescapeBratNote(note: string): string {
  return note.replace(/\\([\\nrt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : '\\'));
}

/**
 * The `.txt`/`.ann` pair of each article: `<article path without .txt>.txt` and `.ann`, paths made safe (no `..`,
 * no absolute paths, URIs flattened), then brat's `annotation.conf` and `visual.conf` declaring the labels (as
 * types) at the top. Every article given with text gets a pair, even without annotations;
 * orphaned annotations and those whose position no longer selects their quote are left out (see unplacedAnnotations).
 * Throws when an annotated article's text is missing.
 */
export function exportBrat(annotations: readonly Annotation[], articles: readonly ArticleInfo[]): ExportedFile[] {
  const files: ExportedFile[] = [];
  const used = new Set<string>();
  for (const { info, annotations: own } of groupByArticle(annotations, articles)) {
    const text = info.text;
    if (text === undefined) {
      if (own.length === 0) continue;
      throw new Error(`brat export needs the text of ${info.article}`);
    }
    let base = bratBasePath(info.article);
    for (let n = 2; used.has(base.toLowerCase()); n++) base = `${bratBasePath(info.article)}-${n}`;
    used.add(base.toLowerCase());
    files.push({ path: `${base}.txt`, content: text }, { path: `${base}.ann`, content: bratAnn(own, text) });
  }
  if (files.length === 0) return files;
  const labels = [...new Set(annotations.map((a) => a.label))].sort();
  return [...files, { path: 'annotation.conf', content: annotationConf(labels) }, { path: 'visual.conf', content: visualConf(labels) }];
}

/** brat's type declarations, so its editor opens the folder without "undeclared type" errors. */
function annotationConf(labels: readonly string[]): string {
  return ['[entities]', ...labels.map(bratType), '', '[relations]', '', '[events]', '', '[attributes]', ''].map((l) => `${l}\n`).join('');
}

/** brat's display names: each type shown as the label it stands for. */
function visualConf(labels: readonly string[]): string {
  const safe = (label: string) => label.replace(/[|\t\r\n]/g, ' ');
  return ['[labels]', ...labels.map((l) => `${bratType(l)} | ${safe(l)}`), ''].map((l) => `${l}\n`).join('');
}

/** The `.ann` content for one article's annotations over its text. */
export function bratAnn(annotations: readonly Annotation[], text: string): string {
  const offsets = codePointOffsets(text);
  const lines: string[] = [];
  let t = 0;
  let n = 0;
  for (const annotation of annotations) {
    if (!isPlaced(annotation, text)) continue;
    const fragments = lineFragments(text, annotation.position.start, annotation.position.end);
    if (fragments.length === 0) continue;
    t++;
    const spans = fragments.map(([s, e]) => `${offsets.toCodePoint(s)} ${offsets.toCodePoint(e)}`).join(';');
    const covered = fragments.map(([s, e]) => text.slice(s, e)).join(' ');
    lines.push(`T${t}\t${bratType(annotation.label)} ${spans}\t${covered}`);
    if (annotation.note !== '') lines.push(`#${++n}\tAnnotatorNotes T${t}\t${escapeBratNote(annotation.note)}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** [start, end) cut at line breaks (brat spans cannot cross them), each fragment trimmed of the breaks. */
export function lineFragments(text: string, start: number, end: number): [number, number][] {
  const fragments: [number, number][] = [];
  const lineBreak = /\r\n|[\n\r\u2028\u2029\u0085]/g;
  lineBreak.lastIndex = start;
  let from = start;
  for (let m = lineBreak.exec(text); m && m.index < end; m = lineBreak.exec(text)) {
    if (m.index > from) fragments.push([from, m.index]);
    from = m.index + m[0].length;
  }
  if (end > from) fragments.push([from, end]);
  return fragments;
}

/** A relative '/'-path for an article key: `.txt` dropped, `..`/`.`/empty segments and URI schemes removed. */
export function bratBasePath(article: string): string {
  let key = article.replace(/\\/g, '/');
  const uri = /^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i.exec(key);
  if (uri) key = key.slice(uri[0].length);
  try {
    key = decodeURIComponent(key);
  } catch {
    // keep as is
  }
  const segments = key
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map((s) => s.replace(/[<>:"|?*\u0000-\u001f]/g, '_'));
  const joined = segments.join('/') || 'article';
  return joined.replace(/\.txt$/i, '') || 'article';
}

/**
 * Reads an `.ann` against its `.txt` text, for the given article key. Discontinuous spans become their covering
 * span (with a warning unless only line breaks or spaces lie between the fragments, which is how brat writes a span
 * over a line break). A span whose covered text does not match is re-found nearby when the text occurs, else skipped.
 * Relations, events, attributes and normalisations are counted and ignored.
 */
export function importBrat(ann: string, text: string, article: string): ImportResult {
  const offsets = codePointOffsets(text);
  const problems: string[] = [];
  const spans = new Map<string, { line: number; start: number; end: number; label: string }>();
  const notes = new Map<string, string[]>();
  const ignored = new Map<string, number>();
  withoutBom(ann).split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const fields = raw.split('\t');
    const id = fields[0] ?? '';
    const word = /^\S*/.exec(raw)?.[0] ?? '';
    if (word !== id && /^(T\d+|#\d*)$/.test(word)) {
      problems.push(`line ${line}: ${word} must be followed by a tab, not a space ("${word}<TAB>..."); skipped`);
    } else if (/^T\d+$/.test(id)) {
      const read = readTextBound(fields, line, text, offsets, problems);
      if (read) {
        if (spans.has(id)) problems.push(`line ${line}: ${id} is defined twice; the second is skipped`);
        else spans.set(id, { line, ...read });
      }
    } else if (/^#\d*$/.test(id)) {
      const match = /^(\S+)\s+(\S+)$/.exec(fields[1] ?? '');
      if (!match || fields.length < 3) {
        problems.push(`line ${line}: a note line needs "#n<TAB>AnnotatorNotes T<n><TAB>note"; skipped`);
        return;
      }
      const [, kind, ref] = match as unknown as [string, string, string];
      if (kind !== 'AnnotatorNotes') {
        problems.push(`line ${line}: "${kind}" comments are not read, only AnnotatorNotes; skipped`);
        return;
      }
      const list = notes.get(ref) ?? [];
      list.push(unescapeBratNote(fields.slice(2).join('\t')));
      notes.set(ref, list);
    } else {
      const kind = /^[A-Za-z*]/.test(id) ? id.charAt(0) : '?';
      ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
    }
  });
  for (const [kind, count] of ignored) {
    const what = { R: 'relation', E: 'event', A: 'attribute', M: 'attribute', N: 'normalization', '*': 'equivalence' }[kind] ?? 'unrecognised';
    problems.push(`${count} ${what} line${count === 1 ? '' : 's'} (${kind}) ignored: only text-bound (T) annotations and notes are imported`);
  }
  for (const ref of notes.keys()) {
    if (!spans.has(ref)) problems.push(`a note refers to ${ref}, which is not an imported text-bound annotation; ignored`);
  }
  const annotations: ImportedAnnotation[] = [];
  for (const [id, span] of spans) {
    const own = notes.get(id) ?? [];
    annotations.push({
      article,
      start: span.start,
      end: span.end,
      exact: text.slice(span.start, span.end),
      prefix: text.slice(Math.max(0, span.start - 32), span.start),
      suffix: text.slice(span.end, span.end + 32),
      label: span.label,
      note: own.join('\n\n'),
    });
  }
  return { annotations, problems, articles: [{ article, date: null }] };
}

function readTextBound(
  fields: string[],
  line: number,
  text: string,
  offsets: ReturnType<typeof codePointOffsets>,
  problems: string[],
): { start: number; end: number; label: string } | undefined {
  const id = fields[0] ?? '';
  const skip = (why: string): undefined => {
    problems.push(`line ${line}: ${id} ${why}; skipped`);
    return undefined;
  };
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
  if (!match) return skip(`needs "${id}<TAB>Label start end<TAB>text"`);
  const [, type, spanList] = match as unknown as [string, string, string];
  const label = labelFromBratType(type).trim();
  if (label === '') return skip('has an empty label');
  const fragments: [number, number][] = [];
  for (const pair of spanList.split(';')) {
    const [s, e] = pair.split(' ').map(Number) as [number, number];
    const start = offsets.toUtf16(s);
    const end = offsets.toUtf16(e);
    if (start < 0 || end < 0) return skip(`has offsets ${s}-${e} past the end of the text (${offsets.length} characters)`);
    if (start >= end) return skip(`has an empty or reversed span ${s}-${e}`);
    fragments.push([start, end]);
  }
  fragments.sort((a, b) => a[0] - b[0]);
  const start = fragments[0]?.[0] ?? 0;
  const end = fragments.reduce((max, f) => Math.max(max, f[1]), start);
  const covered = fields.length >= 3 ? fields.slice(2).join('\t') : undefined;
  const expected = fragments.map(([s, e]) => text.slice(s, e)).join(' ');
  if (fragments.length > 1) {
    const gaps = fragments.slice(1).map(([s], i) => text.slice((fragments[i] as [number, number])[1], s));
    if (gaps.some((gap) => /\S/.test(gap))) {
      problems.push(`line ${line}: ${id} is discontinuous (${spanList}); imported as the covering span ${offsets.toCodePoint(start)}-${offsets.toCodePoint(end)}`);
    }
  }
  if (covered === undefined || covered === expected) return { start, end, label };
  // The text moved under the annotation: look for the covered text nearest to where it was.
  if (fragments.length === 1) {
    const found = findQuote(text, covered, '', '', start);
    if (found >= 0) {
      problems.push(`line ${line}: ${id} "${shorten(covered)}" is not at ${spanList}; found at ${offsets.toCodePoint(found)}-${offsets.toCodePoint(found + covered.length)}`);
      return { start: found, end: found + covered.length, label };
    }
  }
  return skip(`says its text is "${shorten(covered)}" but the .txt has "${shorten(expected)}" there`);
}
