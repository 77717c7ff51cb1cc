// The reading view of an article: a header (title, dateline, source, licence, word count), then every paragraph's
// exact source text separated by blank lines, with the offset map between the view and the source.
import { isCalendarDate, weekdayOf } from './articleDate';
import type { Article, ArticleDateYearSource, Paragraph, TextSpan } from './articleModel';
import { displayTitle } from './articleTitle';
import { indexOfWithin } from './boundedSearch';
import { OffsetMap, type OffsetSegment } from './offsetMap';

export interface ReadingView {
  readonly text: string;
  readonly map: OffsetMap;
  /** The header block, view offsets. Only a title taken from the text is mapped in it; the rest is not source text. */
  readonly header: TextSpan;
  /** Every shown paragraph in view offsets (the title inside the header included), for styling headings and the like. */
  readonly paragraphs: readonly Paragraph[];
  /** The parts of the header's dateline line (date, source, licence, word count), view offsets, for styling and links. */
  readonly headerParts: readonly HeaderPart[];
}

export interface HeaderPart extends TextSpan {
  readonly kind: 'date' | 'source' | 'licence' | 'words';
  /** For 'date': whether it is the date the user set, none, or the one found in the text. */
  readonly dateOrigin?: 'set' | 'none' | 'text';
}

export interface ReadingViewOptions {
  /** Shown as the title when the article has no text to make one from. */
  readonly fileName: string;
  /** A date the user set (YYYY-MM-DD); null means "no date" even when one was detected; undefined uses the detected one. */
  readonly dateOverride?: string | null;
}

export const NO_DATELINE = "no dateline — set one with 'Set Article Date'";

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Title and dateline paragraphs are not repeated in the body: the title heads the header (mapped), the dateline is
 * the header's date. Every other paragraph appears once, verbatim but for its line breaks (always LF in the view), so
 * view and source offsets map linearly between line breaks.
 */
export function renderReadingView(article: Article, options: ReadingViewOptions): ReadingView {
  const segments: OffsetSegment[] = [];
  const paragraphs: Paragraph[] = [];
  let text = '';
  // Line breaks inside a paragraph (a hard-wrapped block) are shown as LF: an editor normalises a view that mixes
  // line endings, which would shift every offset after a CR. The CR of a CRLF is hidden (its LF is shown verbatim);
  // a lone CR is hidden and an unmapped LF shown in its place.
  const show = (p: Paragraph): void => {
    const viewStart = text.length;
    let from = p.start;
    const append = (to: number): void => {
      segments.push({ viewStart: text.length, sourceStart: from, length: to - from });
      text += article.text.slice(from, to);
    };
    // the paragraph's own carriage returns only: searching on to the end of the text for each paragraph is quadratic
    for (let cr = indexOfWithin(article.text, '\r', from, p.end); cr >= 0; cr = indexOfWithin(article.text, '\r', from, p.end)) {
      append(cr);
      from = cr + 1;
      if (article.text[from] !== '\n' || from >= p.end) text += '\n';
    }
    append(p.end);
    paragraphs.push({ start: viewStart, end: text.length, kind: p.kind });
  };

  const titleParagraph = article.paragraphs.find((p) => p.kind === 'title');
  if (titleParagraph) show(titleParagraph);
  // not source text, so not mapped: a title made from the headline or first sentence, else the file name
  else text += displayTitle(article) ?? options.fileName;
  text += '\n';
  const headerParts: HeaderPart[] = [];
  headerLine(article, options).forEach((part, i) => {
    if (i > 0) text += HEADER_SEPARATOR;
    headerParts.push({ start: text.length, end: text.length + part.text.length, kind: part.kind, ...(part.dateOrigin ? { dateOrigin: part.dateOrigin } : {}) });
    text += part.text;
  });
  const header = { start: 0, end: text.length };

  for (const p of article.paragraphs) {
    if (p.kind === 'title' || p.kind === 'dateline') continue;
    text += '\n\n';
    show(p);
  }
  text += '\n';
  return { text, map: new OffsetMap(segments), header, paragraphs, headerParts };
}

const HEADER_SEPARATOR = ' · ';

/** "Sunday, 15 August 2021 · Mehr News Agency · Creative Commons … License · 1,525 words", part by part. */
function headerLine(article: Article, options: ReadingViewOptions): { kind: HeaderPart['kind']; text: string; dateOrigin?: HeaderPart['dateOrigin'] }[] {
  const parts: { kind: HeaderPart['kind']; text: string; dateOrigin?: HeaderPart['dateOrigin'] }[] = [{ kind: 'date', ...datelineText(article, options) }];
  if (article.source) parts.push({ kind: 'source', text: article.source.text });
  if (article.licence) parts.push({ kind: 'licence', text: licenceName(article.licence.text) });
  parts.push({ kind: 'words', text: `${article.wordCount.toLocaleString('en-US')} ${article.wordCount === 1 ? 'word' : 'words'}` });
  return parts;
}

function datelineText(article: Article, options: ReadingViewOptions): { text: string; dateOrigin: NonNullable<HeaderPart['dateOrigin']> } {
  if (typeof options.dateOverride === 'string') return { text: `${formatDate(options.dateOverride)} (set by you)`, dateOrigin: 'set' };
  if (options.dateOverride === null) return { text: NO_DATELINE, dateOrigin: 'none' };
  if (article.date === undefined) {
    const yearless = article.yearlessDateline;
    // a month and day without a year is no date yet: the header offers Set Article Date like for none
    return { text: yearless ? `${MONTH_NAMES[yearless.month - 1]} ${yearless.day} (year unknown) — set it with 'Set Article Date'` : NO_DATELINE, dateOrigin: 'none' };
  }
  const from = YEAR_SOURCE_NOTE[article.date.yearSource ?? 'stated'];
  return { text: from ? `${formatDate(article.date.value)} (${from})` : formatDate(article.date.value), dateOrigin: 'text' };
}

/** How the header says where the year of a wire dateline without one came from. */
export const YEAR_SOURCE_NOTE: Readonly<Record<ArticleDateYearSource, string>> = {
  stated: '',
  text: 'year from the text',
  weekday: 'year from the weekday in the lead',
  'file-date': "year from the file's date",
};

/** "2021-08-15" -> "Sunday, 15 August 2021"; anything else is shown as given. */
export function formatDate(value: string): string {
  if (!isCalendarDate(value)) return value;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[weekdayOf(value)]}, ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** The licence's name ("Creative Commons Attribution 4.0 International License"), or the short statement itself. */
export function licenceName(statement: string): string {
  const named = /licen[cs]ed under (?:a |an |the )?(.+?)\.?$/i.exec(statement);
  if (named) return named[1]!;
  return statement.length <= 80 ? statement : `${statement.slice(0, 77).trimEnd()}…`;
}
