// The sentence around a span of an article, taken from the paragraph that holds it: never the header marker
// ("date 2021-08-15 …") nor text of a neighbouring paragraph. Hovers, reports and quotes show it.
import type { Article, TextSpan } from './articleModel';
import { splitSentences } from './sentences';

/** Longest sentence context shown; longer ones are cut at word boundaries around the span, with "…". */
export const MAX_SENTENCE_CHARS = 320;

/** Source span of the sentence(s) covering [start, end); undefined when the span is not in a shown paragraph (the dateline marker). */
export function sentenceSpanAround(article: Article, start: number, end: number): TextSpan | undefined {
  const paragraph = article.paragraphs.find((p) => p.start <= start && start < p.end);
  if (!paragraph || paragraph.kind === 'dateline') return undefined;
  const sentences = splitSentences(article.text, paragraph.start, paragraph.end);
  const first = sentences.find((s) => start < s.end) ?? paragraph;
  const last = sentences.find((s) => Math.min(end, paragraph.end) <= s.end) ?? first;
  return { start: Math.min(first.start, start), end: Math.max(last.end, Math.min(end, paragraph.end)) };
}

/**
 * A window of about `chars` characters either side of [start, end), kept inside the shown paragraph that holds the
 * span: a mention in the headline never shows the header marker before it ("date 2021-08-15 …"), nor the end of the
 * previous paragraph. `cutBefore` / `cutAfter` say whether text of that paragraph was left out (show "…").
 */
export function contextWindow(article: Article, start: number, end: number, chars: number): { from: number; to: number; cutBefore: boolean; cutAfter: boolean } {
  const paragraph = article.paragraphs.find((p) => p.start <= start && start < p.end && p.kind !== 'dateline');
  const lower = paragraph ? paragraph.start : 0;
  const upper = paragraph ? Math.max(paragraph.end, end) : article.text.length;
  const from = Math.max(lower, Math.min(start, start - chars));
  const to = Math.min(upper, end + chars);
  return { from, to, cutBefore: from > lower, cutAfter: to < upper };
}

/** The source range shown for the sentence around [start, end): the sentence, cut at word boundaries around the span to `maxChars`. */
function shownWindow(article: Article, start: number, end: number, maxChars: number): { from: number; to: number; span: TextSpan } {
  const span = sentenceSpanAround(article, start, end) ?? { start, end };
  let from = span.start;
  let to = span.end;
  if (to - from > maxChars) {
    const room = Math.max(0, maxChars - (end - start));
    from = Math.max(span.start, start - Math.floor(room / 2));
    to = Math.min(span.end, from + Math.max(maxChars, end - from));
    from = Math.max(span.start, Math.min(from, to - maxChars));
    // cut at word boundaries, never inside the span
    while (from > span.start && from < start && !/\s/.test(article.text[from - 1]!)) from++;
    while (to < span.end && to > end && !/\s/.test(article.text[to]!)) to--;
  }
  return { from, to, span };
}

/** The sentence around [start, end) as one line of text, shortened around the span to `maxChars`; the span itself when it has none. */
export function sentenceTextAround(article: Article, start: number, end: number, maxChars = MAX_SENTENCE_CHARS): string {
  const { from, to, span } = shownWindow(article, start, end, maxChars);
  const text = article.text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > span.start ? '…' : ''}${text}${to < span.end ? '…' : ''}`;
}

/** The one-line sentence around [start, end) in three parts, so the span can be set apart (a report bolds it). */
export interface SentenceParts {
  /** The sentence before the span ("…" first when cut). */
  readonly before: string;
  /** The span's own text, white space flattened. */
  readonly span: string;
  /** The sentence after the span ("…" last when cut). */
  readonly after: string;
}

/** sentenceTextAround's sentence, split at the span (the span's white space flattened like the rest). */
export function sentencePartsAround(article: Article, start: number, end: number, maxChars = MAX_SENTENCE_CHARS): SentenceParts {
  const { from, to, span } = shownWindow(article, start, end, maxChars);
  const flat = (text: string): string => text.replace(/\s+/g, ' ');
  return {
    before: `${from > span.start ? '…' : ''}${flat(article.text.slice(from, Math.max(from, start))).trimStart()}`,
    span: flat(article.text.slice(start, end)),
    after: `${flat(article.text.slice(Math.min(end, to), to)).trimEnd()}${to < span.end ? '…' : ''}`,
  };
}
