// Explicit dates written with a month name or in numeric form — "Friday, July 21, 2017", "Aug 15", "March 2010",
// "15 August", "2021-08-15", "8/15/2021" — parsed by chrono-node (chosen by measurement over compromise-dates: see
// the dates module). chrono only ever sees small windows around month names and numeric dates, so a megabyte of text
// costs a few tens of milliseconds. Its answers are then cut to the date itself (no "on", no time of day), split when
// they join two full dates ("July 2003 to December 2004" are two dates), and a missing year is chosen by tense.
import * as chrono from 'chrono-node';
import { indexOfWithin, lastIndexOfWithin } from '../article/boundedSearch';
import {
  dayNumber,
  formatDay,
  formatMonth,
  fromDayNumber,
  isValidDay,
  yearForMonthDay,
  type DayNumber,
} from './dateResolution';
import { PRIORITY_EXPLICIT, tenseFor, type DateCandidate } from './datesCommon';
import { reportedFutureAt } from './tense';

const MONTH_OR_NUMERIC_DATE =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\b\.?|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g;

/** Characters of context on each side of a month name that chrono gets to see. */
const WINDOW = 48;
/** Windows stop merging at this size (a text dense with month names is parsed in overlapping pieces). */
const MAX_WINDOW = 400;

let parser: chrono.Chrono | null = null;
function chronoParser(): chrono.Chrono {
  parser ??= new chrono.Chrono(chrono.en.configuration.createCasualConfiguration(false));
  return parser;
}

export interface Span {
  start: number;
  end: number;
}
export interface Window {
  from: number;
  to: number;
  hits: Span[];
}

/**
 * Month names and numeric dates. One with a number next to it ("Aug 15", "15 August", "May 2010", "2021-08-15") goes to
 * chrono in a window of context that stops at word edges and line breaks (overlapping windows merge, up to a size);
 * a month name alone ("in March") needs no parser and is returned apart.
 */
export function dateWindows(text: string): { windows: Window[]; monthsAlone: Span[] } {
  const out: Window[] = [];
  const monthsAlone: Span[] = [];
  MONTH_OR_NUMERIC_DATE.lastIndex = 0;
  for (let m = MONTH_OR_NUMERIC_DATE.exec(text); m; m = MONTH_OR_NUMERIC_DATE.exec(text)) {
    const hit = { start: m.index, end: m.index + m[0].length };
    const before = text.slice(Math.max(0, hit.start - 10), hit.start);
    if (!/\d/.test(m[0]) && !/\d/.test(text.slice(hit.end, hit.end + 12)) && !/\d|\bof\s+$/.test(before)) {
      // no number near it, and not "the second of June": a month alone
      monthsAlone.push(text[hit.end - 1] === '.' ? { start: hit.start, end: hit.end - 1 } : hit);
      continue;
    }
    let from = Math.max(0, hit.start - WINDOW);
    let to = Math.min(text.length, hit.end + WINDOW);
    while (from > 0 && /\S/.test(text[from - 1]!) && from > hit.start - WINDOW - 20) from--;
    while (to < text.length && /\S/.test(text[to]!) && to < hit.end + WINDOW + 20) to++;
    // line ends inside the window only: on a long line, searching to the line's ends for every date grew with its square
    const lineStart = lastIndexOfWithin(text, '\n', from, hit.start);
    if (lineStart >= 0) from = lineStart + 1;
    const lineEnd = indexOfWithin(text, '\n', hit.end, to);
    if (lineEnd >= 0) to = lineEnd;
    const last = out[out.length - 1];
    if (last && from <= last.to && last.to - last.from < MAX_WINDOW) {
      last.to = Math.max(last.to, to);
      last.hits.push(hit);
    } else {
      out.push({ from, to, hits: [hit] });
    }
  }
  return { windows: out, monthsAlone };
}

/** A year run into the next word, as a flattened dateline leaves it: "March 3, 2015The minister". */
const GLUED_YEAR = /(?<=\b(?:1[89]|20)\d\d)(?=\p{Lu}\p{Ll})/gu;

/**
 * The window as chrono should read it, a space put between a year and a word run into it; `original` maps an offset
 * into it back to the window's own text.
 */
function unglued(s: string): { window: string; original: (i: number) => number } {
  const at: number[] = [];
  for (const m of s.matchAll(GLUED_YEAR)) at.push(m.index);
  if (at.length === 0) return { window: s, original: (i) => i };
  let window = '';
  let from = 0;
  for (const i of at) {
    window += `${s.slice(from, i)} `;
    from = i;
  }
  window += s.slice(from);
  // the k-th inserted space sits at at[k] + k in the new text
  return { window, original: (i) => i - at.filter((p, k) => p + k < i).length };
}

/**
 * "the morning of 30 May 1832": chrono reads "morning" as today's morning and drops the date, so the time of day and its
 * "of" are blanked (same length: offsets stay) before it reads the window.
 */
function withoutTimeOfDayOf(s: string): string {
  return s.replace(/\b(?:morning|afternoon|evening|night)\s+of\b/gi, (m) => ' '.repeat(m.length));
}

const MONTH_INDEX: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

/** Every explicit date in the text, resolved against `ref` when it lacks a year. */
export function explicitDates(text: string, ref: DayNumber | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  const r = ref === null ? null : fromDayNumber(ref);
  // chrono wants a Date: noon local time keeps the calendar day whatever the time zone
  const refDate = r ? new Date(r.year, r.month - 1, r.day, 12) : new Date(2000, 0, 1, 12);
  const { windows, monthsAlone } = dateWindows(text);
  for (const w of windows) {
    let results: chrono.ParsedResult[];
    const { window, original } = unglued(withoutTimeOfDayOf(text.slice(w.from, w.to)));
    try {
      results = chronoParser().parse(window, refDate);
    } catch {
      continue;
    }
    for (const result of results) {
      const start = w.from + original(result.index);
      const end = w.from + original(result.index + result.text.length);
      if (!w.hits.some((h) => h.start < end && h.end > start)) continue; // only what a month name or numeric date anchors
      if (!result.start.isCertain('month')) continue;
      for (const candidate of fromChrono(text, start, end, result, ref)) out.push(candidate);
    }
    // a month name chrono left out, with its year written after it ("between May and June 1981")
    for (const hit of w.hits) {
      const month = MONTH_INDEX[text.slice(hit.start, hit.end).toLowerCase()];
      if (!month || out.some((c) => c.start < hit.end && hit.start < c.end) || statedYearAfter(text, hit.end, month) === null) continue;
      for (const candidate of single(text, hit.start, hit.end, monthOnlyComponents(month), ref)) out.push(candidate);
    }
  }
  for (const hit of monthsAlone) {
    const month = MONTH_INDEX[text.slice(hit.start, hit.end).toLowerCase()];
    if (!month) continue; // an abbreviation alone ("Jan", "Sept") is too often something else
    for (const candidate of single(text, hit.start, hit.end, monthOnlyComponents(month), ref)) out.push(candidate);
  }
  return out;
}

const LEADING_WORDS =
  /^(?:(?:on|in|at|from|since|by|of|the|until|till|to|during|between|before|after|as of|through|throughout|early|late|mid)\s+|mid-)+/i;
const TIME_TAIL =
  /(?:,?\s*(?:at|@|around|about|from|by)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|h|hrs|GMT|UTC|[A-Z]{2,4}T)?(?:\s*(?:-|–|to)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)?(?:\s*\([A-Z]{2,5}\))?|,?\s*(?:at\s+)?(?:noon|midnight|night|morning|evening|afternoon|tonight))(?:\s+local\s+time)?\s*$/i;
const RANGE_SPLIT = /^(.*?\S)\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*(\S.*)$/;
/** A side of a range that is a whole date by itself: a month name and a year ("4 March 1901", "June 1980"). */
const FULL_DATE_WITH_YEAR = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}\b/i;
const HAS_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i;
const STARTS_WITH_MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)/;

/** One chrono result: one date, a range within a month ("July 10-12, 2017"), or two dates when it joins two full ones. */
function fromChrono(text: string, start: number, end: number, r: chrono.ParsedResult, ref: DayNumber | null): DateCandidate[] {
  const span = trimToDate(text, start, end, r.start.isCertain('hour') || (r.end?.isCertain('hour') ?? false));
  if (!span) return [];
  [start, end] = span;
  // "Since January , 40 people died", "In March, 12 ships sank": a number after a month and a comma is neither its day
  // nor its year (chrono read 2040 and March 12)
  const comma = MONTH_COMMA_NUMBER.exec(text.slice(start, end));
  if (comma && !r.end) {
    const month = MONTH_INDEX[comma[1]!.toLowerCase()];
    return month ? single(text, start, start + comma[1]!.length, monthOnlyComponents(month), ref) : [];
  }
  if (!r.end) return single(text, start, end, r.start, ref);
  const parts = RANGE_SPLIT.exec(text.slice(start, end));
  // "the year to June 30", "the week to August 23": a period up to a date is that date, no range from the word
  if (parts && !/\d/.test(parts[1]!) && !HAS_MONTH.test(parts[1]!) && STARTS_WITH_MONTH.test(parts[2]!)) {
    // chrono gives the date as either end of its range: the one in the date's month
    const prefix = parts[2]!.slice(0, 3).toLowerCase();
    const month = Object.entries(MONTH_INDEX).find(([name]) => name.startsWith(prefix))?.[1];
    const date = [r.start, r.end].find((c) => c.isCertain('month') && c.get('month') === month);
    return date ? single(text, end - parts[2]!.length, end, date, ref) : [];
  }
  if (parts && (STARTS_WITH_MONTH.test(parts[2]!) || (FULL_DATE_WITH_YEAR.test(parts[1]!) && FULL_DATE_WITH_YEAR.test(parts[2]!)))) {
    // "July 2003 to December 2004", "July 8 to July 10", "4 March 1901 – 17 June 1980": each end is a date of its own;
    // "from March to August 2011", "January-June 2016": a start without a year is in the end's year (the year before
    // when it comes later in the calendar: "November to February 2012")
    return [...single(text, start, start + parts[1]!.length, withYearOf(r.start, r.end), ref), ...single(text, end - parts[2]!.length, end, r.end, ref)];
  }
  const from = single(text, start, end, r.start, ref)[0];
  let to = single(text, start, end, r.end, ref)[0];
  // "December 28 - January 3" without a year: the end is in the year after the start, never before it
  if (from && to && typeof from.value === 'string' && typeof to.value === 'string' && to.value < from.value && !r.end.isCertain('year')) {
    to = { ...to, value: String(Number(to.value.slice(0, 4)) + 1).padStart(4, '0') + to.value.slice(4) };
  }
  if (from && to && typeof from.value === 'string' && typeof to.value === 'string' && from.value < to.value) {
    return [{ ...from, value: { from: from.value, to: to.value }, relative: from.relative || to.relative }];
  }
  return from ? [from] : [];
}

const MONTH_COMMA_NUMBER = /^(January|February|March|April|May|June|July|August|September|October|November|December)\s*,\s*\d{1,3}$/i;
const MONTH_NAME = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const YEAR_AFTER = /^\s*,?\s+(?:of|in)\s+(\d{4})\b/;
const DATED_MONTH_AFTER = new RegExp(`^\\s*(?:and|or|to|through|until|till|[-–—])\\s*${MONTH_NAME}\\s*,?\\s+(?:(?:of|in)\\s+)?(\\d{4})\\b`, 'i');

/**
 * The year written right after a month without one: "June in 1981", "March of 2009", and for the first of two months
 * "between May and June 1981", "May or June of 2009" (the year before when the first comes later in the calendar:
 * "November to February 2012").
 */
function statedYearAfter(text: string, end: number, month: number): { year: number; own: number } | null {
  const after = text.slice(end, end + 40);
  const own = YEAR_AFTER.exec(after);
  // (the month's own year joins its span: "June in 1981" is one date)
  if (own) return { year: Number(own[1]), own: own[0].length };
  const pair = DATED_MONTH_AFTER.exec(after);
  if (!pair) return null;
  return { year: Number(pair[2]) - (month > MONTH_INDEX[pair[1]!.toLowerCase()]! ? 1 : 0), own: 0 };
}

function monthOnlyComponents(month: number): Components {
  return { get: (c) => (c === 'month' ? month : null), isCertain: (c) => c === 'month' };
}

/** The start of a range with the year its end states, when it states none itself. */
function withYearOf(start: Components, end: Components): Components {
  const endYear = end.isCertain('year') ? end.get('year') : null;
  const month = start.get('month');
  const endMonth = end.get('month');
  if (start.isCertain('year') || endYear === null || !month || !endMonth || !start.isCertain('month') || !end.isCertain('month')) return start;
  const later = month > endMonth || (month === endMonth && (start.get('day') ?? 0) > (end.get('day') ?? 0));
  const year = later ? endYear - 1 : endYear;
  return { get: (c) => (c === 'year' ? year : start.get(c)), isCertain: (c) => c === 'year' || start.isCertain(c) };
}

/** Drops leading prepositions and a trailing time of day ("at 3 pm") from a chrono span; null when nothing is left. */
function trimToDate(text: string, start: number, end: number, hasTime: boolean): [number, number] | null {
  const lead = LEADING_WORDS.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  if (hasTime) {
    const body = text.slice(start, end);
    const tail = TIME_TAIL.exec(body);
    // a bare number is the day or the year, not a time; and a time never starts inside a numeric date
    if (tail && tail.index > 0 && !/^\s*,?\s*\d{1,4}\s*$/.test(tail[0]) && !/[/-]$/.test(body.slice(0, tail.index))) {
      end = start + body.slice(0, tail.index).trimEnd().length;
    }
  }
  // trailing punctuation, except the dot of an abbreviated month ("Aug.")
  while (end > start && /[\s,.;:()]/.test(text[end - 1]!) && !/\b[A-Z][a-z]{2,3}\.$/.test(text.slice(start, end))) end--;
  return end > start ? [start, end] : null;
}

interface Components {
  get(c: chrono.Component): number | null;
  isCertain(c: chrono.Component): boolean;
}

/** A date at day, month or year granularity, as precise as the text is. */
function single(text: string, start: number, end: number, c: Components, ref: DayNumber | null): DateCandidate[] {
  const month = c.get('month');
  if (!month || !c.isCertain('month')) return [];
  const day = c.isCertain('day') ? c.get('day') : null;
  let after = c.isCertain('year') ? null : statedYearAfter(text, end, month);
  // a year after a name-like month alone needs the month's own context: "Theresa May in 2016" is a person
  if (after && day === null && NAME_LIKE_MONTHS.test(text.slice(start, end)) && !acceptMonthAlone(text, start, end)) after = null;
  const stated = c.isCertain('year') ? c.get('year') : (after?.year ?? null);
  const hasYear = stated !== null;
  if (day === null && !hasYear && !acceptMonthAlone(text, start, end)) return [];
  end += after?.own ?? 0;
  let year = stated;
  if (year === null) {
    if (ref === null) return [{ start, end, value: null, relative: true, priority: PRIORITY_EXPLICIT }];
    const modifier = monthModifier(text, start);
    const tense = tenseFor(text, start, end);
    const told = modifier ? null : narrativeYear(text, start, ref, tense);
    year = told ?? (modifier && day === null ? yearForModifiedMonth(ref, month, modifier) : yearForMonthDay(ref, month, day, tense, tense === 'future' && reportedFutureAt(text, start, end)));
  }
  if (day !== null) {
    if (!isValidDay(year, month, day)) return [];
    return [{ start, end, value: formatDay(dayNumber(year, month, day)), relative: !hasYear, priority: PRIORITY_EXPLICIT }];
  }
  return [{ start, end, value: formatMonth(year, month), relative: !hasYear, priority: PRIORITY_EXPLICIT }];
}

/** "In 2013, …", "By March 1831 …" opening a sentence, or a month with its year anywhere ("in March 1831", "on March 3, 1831"). */
const NARRATIVE_YEAR = /(?:(?:^|[.!?]["”’]?\s+)(?:In|By|During|Since|From|Until|Early\s+in|Late\s+in|Later\s+in)\s+|\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)(1[5-9]\d\d|20\d\d)\b(?![-–\/]\d)/g;
/**
 * A date that sets no year for the story after it: a birth or a death ("born on 4 July 1970", "died in May 1990"), and a
 * founding in passing, set apart by a comma ("The firm, founded in March 1998, said on March 3").
 */
const IN_PASSING_BEFORE = /(?:\b(?:born|died)|,\s*(?:founded|established|formed|created|built|set\s+up|launched|incorporated))\s+(?:on|in)\s+(?:\d{1,2}\s+)?$/i;

/**
 * The year a story in the past has reached: where the paragraph, before a date without a year in a past-tense
 * sentence, sets a year at least two years before the article's (NARRATIVE_YEAR: "In 2013, …", "in March 1831"), the
 * date is in the latest year set ("In 2013, he was called up on July 6" is 2013, not the article's year). A year in
 * passing ("the firm, founded in 1998, said on March 3") sets nothing.
 */
function narrativeYear(text: string, start: number, ref: DayNumber, tense: string): number | null {
  if (tense !== 'past') return null;
  const bound = Math.max(0, start - 1500);
  const from = Math.max(bound, lastIndexOfWithin(text, '\n', bound, start) + 1);
  const before = text.slice(from, start);
  let year: number | null = null;
  NARRATIVE_YEAR.lastIndex = 0;
  for (let m = NARRATIVE_YEAR.exec(before); m; m = NARRATIVE_YEAR.exec(before)) {
    if (IN_PASSING_BEFORE.test(before.slice(Math.max(0, m.index - 40), m.index))) continue;
    // a month and year inside the date's own sentence is an event beside it, no setting ("made his debut in August
    // 1991 and played his last match on April 25"); one opening the sentence sets it ("In 2013, he was called up on July 6")
    if (m[1] !== undefined && !/[.!?]["”’)]?\s/.test(before.slice(m.index + m[0].length))) continue;
    year = Number(m[2]);
  }
  year ??= storyYearBefore(text, bound, from, start);
  return year !== null && year <= fromDayNumber(ref).year - 2 ? year : null;
}

/** What brings a story back to the article's time: "today", "on Monday", "this year", "two weeks ago", a bare year. */
const BACK_TO_NOW =
  /\b(?:today|yesterday|tomorrow|tonight|now|currently|(?:this|last|next)\s+(?:week|month|year)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|ago|(?:1[5-9]|20)\d\d)\b/i;

/**
 * The year of a story told across paragraphs: the last date before the paragraph (from `bound` to `paragraph`) is a
 * month with its year ("was sold on 14 April 1911.", "reached the wreck on October 3, 2008") and nothing after it
 * brings the story back to the article's time ("On Monday the museum said …"). A year alone ("In 2009, the ferry was
 * sold.") carries no story across a paragraph: the next one is as often about the present.
 */
function storyYearBefore(text: string, bound: number, paragraph: number, start: number): number | null {
  if (paragraph <= bound) return null;
  const before = text.slice(bound, paragraph);
  let last: RegExpExecArray | null = null;
  NARRATIVE_YEAR.lastIndex = 0;
  for (let m = NARRATIVE_YEAR.exec(before); m; m = NARRATIVE_YEAR.exec(before)) {
    if (!IN_PASSING_BEFORE.test(before.slice(Math.max(0, m.index - 40), m.index))) last = m;
  }
  if (!last || last[1] === undefined) return null;
  if (BACK_TO_NOW.test(text.slice(bound + last.index + last[0].length, start))) return null;
  return Number(last[2]);
}

/** Words after which a month name alone is a month: "in March", "since May", "late June", "the end of April". */
const MONTH_ALONE_BEFORE =
  /(?:\b(?:in|since|until|till|during|throughout|through|between|early|late|mid|last|next|this|coming|past|(?:end|beginning|start|middle|month|months|course)\s+of)\s+|\bmid-)$/i;
/** Weaker context, enough for a month name that is not also a person's name. */
const MONTH_ALONE_BEFORE_WEAK = /\b(?:by|from|before|after|around)\s+$/i;
/** Month names that are also names of people ("Theresa May", "June Carter", "April Ryan", "August Wilson"). */
const NAME_LIKE_MONTHS = /^(?:April|May|June|August)$/;
const MONTH_NAMES = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
const MONTH_BEFORE_CONJUNCTION =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?,?\s+(?:and|or|to|through|until|till|-|–)\s+$/;

const MONTH_BEFORE_MONTH =
  /^\s*(?:to|until|till|through|thru|and|or|-|–)\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\p{Lu})/u;

/**
 * A month name alone is a date only after a temporal word ("in March"), or as the second of a list or range of months
 * ("April and May", "from March to May"), and not when a capitalised word follows ("May Day", "March Madness").
 */
function acceptMonthAlone(text: string, start: number, end: number): boolean {
  const name = text.slice(start, end);
  if (!MONTH_NAMES.test(name)) return false;
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 20);
  if (/^\s+[A-Z]/.test(after) && !/^\s+(?:I|It|The|A|An|This|That|In|On|At)\b/.test(after)) return false;
  if (MONTH_ALONE_BEFORE.test(before)) return true;
  // the first of a range of months, "from August to May", "April through October" (not "May to June Carter")
  if (MONTH_BEFORE_MONTH.test(after)) return true;
  // "for February next year": the year it is in makes a month a date (not one named like a person: "May last year")
  if (!NAME_LIKE_MONTHS.test(name) && /^\s+(?:of\s+)?(?:this|last|next)\s+year\b/i.test(after)) return true;
  // "by March"; but "a speech by May was cheered" is a person, so a name-like month needs punctuation after it
  if (MONTH_ALONE_BEFORE_WEAK.test(before) && (!NAME_LIKE_MONTHS.test(name) || /^\s*[,.;:)]/.test(after))) return true;
  return MONTH_BEFORE_CONJUNCTION.test(before);
}

function monthModifier(text: string, start: number): 'last' | 'next' | 'this' | null {
  const m = /\b(last|next|this|coming|past)\s+$/i.exec(text.slice(Math.max(0, start - 12), start));
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  return w === 'past' ? 'last' : w === 'coming' ? 'next' : (w as 'last' | 'next' | 'this');
}

/** "last March" is the latest March before the reference's month, "next March" the first after it, "this March" the reference's year. */
function yearForModifiedMonth(ref: DayNumber, month: number, modifier: 'last' | 'next' | 'this'): number {
  const r = fromDayNumber(ref);
  if (modifier === 'last') return month < r.month ? r.year : r.year - 1;
  if (modifier === 'next') return month > r.month ? r.year : r.year + 1;
  return r.year;
}
