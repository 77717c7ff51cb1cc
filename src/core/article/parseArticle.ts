// Raw article text -> Article: title, dateline, source, licence and readable paragraphs, all as spans of the text.
//
// Where the text has line breaks, each blank-line-separated block is a paragraph when its lines are hard-wrapped,
// otherwise each line is. A long block (a whole article flattened onto one line) is split at sentence boundaries:
// at runs of two or more spaces (the original paragraph breaks), around run-in subheadings found by their form,
// around the closing licence sentence, and otherwise every few sentences. Linear in the length of the text.
import { detectArticleDate, fileDateMatters, yearlessDateline, type ArticleDateOptions } from './articleDate';
import type { Article, ArticleDate, Paragraph, ParagraphKind, QuotedSpan, TextSpan } from './articleModel';
import { lastIndexOfWithin } from './boundedSearch';
import { SENTENCE_STARTERS, splitSentences } from './sentences';
import { countWordsIn } from './wordCount';
import { commonPrefixLength, commonSuffixLength } from '../text/textDifference';

/** A block longer than this is re-split into paragraphs of a few sentences. */
const LONG_BLOCK = 1200;
/** Paragraphs grow to about this many characters (or three sentences) before a new one starts. */
const PARAGRAPH_TARGET = 300;
const PARAGRAPH_MAX = 900;
/** A text without sentence punctuation is still cut into pieces of at most this size, at spaces. */
const PIECE_MAX = 2000;
const TITLE_MAX_CHARS = 200;
const HEADING_MAX_WORDS = 14;
const HEADING_MIN_WORDS = 3;

const SPACE = /\s/;

interface Unit extends TextSpan {
  kind: 'sentence' | 'heading' | 'licence';
  /** The text before it shows a paragraph break (two or more spaces, a line break). */
  breakBefore: boolean;
}

export function parseArticle(text: string, options: ArticleDateOptions = {}): Article {
  return parseReusing(text, options, undefined);
}

/**
 * What a parse keeps for the next parse of an edited text: each piece (a raw paragraph) whose paragraphs depend on its
 * own text alone, with those paragraphs (offsets relative to the piece) and their word count.
 */
interface PieceResults {
  readonly text: string;
  /** By the piece's start offset. */
  readonly pieces: ReadonlyMap<number, { readonly end: number; readonly paragraphs: readonly Paragraph[]; readonly words: number }>;
}

const reusable = new WeakMap<Article, PieceResults>();

/**
 * The pieces of `previous` that an edit left as they were: inside the text both share before the first difference or
 * after the last one. Their paragraphs are taken over (moved), the rest is parsed: the same result as parseArticle,
 * at the cost of the edited pieces (a unit test holds the two equal over random edits).
 */
function unchangedPieces(previous: PieceResults | undefined, text: string): ((piece: TextSpan) => { readonly paragraphs: readonly Paragraph[]; readonly words: number; readonly shift: number } | undefined) | undefined {
  if (!previous) return undefined;
  const old = previous.text;
  const prefix = commonPrefixLength(old, text);
  if (prefix === old.length && prefix === text.length) return (piece) => found(piece.start, piece.end, 0);
  const suffix = commonSuffixLength(old, text, prefix);
  const delta = text.length - old.length;
  function found(start: number, end: number, shift: number): { paragraphs: readonly Paragraph[]; words: number; shift: number } | undefined {
    const hit = previous!.pieces.get(start - shift);
    return hit && hit.end === end - shift ? { paragraphs: hit.paragraphs, words: hit.words, shift } : undefined;
  }
  return (piece) => {
    // a piece wholly inside the shared start (or end) has the same text in both, and the whitespace around it too
    if (piece.end < prefix) return found(piece.start, piece.end, 0);
    if (piece.start > text.length - suffix) return found(piece.start, piece.end, delta);
    return undefined;
  };
}

function parseReusing(text: string, options: ArticleDateOptions, previous: PieceResults | undefined): Article {
  const reuse = unchangedPieces(previous, text);
  const kept = new Map<number, { end: number; paragraphs: Paragraph[]; words: number }>();
  const date = detectArticleDate(text, options);
  const pieces = rawParagraphs(text);
  const paragraphs: Paragraph[] = [];
  let title: QuotedSpan | undefined;

  let first = 0;
  const header = date?.form === 'header' ? pieces[0] : undefined;
  if (header && date && date.start >= header.start && date.end <= header.end) {
    // "date 2021-08-15 Headline…": the dateline is the header up to the date, the rest of the line the title.
    paragraphs.push({ start: header.start, end: date.end, kind: 'dateline' });
    const rest = trimSpan(text, date.end, header.end);
    // On a flattened article the headline is only the first sentence of the rest of the line.
    const headline = rest && rest.end - rest.start > TITLE_MAX_CHARS ? splitSentences(text, rest.start, rest.end)[0] : rest;
    if (rest && headline && headline.end - headline.start <= TITLE_MAX_CHARS) {
      title = quote(text, headline);
      paragraphs.push({ ...headline, kind: 'title' });
      const body = trimSpan(text, headline.end, rest.end);
      pieces.splice(0, 1, ...(body ? [body] : []));
    } else {
      pieces.splice(0, 1, ...(rest ? [rest] : []));
    }
  } else if (pieces.length > 1 && isTitleLine(text, pieces[0]!, pieces[1]!, date)) {
    const span = markdownHeadingText(text, pieces[0]!);
    title = quote(text, span);
    paragraphs.push({ ...span, kind: 'title' });
    first = 1;
  }

  const licenceZone = Math.max(first, pieces.length - 3);
  /** Word counts of the paragraphs of the pieces taken over; the others are counted below. */
  let reusedWords = 0;
  const counted: boolean[] = [];
  for (let i = first; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const holdsDateline = date?.form === 'dateline' && date.start >= piece.start && date.end <= piece.end;
    // a piece past the first two, outside the licence zone and without the dateline: its paragraphs are its text's alone
    const plain = i >= 2 && i < licenceZone && !holdsDateline;
    const taken = plain ? reuse?.(piece) : undefined;
    if (taken) {
      const at = paragraphs.length;
      for (const p of taken.paragraphs) paragraphs.push(taken.shift === 0 ? p : { start: p.start + taken.shift, end: p.end + taken.shift, kind: p.kind });
      for (let k = at; k < paragraphs.length; k++) counted[k] = true;
      reusedWords += taken.words;
      kept.set(piece.start, { end: piece.end, paragraphs: paragraphs.slice(at), words: taken.words });
      continue;
    }
    const at = paragraphs.length;
    if (holdsDateline) {
      paragraphs.push({ ...piece, kind: 'dateline' });
    } else if (isMarkdownHeading(text, piece) || (i > first && isStandaloneHeading(text, piece))) {
      paragraphs.push({ ...markdownHeadingText(text, piece), kind: 'heading' });
    } else if (piece.end - piece.start > LONG_BLOCK) {
      for (const part of splitLongBlock(text, piece, i >= licenceZone)) paragraphs.push(part);
    } else {
      for (const part of splitTrailingLicence(text, piece, i >= licenceZone)) paragraphs.push(part);
    }
    if (plain) {
      const own = paragraphs.slice(at);
      let words = 0;
      for (const p of own) words += countWordsIn(text, p.start, p.end);
      for (let k = at; k < paragraphs.length; k++) counted[k] = true;
      reusedWords += words;
      kept.set(piece.start, { end: piece.end, paragraphs: own, words });
    }
  }

  // A flattened article may open with a run-in headline: that is its title.
  if (title === undefined && first === 0 && paragraphs[0]?.kind === 'heading' && paragraphs.length > 1) {
    paragraphs[0] = { ...paragraphs[0], kind: 'title' };
    title = quote(text, paragraphs[0]);
  }

  const licenceParagraph = paragraphs.find((p) => p.kind === 'licence');
  const licence = licenceParagraph ? quote(text, licenceParagraph) : undefined;
  const source = findSource(text, licence, paragraphs);
  const yearless = date ? undefined : yearlessDateline(text, options);
  let wordCount = reusedWords;
  // the paragraphs of the pieces not kept (the first ones, the licence zone, the dateline's; a title moved out of them)
  paragraphs.forEach((p, k) => {
    if (!counted[k] && p.kind !== 'dateline') wordCount += countWordsIn(text, p.start, p.end);
  });
  const parsed: Article = { text, title, date, source, licence, paragraphs, wordCount };
  const article = yearless ? { ...parsed, yearlessDateline: yearless } : parsed;
  reusable.set(article, { text, pieces: kept });
  return article;
}

/** How many recent parses parsedArticle() keeps. */
const RECENT_PARSES = 4;
const recentParses: { readonly text: string; readonly fileDate: string | undefined; readonly article: Article }[] = [];

/**
 * parseArticle, remembered for the last few texts: the reading view, its header, the Outline, hovers and the Entities
 * view all ask for the parse of the same text, and on a large article each parse is a stall of the editor's host.
 */
export function parsedArticle(text: string, given: ArticleDateOptions = {}): Article {
  // The options change a parse only through the article's date (detected, or the yearless dateline): where the file's
  // date cannot change it, one parse serves the callers that pass it (the reading view) and those that do not (the
  // Outline, hovers), where each parsed the megabyte again after every pause in typing.
  const options = given.fileDate !== undefined && !fileDateMatters(text) ? {} : given;
  const index = recentParses.findIndex((p) => p.fileDate === options.fileDate && p.text.length === text.length && p.text === text);
  if (index >= 0) {
    const [hit] = recentParses.splice(index, 1);
    recentParses.unshift(hit!);
    return hit!.article;
  }
  // the newest parse with the same options is the one the text was most likely edited from: its unchanged pieces are kept
  const base = recentParses.find((p) => p.fileDate === options.fileDate);
  const article = parseReusing(text, options, base ? reusable.get(base.article) : undefined);
  recentParses.unshift({ text, fileDate: options.fileDate, article });
  recentParses.length = Math.min(recentParses.length, RECENT_PARSES);
  return article;
}

/** Paragraph candidates from the line structure: hard-wrapped blocks whole, other blocks line by line. */
function rawParagraphs(text: string): TextSpan[] {
  const pieces: TextSpan[] = [];
  let block: TextSpan[] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    if (isHardWrapped(text, block)) pieces.push({ start: block[0]!.start, end: block[block.length - 1]!.end });
    else for (const line of block) pieces.push(line); // not a push spreading the block: a block can hold more lines than the stack has room for arguments
    block = [];
  };
  // Lines end at LF, CRLF or a lone CR (classic Mac files).
  const lineBreak = /\r\n?|\n/g;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    const line = trimSpan(text, lineStart, lineEnd);
    if (line) block.push(line);
    else flush();
    lineStart = m ? m.index + m[0].length : text.length + 1;
  }
  flush();
  return pieces;
}

/** Lines of typewriter length that mostly run on without terminal punctuation. */
function isHardWrapped(text: string, lines: readonly TextSpan[]): boolean {
  if (lines.length < 2) return false;
  let runOn = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    if (line.end - line.start < 30 || line.end - line.start > 100) return false;
    if (!/[.!?”"’:]/.test(text[line.end - 1]!)) runOn++;
  }
  return runOn >= (2 * (lines.length - 1)) / 3;
}

function isTitleLine(text: string, piece: TextSpan, next: TextSpan, date: ArticleDate | undefined): boolean {
  if (piece.end - piece.start > TITLE_MAX_CHARS) return false;
  if (isMarkdownHeading(text, piece)) return true;
  if (date?.form === 'dateline' && date.start >= next.start && date.start < next.end) return true;
  const last = text[piece.end - 1]!;
  return !/[.,;:]/.test(last) && wordsIn(text, piece) <= 30;
}

/** A short line without terminal punctuation between paragraphs: a subheading. */
function isStandaloneHeading(text: string, piece: TextSpan): boolean {
  if (piece.end - piece.start > 120 || /[.,;:!?”"’'…)\]-]/.test(text[piece.end - 1]!)) return false;
  const words = wordsIn(text, piece);
  return words >= 1 && words <= HEADING_MAX_WORDS && /^\p{Lu}/u.test(text[piece.start]!);
}

function isMarkdownHeading(text: string, piece: TextSpan): boolean {
  return /^#{1,6}[ \t]+\S/.test(text.slice(piece.start, piece.start + 9));
}

/** The words of a markdown heading without its leading #s. */
function markdownHeadingText(text: string, piece: TextSpan): TextSpan {
  const m = /^#{1,6}[ \t]+/.exec(text.slice(piece.start, piece.start + 9));
  return m ? { start: piece.start + m[0].length, end: piece.end } : piece;
}

/** A normal-length paragraph, with its closing licence sentence (near the end of the article) split off. */
function splitTrailingLicence(text: string, piece: TextSpan, inLicenceZone: boolean): Paragraph[] {
  if (!inLicenceZone) return [{ ...piece, kind: 'body' }];
  const sentences = splitSentences(text, piece.start, piece.end);
  let firstLicence = sentences.length;
  while (firstLicence > 0 && isLicenceSentence(text, sentences[firstLicence - 1]!)) firstLicence--;
  if (firstLicence === sentences.length) return [{ ...piece, kind: 'body' }];
  const result: Paragraph[] = [];
  if (firstLicence > 0) result.push({ start: piece.start, end: sentences[firstLicence - 1]!.end, kind: 'body' });
  result.push({ start: sentences[firstLicence]!.start, end: piece.end, kind: 'licence' });
  return result;
}

function splitLongBlock(text: string, piece: TextSpan, inLicenceZone: boolean): Paragraph[] {
  const units = unitsOf(text, piece);
  if (inLicenceZone) {
    for (let i = units.length - 1; i >= Math.max(0, units.length - 3) && units[i]!.kind === 'sentence' && isLicenceSentence(text, units[i]!); i--) {
      units[i]!.kind = 'licence';
    }
  }
  const paragraphs: Paragraph[] = [];
  let open: Unit[] = [];
  const close = (): void => {
    if (open.length === 0) return;
    const kind: ParagraphKind = open[0]!.kind === 'sentence' ? 'body' : open[0]!.kind;
    paragraphs.push({ start: open[0]!.start, end: open[open.length - 1]!.end, kind });
    open = [];
  };
  for (const unit of units) {
    const previous = open[open.length - 1];
    if (previous !== undefined) {
      const length = previous.end - open[0]!.start;
      const kindChanges = unit.kind !== previous.kind || unit.kind === 'heading';
      const full = (open.length >= 3 && length >= PARAGRAPH_TARGET) || length + (unit.end - unit.start) > PARAGRAPH_MAX;
      if (kindChanges || unit.breakBefore || (full && !insideQuotation(text, open[0]!.start, previous.end, length))) close();
    }
    open.push(unit);
  }
  close();
  return paragraphs;
}

/** Sentences (and run-in headings) of a long block, each knowing whether the source breaks before it. */
function unitsOf(text: string, piece: TextSpan): Unit[] {
  const sentences = splitSentences(text, piece.start, piece.end).flatMap((s) => cutLongSpan(text, s));
  const gaps = sentences.slice(1).map((s, i) => gapIsBreak(text, sentences[i]!.end, s.start));
  // Two spaces after every sentence is a typing habit, not paragraphing: use them only when they are the exception.
  const useGaps = gaps.filter(Boolean).length <= gaps.length * 0.6;
  const units: Unit[] = [];
  sentences.forEach((s, i) => {
    const breakBefore = i > 0 && useGaps && gaps[i - 1]!;
    const headingEnd = runInHeadingEnd(text, s);
    if (headingEnd === undefined) {
      units.push({ ...s, kind: 'sentence', breakBefore });
      return;
    }
    units.push({ start: s.start, end: headingEnd, kind: 'heading', breakBefore: true });
    const rest = trimSpan(text, headingEnd, s.end)!;
    units.push({ ...rest, kind: 'sentence', breakBefore: true });
  });
  return units;
}

function gapIsBreak(text: string, end: number, start: number): boolean {
  return start - end >= 2 || /[\r\n]/.test(text.slice(end, start));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A sentence longer than PIECE_MAX (no punctuation for pages) is cut at spaces so views stay usable. */
function cutLongSpan(text: string, span: TextSpan): TextSpan[] {
  if (span.end - span.start <= PIECE_MAX) return [span];
  const pieces: TextSpan[] = [];
  let start = span.start;
  while (span.end - start > PIECE_MAX) {
    // the last space of this piece only: a piece without one must not search back through the text before it
    let cut = lastIndexOfWithin(text, ' ', start + 1, start + PIECE_MAX + 1);
    if (cut < 0) {
      cut = start + PIECE_MAX;
      // Never between the two halves of a surrogate pair (an emoji, a CJK extension character).
      if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
    }
    const piece = trimSpan(text, start, cut);
    if (piece) pieces.push(piece);
    start = cut;
  }
  const last = trimSpan(text, start, span.end);
  if (last) pieces.push(last);
  return pieces;
}

/** Whether a paragraph ending at `end` leaves a quotation open (so a length break would cut a quote in two). */
function insideQuotation(text: string, start: number, end: number, length: number): boolean {
  if (length > PARAGRAPH_MAX * 1.5) return false;
  let curly = 0;
  let straight = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '“') curly++;
    else if (c === '"') straight++;
    // Mixed quoting ("… anticipated,” he said) closes whichever quotation is open.
    else if (c === '”' && curly > 0) curly--;
    else if (c === '”' && straight % 2 === 1) straight++;
  }
  return curly > 0 || straight % 2 === 1;
}

const LINKING_WORDS = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'and', 'or', 'but', 'as', 'that',
  'which', 'who', 'whose', 'than', 'into', 'onto', 'about', 'between', 'said', 'says', 'told', 'added', 'is', 'are',
  'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'its', 'his', 'her', 'their', 'our', 'my',
]);
const STOP_WORDS = new Set([...LINKING_WORDS, 'after', 'before', 'over', 'under', 'not', 'this', 'these', 'those', 'also']);
const TITLE_WORDS = /^(?:President|Minister|Secretary|Chairman|Chancellor|Governor|Senator|General|Gen|Mr|Mrs|Ms|Dr|Prime|King|Queen|Prince|Sheikh|Spokesman|Spokeswoman)\.?$/;

/**
 * Where a run-in subheading at the start of `sentence` ends ("Karzai calls for calm The former president said …"),
 * or undefined. A heading is 3-14 words without punctuation or "the", followed by a capitalised sentence start,
 * whose content words the following sentence repeats (a headline summarises the paragraph it opens).
 */
function runInHeadingEnd(text: string, sentence: TextSpan): number | undefined {
  if (!/^[\p{Lu}\p{N}]/u.test(text[sentence.start]!)) return undefined;
  const words: { start: number; end: number; word: string }[] = [];
  const pattern = /\S+/g;
  pattern.lastIndex = sentence.start;
  for (let m = pattern.exec(text); m !== null && m.index < sentence.end && words.length < HEADING_MAX_WORDS + 60; m = pattern.exec(text)) {
    words.push({ start: m.index, end: Math.min(m.index + m[0].length, sentence.end), word: m[0] });
  }
  let best: { end: number; score: number } | undefined;
  const heading = new Set<string>();
  for (let k = 1; k <= Math.min(HEADING_MAX_WORDS, words.length - 5); k++) {
    const last = words[k - 1]!.word;
    if (!headlineWord(last)) break;
    const key = contentKey(last);
    if (key) heading.add(key);
    if (k < HEADING_MIN_WORDS) continue;
    const next = words[k]!.word;
    if (!/^\p{Lu}/u.test(next) || LINKING_WORDS.has(last.toLowerCase()) || TITLE_WORDS.test(last)) continue;
    const starter = SENTENCE_STARTERS.has(next);
    const rest = new Set<string>();
    for (const w of words.slice(k)) {
      const restKey = contentKey(w.word);
      if (restKey) rest.add(restKey);
    }
    let matched = 0;
    for (const h of heading) if (rest.has(h)) matched++;
    const share = heading.size === 0 ? 0 : matched / heading.size;
    const accepted = starter ? matched >= 1 && share >= 0.3 : matched >= 3 && share >= 0.6;
    const score = matched + (starter ? 1 : 0);
    if (accepted && (best === undefined || score > best.score)) best = { end: words[k - 1]!.end, score };
  }
  return best?.end;
}

/** A word that can stand inside a headline: no clause punctuation, no double quotes, not "the". */
function headlineWord(word: string): boolean {
  if (/^the$/i.test(word) || /[“”"]/.test(word)) return false;
  if (/[,;:!?…]$/.test(word)) return false;
  // Periods only inside abbreviations ("U.S.", "Gen.").
  return !/\.$/.test(word) || /^(?:\p{L}\.)+$/u.test(word) || TITLE_WORDS.test(word);
}

/** A comparable stem of a content word, or '' for function words and short tokens. */
function contentKey(word: string): string {
  const bare = word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/, '');
  if (bare.length < 3 || STOP_WORDS.has(bare)) return '';
  return bare.slice(0, 5);
}

const LICENCE_FORM = /\blicen[cs]ed under\b|\bCreative Commons\b|\ball rights reserved\b|^(?:©|\(c\)\s|copyright\b)/i;

function isLicenceSentence(text: string, span: TextSpan): boolean {
  return span.end - span.start <= 400 && LICENCE_FORM.test(text.slice(span.start, span.end));
}

/** The publisher the text names: in its licence line, a "Source:" line, a wire dateline "(Reuters)", or "© X". */
function findSource(text: string, licence: QuotedSpan | undefined, paragraphs: readonly Paragraph[]): QuotedSpan | undefined {
  if (licence) {
    const by = /\b(?:content|contents|articles?|material|text|works?|stor(?:y|ies)|photos?|this \w+)\s+(?:by|from|of|©)\s+(?:the\s+)?(\p{Lu}.{1,80}?)\s+(?:is|are)\s+(?:licen[cs]ed|published|available|distributed)\b/iu.exec(licence.text);
    const spanOf = (m: RegExpExecArray): QuotedSpan => {
      const start = licence.start + m.index + m[0].indexOf(m[1]!);
      return quote(text, { start, end: start + m[1]!.length });
    };
    if (by) return spanOf(by);
    const copyright = /^(?:©|\(c\)|copyright)\s*©?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(\p{Lu}[^.,]{1,80}?)(?:[.,]|\s+all rights reserved|$)/iu.exec(licence.text);
    if (copyright) return spanOf(copyright);
  }
  const zone = [...paragraphs.slice(0, 4), ...paragraphs.slice(-4)];
  for (const p of zone) {
    const slice = text.slice(p.start, Math.min(p.end, p.start + 300));
    const sourceLine = /^(?:source|sources|via)\s*:\s*(\S[^\n]{0,80}?)\.?$/i.exec(slice);
    const wire = /^\p{Lu}[\p{Lu} .,'’-]{1,60}?(?:,\s*[^()\n]{1,40})?\s*\((\p{Lu}[\p{L} .&]{1,30})\)\s*[-–—]/u.exec(slice);
    const m = sourceLine ?? wire;
    if (m) {
      const start = p.start + m.index + (sourceLine ? m[0].indexOf(m[1]!, m[0].indexOf(':')) : m[0].lastIndexOf('(') + 1);
      return quote(text, { start, end: start + m[1]!.length });
    }
  }
  return undefined;
}


function wordsIn(text: string, span: TextSpan): number {
  return text.slice(span.start, span.end).split(/\s+/).filter((w) => w !== '').length;
}

function trimSpan(text: string, start: number, end: number): TextSpan | undefined {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

function quote(text: string, span: TextSpan): QuotedSpan {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}
