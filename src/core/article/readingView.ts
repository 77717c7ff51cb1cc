// The reading view of an article: a header (title, dateline, source, licence, word count), then every paragraph's
// exact source text separated by blank lines, with the offset map between the view and the source.
import { isCalendarDate, weekdayOf } from './articleDate';
import type { Article, ArticleDateYearSource, Paragraph, TextSpan } from './articleModel';
import { OffsetMap, type OffsetSegment } from './offsetMap';

export interface ReadingView {
  readonly text: string;
  readonly map: OffsetMap;
  /** The header block, view offsets. Only a title taken from the text is mapped in it; the rest is not source text. */
  readonly header: TextSpan;
  /** Every shown paragraph in view offsets (the title inside the header included), for styling headings and the like. */
  readonly paragraphs: readonly Paragraph[];
}

export interface ReadingViewOptions {
  /** Shown as the title when the article has none. */
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
    for (let cr = article.text.indexOf('\r', from); cr >= 0 && cr < p.end; cr = article.text.indexOf('\r', from)) {
      append(cr);
      from = cr + 1;
      if (article.text[from] !== '\n' || from >= p.end) text += '\n';
    }
    append(p.end);
    paragraphs.push({ start: viewStart, end: text.length, kind: p.kind });
  };

  const titleParagraph = article.paragraphs.find((p) => p.kind === 'title');
  if (titleParagraph) show(titleParagraph);
  else text += options.fileName;
  text += `\n${headerLine(article, options)}`;
  const header = { start: 0, end: text.length };

  for (const p of article.paragraphs) {
    if (p.kind === 'title' || p.kind === 'dateline') continue;
    text += '\n\n';
    show(p);
  }
  text += '\n';
  return { text, map: new OffsetMap(segments), header, paragraphs };
}

/** "Sunday, 15 August 2021 · Mehr News Agency · Creative Commons … License · 1,525 words" */
function headerLine(article: Article, options: ReadingViewOptions): string {
  const parts = [datelineText(article, options)];
  if (article.source) parts.push(article.source.text);
  if (article.licence) parts.push(licenceName(article.licence.text));
  parts.push(`${article.wordCount.toLocaleString('en-US')} ${article.wordCount === 1 ? 'word' : 'words'}`);
  return parts.join(' · ');
}

function datelineText(article: Article, options: ReadingViewOptions): string {
  if (typeof options.dateOverride === 'string') return `${formatDate(options.dateOverride)} (set by you)`;
  if (options.dateOverride === null) return NO_DATELINE;
  if (article.date === undefined) {
    const yearless = article.yearlessDateline;
    return yearless ? `${MONTH_NAMES[yearless.month - 1]} ${yearless.day} (year unknown) — set it with 'Set Article Date'` : NO_DATELINE;
  }
  const from = YEAR_SOURCE_NOTE[article.date.yearSource ?? 'stated'];
  return from ? `${formatDate(article.date.value)} (${from})` : formatDate(article.date.value);
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
function licenceName(statement: string): string {
  const named = /licen[cs]ed under (?:a |an |the )?(.+?)\.?$/i.exec(statement);
  if (named) return named[1]!;
  return statement.length <= 80 ? statement : `${statement.slice(0, 77).trimEnd()}…`;
}
