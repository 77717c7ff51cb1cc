// Quotation marks paired into quoted spans, paragraph by paragraph: curly and straight double marks, single marks
// that open and close a quote (never an apostrophe inside or at the end of a word), a quote split by its attribution
// (two spans), and a quote that runs on over a paragraph break (one span per paragraph when the next paragraph
// reopens it, else one span up to the closing mark).
import type { TextSpan } from '../article/articleModel';

export interface MarkedSpan {
  /** The opening mark's offset. */
  readonly open: number;
  /** The closing mark's offset, or the paragraph end when the quote is left open. */
  readonly close: number;
  /** The quoted words, trimmed of whitespace: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly single: boolean;
  /** False when the paragraph ended before a closing mark. */
  readonly closed: boolean;
}

const DOUBLE_OPENERS = '“„«';
const DOUBLE_CLOSERS = '”»';
const SPACE = /\s/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Paragraphs: non-empty lines (a blank line or a single line break both end one), trimmed. */
export function paragraphsOf(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const re = /[^\r\n]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && SPACE.test(text[start]!)) start++;
    while (end > start && SPACE.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

function isDoubleMark(c: string): boolean {
  return c === '"' || DOUBLE_OPENERS.includes(c) || DOUBLE_CLOSERS.includes(c);
}

/** Whether a straight mark at `i` can open a quote: nothing word-like just before it, something just after it. */
function canOpen(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1]! : ' ';
  const after = text[i + 1] ?? ' ';
  return !WORD_CHAR.test(before) && !SPACE.test(after);
}

/** Whether a mark at `i` can close a quote: something before it, no word character right after it. */
function canClose(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1]! : ' ';
  const after = text[i + 1] ?? ' ';
  return !SPACE.test(before) && !WORD_CHAR.test(after);
}

/** The first double mark in a paragraph, and whether it reads as an opening mark. */
function firstDoubleMark(text: string, paragraph: TextSpan): { at: number; opens: boolean } | undefined {
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const c = text[i]!;
    if (!isDoubleMark(c)) continue;
    if (DOUBLE_OPENERS.includes(c)) return { at: i, opens: true };
    if (DOUBLE_CLOSERS.includes(c)) return { at: i, opens: false };
    return { at: i, opens: canOpen(text, i) && !(canClose(text, i) && i > paragraph.start) };
  }
  return undefined;
}

function trimmed(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  let end = to;
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Every double-quoted span of the text, in order, and single-quoted spans outside them. */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const paragraphs = paragraphsOf(text);
  const spans: MarkedSpan[] = [];
  let open = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    const doubles: MarkedSpan[] = [];
    const add = (openAt: number, closeAt: number, closed: boolean): void => {
      const { start, end } = trimmed(text, openAt + 1, closeAt);
      if (end > start) doubles.push({ open: openAt, close: closeAt, start, end, single: false, closed });
    };
    for (let i = paragraph.start; i < paragraph.end; i++) {
      const c = text[i]!;
      if (!isDoubleMark(c)) continue;
      if (open < 0) {
        if (DOUBLE_OPENERS.includes(c) || (c === '"' && canOpen(text, i))) open = i;
        continue;
      }
      if (DOUBLE_CLOSERS.includes(c) || c === '"') {
        add(open, i, true);
        open = -1;
      } else if (DOUBLE_OPENERS.includes(c) && !canClose(text, i)) {
        // a second opening mark: the first was never closed, so it was not a quote mark
        open = i;
      }
    }
    if (open >= 0) {
      const next = paragraphs[p + 1];
      const mark = next ? firstDoubleMark(text, next) : undefined;
      // runs on into the next paragraph only when that paragraph closes it before opening anything
      if (!(mark && !mark.opens)) {
        add(open, paragraph.end, false);
        open = -1;
      }
    }
    for (const span of doubles) spans.push(span);
    for (const span of singleQuoted(text, paragraph, doubles)) spans.push(span);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Single-quoted spans of one paragraph outside its double-quoted spans: ‘…’ or '…' that are not apostrophes. */
function singleQuoted(text: string, paragraph: TextSpan, doubles: readonly MarkedSpan[]): MarkedSpan[] {
  const result: MarkedSpan[] = [];
  const inside = (i: number): boolean => doubles.some((d) => i >= d.open && i <= d.close);
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const c = text[i]!;
    if ((c !== '‘' && c !== "'") || inside(i) || !canOpen(text, i)) continue;
    const limit = Math.min(paragraph.end, i + 400);
    for (let j = i + 1; j < limit; j++) {
      const d = text[j]!;
      if (isDoubleMark(d)) break;
      if ((d === '’' || d === "'") && canClose(text, j) && !(text[j - 1] === 's' && text[j + 1] === ' ' && WORD_CHAR.test(text[j + 2] ?? ''))) {
        const { start, end } = trimmed(text, i + 1, j);
        if (end > start) result.push({ open: i, close: j, start, end, single: true, closed: true });
        i = j;
        break;
      }
    }
  }
  return result;
}
