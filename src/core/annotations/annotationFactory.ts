// Builds and edits annotations: the only place that turns a span of source text into position and quote selectors.
import type { Annotation, NoteReply, PositionSelector, QuoteSelector } from './annotationModel';

/** Characters of context kept on each side of the quote, used to re-find it after outside changes. */
export const QUOTE_CONTEXT_LENGTH = 32;

export interface NewAnnotation {
  readonly article: string;
  /** The article's current source text; start/end are UTF-16 offsets into it, end exclusive. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly note?: string;
  readonly origin?: Annotation['origin'];
  /** Clock, for tests; defaults to the current time. */
  readonly now?: Date;
  /** Id, for imports that keep their own; defaults to a random UUID. */
  readonly id?: string;
}

export interface AnnotationChanges {
  readonly label?: string;
  readonly note?: string;
  /** A new span; `text` must then be given so the quote selector follows it. */
  readonly position?: PositionSelector;
  /** The note's replies, all of them (an empty list removes them). */
  readonly replies?: readonly NoteReply[];
}

/** Throws a RangeError unless 0 <= start < end <= text.length (integers). */
export function checkSpan(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Invalid span [${start}, ${end}) for a text of ${text.length} characters`);
  }
}

/** The quote selector for [start, end) in text: the exact text and up to QUOTE_CONTEXT_LENGTH characters either side. */
export function quoteAt(text: string, start: number, end: number, contextLength = QUOTE_CONTEXT_LENGTH): QuoteSelector {
  // context edges never split a surrogate pair, so exported prefixes and suffixes stay valid text
  let from = Math.max(0, start - contextLength);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from++;
  let to = Math.min(text.length, end + contextLength);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return { exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

export function createAnnotation(input: NewAnnotation): Annotation {
  checkSpan(input.text, input.start, input.end);
  const label = input.label.trim();
  if (label === '') throw new RangeError('An annotation needs a label');
  const stamp = (input.now ?? new Date()).toISOString();
  return {
    id: input.id ?? globalThis.crypto.randomUUID(), // Web Crypto: the same in Node, the CLI and a browser host
    article: input.article,
    label,
    note: input.note ?? '',
    position: { start: input.start, end: input.end },
    quote: quoteAt(input.text, input.start, input.end),
    status: 'anchored',
    created: stamp,
    modified: stamp,
    origin: input.origin ?? 'user',
  };
}

/**
 * A copy of `annotation` with the changes applied and `modified` bumped.
 * A new position needs the article's text: the quote follows it and an orphan becomes anchored again.
 */
export function updateAnnotation(annotation: Annotation, changes: AnnotationChanges, text?: string, now?: Date): Annotation {
  let { position, quote, status } = annotation;
  if (changes.position) {
    if (text === undefined) throw new TypeError('updateAnnotation: moving an annotation needs the article text');
    checkSpan(text, changes.position.start, changes.position.end);
    position = { start: changes.position.start, end: changes.position.end };
    quote = quoteAt(text, position.start, position.end);
    status = 'anchored';
  }
  let label = annotation.label;
  if (changes.label !== undefined) {
    label = changes.label.trim();
    if (label === '') throw new RangeError('An annotation needs a label');
  }
  const replies = changes.replies ?? annotation.replies ?? [];
  const rest: Annotation = { ...annotation };
  delete (rest as { replies?: unknown }).replies;
  return {
    ...rest,
    ...(replies.length > 0 ? { replies: replies.map((r) => ({ body: r.body, created: r.created })) } : {}),
    label,
    note: changes.note ?? annotation.note,
    position,
    quote,
    status,
    modified: laterStamp(annotation.modified, now ?? new Date()),
  };
}

/** An ISO stamp for `now`, never earlier than the previous one (clocks go back; `modified` must not). */
function laterStamp(previous: string, now: Date): string {
  const stamp = now.toISOString();
  const before = Date.parse(previous);
  return Number.isNaN(before) || stamp > previous ? stamp : new Date(before + 1).toISOString();
}
