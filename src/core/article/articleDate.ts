// Finds the article's own date (its dateline) in its text, in the forms news files carry it.
//
// Rules, in order; the first that matches wins:
// 1. header: the text starts with `date YYYY-MM-DD` (also `Date:`, `Dated`, `Published`, and any dateline form
//    below after it); the headline may follow on the same line.
// 2. dateline: a line near the top (among the first 8 non-empty lines, starting within the first 600 characters)
//    that is only a date, optionally after "Published"/"Updated"/"Posted (on)" and before a time of day:
//    "Friday, July 21, 2017", "July 21, 2017", "21 July 2017", "Thursday 23 February 2006", "2017-07-21"; also after a
//    place in capitals, as newswire datelines put it ("OSLO 1996-08-30", "NEW YORK, March 3, 2011"); or a field of a
//    byline or place line set apart by bars or bullets ("By Jo Brisk | March 3, 2015").
// 3. wire: a paragraph near the top that opens like "KABUL, Aug 15 (Reuters) -" (see WIRE for its forms). Its year is the one it states
//    ("Aug 15, 2021"); else the single distinct year (1900-2099) written in the first 1,000 characters; else the
//    single distinct year written anywhere in the text; otherwise no date (never guessed from today's date).
// 4. run-in: a dateline running into the first sentence ("OSLO, July 21, 2015 On Tuesday …"); or, in wire copy flattened
//    onto one line, an ISO date near the top after a place in capitals ("… TAKE LEAD . LONDON 1996-08-30 All-rounder …").
// Every date is checked against the calendar (no February 30); a weekday that contradicts the date is ignored.
import type { ArticleDate, ArticleDateYearSource, YearlessDateline } from './articleModel';

const TOP_CHARS = 600;
const TOP_LINES = 8;
const WIRE_TOP_CHARS = 1000;
/** A dateline line is short; longer lines are prose and are not examined. */
const MAX_DATELINE_LINE = 90;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

/** A month's number from its English name or abbreviation, a trailing dot allowed ("Sept." is 9); undefined for none. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.replace(/\.$/, '').toLowerCase()];
}

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?\\s*,?\\s+)?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

/** The date forms a dateline may take; each yields [year, month, day] from its groups. */
const DATE_FORMS: readonly { readonly pattern: RegExp; readonly parts: (m: RegExpExecArray) => [string, string, string] }[] = [
  // a comma may stand apart, as wire archives space punctuation ("Friday , July 21 , 2017")
  { pattern: new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY}\\s*,?\\s+${YEAR}`, 'i'), parts: (m) => [m[3]!, m[1]!, m[2]!] },
  { pattern: new RegExp(`^${WEEKDAY}${DAY}\\s+(?:of\\s+)?${MONTH}\\s*,?\\s+${YEAR}`, 'i'), parts: (m) => [m[3]!, m[2]!, m[1]!] },
  { pattern: new RegExp(`^${WEEKDAY}${YEAR}-(\\d{2})-(\\d{2})(?![\\d-])`, 'i'), parts: (m) => [m[1]!, m[2]!, m[3]!] },
];

const HEADER_LEAD = /^(?:date[d:]?|published:?)[ \t]*:?[ \t]*/i;
const DATELINE_LEAD = /^(?:(?:published|updated|posted|last updated)(?:\s+on)?:?\s+)?/i;
/** A place in capitals before a newswire date; case-sensitive, so prose never matches. */
const PLACE_LEAD = /^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}\s*,?\s+/;
/** The same with its region or country, as wire copy gives it: "HARWICK, Ostland 1996-08-28", "KELVIN , Scotland 1996-08-29". */
const PLACE_REGION_LEAD = /^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}\s*,\s*[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3}\s*,?\s+/;
const DATELINE_TAIL = /^[\s,;|–—-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?)?\s*$/i;
/** A weekday before a wire dateline's date ("OSLO, Norway, Thursday, June 11, 2015 —"): group 1 its name, short or long. */
const WIRE_WEEKDAY = '(Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?\\s*,?\\s+';

/**
 * A wire dateline: a place in capitals or mixed case (and its region), the day month first or day first, the year if
 * stated, the agency in brackets or slashes if named (before the place, after it or after the date), and a dash: "KABUL,
 * Aug 15 (Reuters) -", "BERGEN, 3 March -", "OSLO, Norway, March 3, 2015 —", "BERGEN, March 3, 2015 /Kestrel Newswire/
 * --", "Kelmouth, Ostland, March 3, 2015 –", "(Wirecorp) KELMOUTH, March 3 -", "KELMOUTH, Ostland — March 3, 2015 —".
 */
const WIRE_AGENCY = '(?:\\([^()\\n]{1,40}\\)|\\/[^/\\n]{1,40}\\/)';
/** A place in mixed case before a wire date ("Kelmouth, March 3 –"): one to three capitalised words, not a sentence's opening. */
const WIRE_PLACE_MIXED =
  "(?!(?:In|On|At|By|From|Since|Until|The|A|An|This|That|Last|Next|When|After|Before|As|For)\\b)\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,2}";
const WIRE = new RegExp(
  `^(?:${WIRE_AGENCY}\\s*)?(?:[A-Z][A-Z.'’ -]{1,40}|${WIRE_PLACE_MIXED})(?:,\\s*(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?[\\s,])[A-Z][A-Za-z.'’ -]{1,30})?(?:\\s*${WIRE_AGENCY})?(?:\\s*,|\\s*[-–—]{1,2})?\\s+(?:${WIRE_WEEKDAY})?(?:${MONTH}\\s+${DAY}|${DAY}\\s+${MONTH})(?:\\s*,?\\s+${YEAR})?\\s*(?:${WIRE_AGENCY}\\s*)?[-–—]`,
  'u',
);
const WIRE_DATE = new RegExp(`(?:${MONTH}\\s+${DAY}|${DAY}\\s+${MONTH})(?:\\s*,?\\s+${YEAR})?`);
/** A place in capitals before a run-in dateline, with an optional region: "OSLO, Norway, ". */
const RUN_IN_PLACE = /^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:\s*,\s*[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,2})?\s*,?\s+/;
const YEAR_TOKEN = /(?<![\d.,])(?:19|20)\d\d(?![\d]|[.,]\d)/g;

export interface ArticleDateOptions {
  /** The file's modification date (YYYY-MM-DD): the last resort for the year of a wire dateline without one. */
  readonly fileDate?: string;
}

export function detectArticleDate(text: string, options: ArticleDateOptions = {}): ArticleDate | undefined {
  return headerDate(text) ?? datelineDate(text) ?? wireDate(text, options) ?? runInDate(text) ?? flattenedDate(text);
}

/**
 * Whether the file's date can change what is detected: only a wire dateline that states no year reads it (the header
 * and dateline rules come first and never do), whatever else the text holds (a run-in date after it is found only when
 * the wire's year is not). False means detectArticleDate and yearlessDateline give the same with and without it.
 */
export function fileDateMatters(text: string): boolean {
  if (headerDate(text) ?? datelineDate(text)) return false;
  const wire = findWire(text);
  return wire !== undefined && wire.year === undefined;
}

/** A wire dateline whose year nothing in the text (nor the file's date) tells: "March 3 (year unknown)". */
export function yearlessDateline(text: string, options: ArticleDateOptions = {}): YearlessDateline | undefined {
  if (detectArticleDate(text, options)) return undefined;
  const wire = findWire(text);
  if (!wire) return undefined;
  return { start: wire.start, end: wire.end, text: wire.text, month: wire.month, day: wire.day };
}

/**
 * The date an article's relative dates are resolved against, reached one way everywhere: the date the user set
 * (null: none, on purpose), else the one its text states, else null.
 */
export function effectiveArticleDate(text: string | undefined, userDate: string | null | undefined, options: ArticleDateOptions = {}): string | null {
  if (userDate !== undefined) return userDate;
  return text === undefined ? null : (detectArticleDate(text, options)?.value ?? null);
}

/**
 * The calendar day (YYYY-MM-DD, local time) of a file's modification time in milliseconds, as a file listing shows it:
 * the last resort for the year of a wire dateline that states none, and `corpus --date-from-files`. One rule for the
 * command line and the editor; undefined for a time that is not one (0, negative, not finite).
 */
export function modificationDay(mtimeMillis: number): string | undefined {
  if (!Number.isFinite(mtimeMillis) || mtimeMillis <= 0) return undefined;
  const d = new Date(mtimeMillis);
  return Number.isNaN(d.getTime()) ? undefined : toIsoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** True for a real calendar date written YYYY-MM-DD (2021-02-31 is not one): the one check every layer uses. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && toIsoDate(Number(m[1]), Number(m[2]), Number(m[3])) !== undefined;
}

/** The weekday of a YYYY-MM-DD date, 0 = Sunday. */
export function weekdayOf(value: string): number {
  return new Date(`${value}T00:00:00Z`).getUTCDay();
}

function headerDate(text: string): ArticleDate | undefined {
  const lead = /^[\uFEFF\s]*/.exec(text)![0].length;
  const header = HEADER_LEAD.exec(text.slice(lead, lead + 40));
  if (!header || header[0].length === 0) return undefined;
  const start = lead + header[0].length;
  const found = dateAt(text.slice(start, start + MAX_DATELINE_LINE));
  if (!found) return undefined;
  return { start, end: start + found.length, text: text.slice(start, start + found.length), value: found.value, form: 'header' };
}

function datelineDate(text: string): ArticleDate | undefined {
  let lines = 0;
  for (const line of linesOf(text)) {
    if (line.start > TOP_CHARS || lines >= TOP_LINES) break;
    lines++;
    if (line.end - line.start > MAX_DATELINE_LINE) continue;
    const content = text.slice(line.start, line.end);
    const leads = [DATELINE_LEAD.exec(content)![0].length, PLACE_LEAD.exec(content)?.[0].length ?? 0, PLACE_REGION_LEAD.exec(content)?.[0].length ?? 0];
    for (const lead of leads) {
      const found = dateAt(content.slice(lead));
      if (!found || !DATELINE_TAIL.test(content.slice(lead + found.length))) continue;
      const start = line.start + lead;
      return { start, end: start + found.length, text: text.slice(start, start + found.length), value: found.value, form: 'dateline' };
    }
    const field = dateField(content);
    if (field) {
      const start = line.start + field.start;
      return { start, end: start + field.length, text: text.slice(start, start + field.length), value: field.value, form: 'dateline' };
    }
  }
  return undefined;
}

/** A field of a byline or place line set apart by bars or bullets that is only a date: "By Jo Brisk | March 3, 2015". */
function dateField(line: string): { start: number; length: number; value: string } | undefined {
  if (!/[|·•]/.test(line)) return undefined;
  for (const m of line.matchAll(/[^|·•]+/g)) {
    const lead = m.index + /^\s*/.exec(m[0])![0].length;
    const body = line.slice(lead, m.index + m[0].length);
    const skip = DATELINE_LEAD.exec(body)![0].length;
    const found = dateAt(body.slice(skip));
    if (found && DATELINE_TAIL.test(body.slice(skip + found.length))) return { start: lead + skip, length: found.length, value: found.value };
  }
  return undefined;
}

interface WireDateline {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly month: number;
  readonly day: number;
  readonly year: number | undefined;
  /** The weekday the dateline names before its date (0 = Sunday), if it names one. */
  readonly weekday: number | undefined;
  /** Where the lead (the text after the dateline's dash) starts. */
  readonly lead: number;
}

function findWire(text: string): WireDateline | undefined {
  for (const line of linesOf(text)) {
    if (line.start > WIRE_TOP_CHARS) break;
    const m = WIRE.exec(text.slice(line.start, Math.min(line.end, line.start + 160)));
    if (!m) continue;
    // The span is the date itself ("Aug 15" or "Aug 15, 2021"), not the place or the agency.
    const dateText = WIRE_DATE.exec(m[0])!;
    const start = line.start + dateText.index;
    const month = monthNumber(m[2] ?? m[5]!)!;
    const year = m[6] === undefined ? undefined : Number(m[6]);
    const weekday = m[1] === undefined ? undefined : WEEKDAY_NAMES.findIndex((w) => w.startsWith(m[1]!.toLowerCase()));
    return { start, end: start + dateText[0].length, text: dateText[0], month, day: Number(m[3] ?? m[4]), year, weekday, lead: line.start + m[0].length };
  }
  return undefined;
}

function wireDate(text: string, options: ArticleDateOptions): ArticleDate | undefined {
  const wire = findWire(text);
  if (!wire) return undefined;
  const found = wire.year !== undefined ? { year: wire.year, source: 'stated' as const } : impliedYear(text, wire, options);
  if (found === undefined) return undefined;
  const value = toIsoDate(found.year, wire.month, wire.day);
  if (value === undefined) return undefined;
  const date: ArticleDate = { start: wire.start, end: wire.end, text: wire.text, value, form: 'wire' };
  return found.source === 'stated' ? date : { ...date, yearSource: found.source };
}

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const LEAD_WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/;

/**
 * The year of a wire dateline that states none, in order: the one year the lead mentions (not after the file's date);
 * the weekday the lead names (the latest year, not after the file's date, in which the day is that weekday); the one
 * year the whole text mentions; the file's date (the latest such day not after it). Undefined when none tells.
 */
function impliedYear(text: string, wire: WireDateline, options: ArticleDateOptions): { year: number; source: ArticleDateYearSource } | undefined {
  const file = options.fileDate && isCalendarDate(options.fileDate) ? options.fileDate : undefined;
  const fits = (year: number): boolean => file === undefined || (toIsoDate(year, wire.month, wire.day) ?? '9999') <= file;
  const inLead = singleYear(text.slice(0, WIRE_TOP_CHARS));
  if (inLead !== undefined && fits(inLead)) return { year: inLead, source: 'text' };
  const leadEnd = text.indexOf('\n', wire.lead);
  const weekday = LEAD_WEEKDAY.exec(text.slice(wire.lead, Math.min(leadEnd < 0 ? text.length : leadEnd, wire.lead + 400)));
  // the dateline's own weekday ("OSLO, Wed. March 4 -") before one the lead names
  const wanted = wire.weekday !== undefined && wire.weekday >= 0 ? wire.weekday : weekday ? WEEKDAY_NAMES.indexOf(weekday[1]!.toLowerCase()) : -1;
  if (wanted >= 0 && file !== undefined) {
    for (let year = Number(file.slice(0, 4)); year > Number(file.slice(0, 4)) - 30; year--) {
      const value = toIsoDate(year, wire.month, wire.day);
      if (value !== undefined && value <= file && weekdayOf(value) === wanted) return { year, source: 'weekday' };
    }
  }
  const anywhere = singleYear(text);
  if (anywhere !== undefined && fits(anywhere)) return { year: anywhere, source: 'text' };
  if (file !== undefined) {
    const year = Number(file.slice(0, 4));
    for (const y of [year, year - 1]) if (fits(y) && toIsoDate(y, wire.month, wire.day) !== undefined) return { year: y, source: 'file-date' };
  }
  return undefined;
}

/**
 * A dateline run into the first sentence, as flattened articles carry it: "OSLO, Norway, July 21, 2015 On Tuesday the
 * storm …": a full date at the start of one of the first lines (after a place in capitals), followed by a capitalised word,
 * also with no space between them ("…, 2015The minister").
 */
function runInDate(text: string): ArticleDate | undefined {
  let lines = 0;
  for (const line of linesOf(text)) {
    if (line.start > TOP_CHARS || lines >= 3) break;
    lines++;
    const content = text.slice(line.start, Math.min(line.end, line.start + 200));
    // with its region or without ("OSLO, July 21": the region's pattern would take "July" for one)
    const leads = new Set([RUN_IN_PLACE.exec(content)?.[0].length ?? 0, PLACE_LEAD.exec(content)?.[0].length ?? 0, 0]);
    for (const lead of leads) {
      // "…, 2015On Tuesday": a flattened page may leave no space at all between the year and the first word
      const found = dateAt(content.slice(lead), true);
      if (!found || !/^\s*["“‘]?\p{Lu}\p{Ll}/u.test(content.slice(lead + found.length))) continue;
      const start = line.start + lead;
      return { start, end: start + found.length, text: text.slice(start, start + found.length), value: found.value, form: 'run-in' };
    }
  }
  return undefined;
}

/** How far into a text flattened onto one line its dateline may stand (after the headline and a byline). */
const FLAT_TOP_CHARS = 300;
const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
/** A place in capitals, with its region or country, right before a wire date: "LONDON ", "AL-MARSA , United Kelvin Emirates ". */
const FLAT_PLACE = /(?:^|\s)[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:\s*,\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})?\s*,?\s+$/u;

/**
 * A dateline in a text flattened onto one line, sentences joined by spaces: in wire copy an ISO date near the top after
 * a place in capitals (and its region), before a capitalised word ("CRICKET - KESTON TAKE LEAD . LONDON 1996-08-30
 * All-rounder Jo Brisk took …"); on a page a full date with its weekday, before a capitalised word ("Ferry fares rise
 * Tuesday, March 3, 2015 The council …"), not after a preposition.
 */
function flattenedDate(text: string): ArticleDate | undefined {
  const top = text.slice(0, FLAT_TOP_CHARS + 10);
  for (const m of top.matchAll(ISO_DATE)) {
    if (m.index > FLAT_TOP_CHARS) break;
    const end = m.index + m[0].length;
    if (!FLAT_PLACE.test(top.slice(Math.max(0, m.index - 80), m.index))) continue;
    if (!/^(?:\s+["“‘]?\p{Lu}|\s*$)/u.test(text.slice(end, end + 3))) continue;
    const value = toIsoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (value !== undefined) return { start: m.index, end, text: m[0], value, form: 'run-in' };
  }
  // a page's dateline with its weekday between the headline and the first sentence: "… in Bergen Tuesday, March 3, 2015 The …"
  for (const m of top.matchAll(FLAT_WEEKDAY)) {
    if (m.index > FLAT_TOP_CHARS) break;
    if (/\b(?:on|by|since|until|till|from|of|before|after|last|next|this|that|every)\s+$/i.test(top.slice(Math.max(0, m.index - 8), m.index))) continue;
    const found = dateAt(text.slice(m.index, m.index + 60), true);
    if (!found || !/^\s*["“‘]?\p{Lu}(?:\p{Ll}|\s)/u.test(text.slice(m.index + found.length, m.index + found.length + 5))) continue;
    return { start: m.index, end: m.index + found.length, text: text.slice(m.index, m.index + found.length), value: found.value, form: 'run-in' };
  }
  return undefined;
}
const FLAT_WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s+(?=\d|[A-Z][a-z]+\s+\d)/g;

function singleYear(text: string): number | undefined {
  const years = new Set<string>();
  for (const m of text.matchAll(YEAR_TOKEN)) {
    years.add(m[0]);
    if (years.size > 1) return undefined;
  }
  const [only] = years;
  return only === undefined ? undefined : Number(only);
}

/**
 * A dateline date at the very start of `s`: its length and calendar value. `glued`: a year may run straight into a
 * capitalised word ("2015The").
 */
function dateAt(s: string, glued = false): { length: number; value: string } | undefined {
  for (const form of DATE_FORMS) {
    const m = form.pattern.exec(s);
    if (!m) continue;
    // A date must end at a word boundary ("2017" not "20171").
    const rest = s.slice(m[0].length);
    if (/^[\p{L}\p{N}]/u.test(rest) && !(glued && /\d{4}$/.test(m[0]) && /^\p{Lu}\p{Ll}/u.test(rest))) continue;
    const [year, month, day] = form.parts(m);
    const number = /^\d+$/.test(month) ? Number(month) : monthNumber(month);
    if (number === undefined) continue;
    const value = toIsoDate(Number(year), number, Number(day));
    if (value !== undefined) return { length: m[0].length, value };
  }
  return undefined;
}

function toIsoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Non-empty lines with surrounding whitespace trimmed off their spans. */
function* linesOf(text: string): Generator<{ start: number; end: number }> {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && /[\s\uFEFF]/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) yield { start: s, end: e };
    lineStart = lineEnd + 1;
  }
}
