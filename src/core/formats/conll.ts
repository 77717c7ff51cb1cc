// CoNLL-2003 NER in BIO (IOB2) tags: `-DOCSTART- -X- -X- O` per article, then one `token<TAB>tag` line per token
// and a blank line after each sentence. Labels map to tags (person -> PER, place -> LOC, organization -> ORG, any
// other -> its upper-case form), configurable. Spans may not overlap here: the longest (then earliest) wins and the
// others are counted as dropped. Tokens are cut at every exported span's edges so the tags cover exactly its text.
// With `comments`, `# article = ...` and `# date = ...` lines follow each -DOCSTART- (strict CoNLL readers reject them).
import type { Annotation, ArticleInfo } from '../annotations/annotationModel';
import { groupByArticle, isPlaced } from './formatModel';

export const DEFAULT_CONLL_TAGS: Readonly<Record<string, string>> = { person: 'PER', place: 'LOC', organization: 'ORG' };

export interface ConllOptions {
  /** Label -> tag, over DEFAULT_CONLL_TAGS; labels not listed become their upper-case form. */
  readonly tags?: Readonly<Record<string, string>>;
  /** Write `# article = <file>` and `# date = <YYYY-MM-DD>` after each -DOCSTART- line. Default false. */
  readonly comments?: boolean;
}

export interface ConllToken {
  readonly text: string;
  /** UTF-16 offsets into the article text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** `O`, `B-TAG` or `I-TAG`. */
  readonly tag: string;
}

export interface ConllDocument {
  readonly article: string;
  readonly date: string | null;
  readonly sentences: readonly (readonly ConllToken[])[];
}

export interface ConllExport {
  readonly content: string;
  readonly documents: readonly ConllDocument[];
  /** Annotations left out because a longer or earlier one overlapped them. */
  readonly dropped: number;
  /** Annotations left out because they are orphaned, their position no longer selects their quote, or they cover only spaces. */
  readonly skipped: number;
}

/** The tag for a label: the mapping's, else the default's, else the label upper-cased with spaces as `_`. */
export function conllTag(label: string, tags: Readonly<Record<string, string>> = {}): string {
  const key = label.trim();
  // Own entries only: a label named "constructor" or "toString" must not find Object.prototype's members.
  const own = (table: Readonly<Record<string, string>>, name: string) => (Object.hasOwn(table, name) && typeof table[name] === 'string' ? table[name] : undefined);
  const tag = own(tags, key) ?? own(tags, key.toLowerCase()) ?? own(DEFAULT_CONLL_TAGS, key.toLowerCase()) ?? key.toUpperCase();
  return tag.replace(/\s+/g, '_') || 'MISC';
}

/**
 * One document per article given with text (articles with annotations but no text throw), in the order given.
 * Orphans and stale spans are skipped; overlapping spans resolved longest-then-earliest.
 */
export function exportConll(annotations: readonly Annotation[], articles: readonly ArticleInfo[], options: ConllOptions = {}): ConllExport {
  const documents: ConllDocument[] = [];
  let dropped = 0;
  let skipped = 0;
  for (const { info, annotations: own } of groupByArticle(annotations, articles)) {
    const text = info.text;
    if (text === undefined) {
      if (own.length === 0) continue;
      throw new Error(`CoNLL export needs the text of ${info.article}`);
    }
    const placed = own.filter((a) => isPlaced(a, text) && /\S/.test(a.quote.exact));
    skipped += own.length - placed.length;
    const kept = resolveOverlaps(placed);
    dropped += placed.length - kept.length;
    documents.push({ article: info.article, date: info.date, sentences: tagText(text, kept, options.tags ?? {}) });
  }
  const lines: string[] = [];
  for (const document of documents) {
    lines.push('-DOCSTART- -X- -X- O');
    if (options.comments) {
      lines.push(`# article = ${oneLine(document.article)}`);
      if (document.date) lines.push(`# date = ${document.date}`);
    }
    lines.push('');
    for (const sentence of document.sentences) {
      for (const token of sentence) lines.push(`${token.text}\t${token.tag}`);
      lines.push('');
    }
  }
  return { content: lines.map((line) => `${line}\n`).join(''), documents, dropped, skipped };
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** Non-overlapping spans: longest first, then earliest, then the earlier-created; the result sorted by start. */
export function resolveOverlaps(annotations: readonly Annotation[]): Annotation[] {
  const ranked = [...annotations].sort(
    (a, b) =>
      b.position.end - b.position.start - (a.position.end - a.position.start) ||
      a.position.start - b.position.start ||
      (a.created < b.created ? -1 : a.created > b.created ? 1 : 0),
  );
  // Kept spans stay sorted by start and disjoint, so only the neighbours of the insertion point can overlap.
  const kept: Annotation[] = [];
  for (const candidate of ranked) {
    const { start, end } = candidate.position;
    const at = firstStartingAtOrAfter(kept, start, (a) => a.position.start);
    const before = kept[at - 1];
    const after = kept[at];
    if ((before === undefined || before.position.end <= start) && (after === undefined || after.position.start >= end)) kept.splice(at, 0, candidate);
  }
  return kept;
}

/** Index of the first item of `sorted` (ascending by startOf) whose start is >= offset. */
function firstStartingAtOrAfter<T>(sorted: readonly T[], offset: number, startOf: (item: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(sorted[mid] as T) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly tag: string;
}

/** Sentences of tagged tokens over the whole text; `annotations` must not overlap. */
export function tagText(text: string, annotations: readonly Annotation[], tags: Readonly<Record<string, string>> = {}): ConllToken[][] {
  const spans: Span[] = annotations.map((a) => ({ ...trimSpan(text, a.position.start, a.position.end), tag: conllTag(a.label, tags) }));
  const cuts = new Set<number>();
  for (const span of spans) cuts.add(span.start).add(span.end);
  const sentences: ConllToken[][] = [];
  let spanIndex = 0;
  for (const [from, to] of sentenceRanges(text, spans)) {
    const sentence: ConllToken[] = [];
    for (const [start, end] of tokenRanges(text, from, to, cuts)) {
      while (spanIndex < spans.length && (spans[spanIndex] as Span).end <= start) spanIndex++;
      const span = spans[spanIndex];
      const inside = span !== undefined && span.start <= start && end <= span.end;
      const tag = inside ? `${start === span.start ? 'B' : 'I'}-${span.tag}` : 'O';
      sentence.push({ text: text.slice(start, end), start, end, tag });
    }
    if (sentence.length > 0) sentences.push(sentence);
  }
  return sentences;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sr jr st gen col lt sgt capt maj cmdr adm gov sen rep rev hon pres vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec no fig approx dept est'.split(' '),
);

/**
 * Sentence ranges: a line break always ends one; `.`, `!` or `?` (with closing quotes or brackets) ends one when
 * followed by space and an upper-case letter, digit or opening quote, unless it closes a known abbreviation or an
 * initial, or one of `spans` (disjoint) runs across it.
 */
export function sentenceRanges(text: string, spans: readonly { readonly start: number; readonly end: number }[] = []): [number, number][] {
  // Spans are disjoint: sorted by start, only the last one starting before the offset can contain it.
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const inSpan = (offset: number) => {
    const span = sorted[firstStartingAtOrAfter(sorted, offset, (s) => s.start) - 1];
    return span !== undefined && offset < span.end;
  };
  const breaks: number[] = [];
  const boundary = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])|\r\n|[\n\r\u2028\u2029]/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && closesAbbreviation(text, m.index)) continue;
    if (inSpan(end)) continue;
    breaks.push(end);
  }
  const ranges: [number, number][] = [];
  let from = 0;
  for (const at of [...breaks, text.length]) {
    if (/\S/.test(text.slice(from, at))) ranges.push([from, at]);
    from = at;
  }
  return ranges;
}

function closesAbbreviation(text: string, dot: number): boolean {
  const word = /[\p{L}.]*$/u.exec(text.slice(Math.max(0, dot - 20), dot))?.[0] ?? '';
  const last = word.split('.').pop() ?? '';
  // Initials and dotted abbreviations (J., U.S.), or a listed word (Mr., Gen., Jan.).
  return /^\p{Lu}$/u.test(last) || word.includes('.') || ABBREVIATIONS.has(last.toLowerCase());
}

const EMOJI = '\\p{Extended_Pictographic}[\\uFE0F\\p{Emoji_Modifier}]*';
const TOKEN = new RegExp(
  [
    '(?:\\p{Lu}\\.){2,}', // U.S.
    '\\p{N}+(?:[.,:]\\p{N}+)+', // 350,000 3.5 10:30
    "[\\p{L}\\p{M}\\p{N}]+(?:['’\\-.&][\\p{L}\\p{M}\\p{N}]+)*", // words, Mazar-i-Sharif, Afghanistan’s
    '\\p{Regional_Indicator}{2}', // flags
    `${EMOJI}(?:\\u200D${EMOJI})*`, // emoji sequences joined by ZWJ
    '\\S\\p{M}*', // any other symbol with its combining marks
  ].join('|'),
  'gu',
);

/** Token ranges inside [from, to): numbers, words (with inner apostrophes, hyphens, dots), dotted initials, emoji, single symbols; cut at `cuts`. */
export function tokenRanges(text: string, from: number, to: number, cuts: ReadonlySet<number> = new Set()): [number, number][] {
  const ranges: [number, number][] = [];
  const part = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(part); m; m = TOKEN.exec(part)) {
    const start = from + m.index;
    const end = start + m[0].length;
    let piece = start;
    for (let i = start + 1; i < end; i++) {
      if (cuts.has(i)) {
        ranges.push([piece, i]);
        piece = i;
      }
    }
    ranges.push([piece, end]);
  }
  return ranges;
}
