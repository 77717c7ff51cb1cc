// Finds the dates in an article and resolves them to calendar values (issue 3, "Dates").
//
// Three finders propose candidates and the longest wins where they overlap:
// - datesExplicit: dates written with a month name or in numeric form, parsed by chrono-node on small windows;
// - datesRelative: weekdays by the tense of their clause, "yesterday", "last week", "three years ago", holidays;
// - datesNumeric: bare years and decades.
// Relative expressions are resolved against the article's date (the reference); without one they keep their span
// and get a null value. The value is YYYY, YYYY-MM, YYYY-MM-DD or a {from, to} range (a week, a weekend, a decade,
// "July 10-12"); two full dates joined by "to"/"and" are two mentions, as news annotation marks them.
//
// chrono-node was chosen by measurement over compromise-dates (`npm run compare-dates -- <gold.jsonl>`): on the news dev
// set, both raw with the article date as reference, chrono's values were right 73% of the time, compromise-dates' 58%
// (it sends bare weekdays into the future and misses year-less dates' year), at a sixth of the time. chrono is kept
// for what it does well (month-name and numeric dates); the rest are the rules of the other two finders.
import type { DateMention, DateValue } from './analysisModel';
import { addMonths, dayNumber, formatDay, formatMonth, formatYear, fromDayNumber, isValidDay, parseIsoDay } from './dateResolution';
import { NUMBER_PATTERN, parseNumber, PRIORITY_RULE, type DateCandidate } from './datesCommon';
import { explicitDates } from './datesExplicit';
import { numericDates } from './datesNumeric';
import { relativeDates } from './datesRelative';
import { daysSharingMonth } from './datesSharedMonth';

/** Keeps the longest of overlapping candidates, then the higher priority, then the earlier; linear in clusters of overlaps. */
function withoutOverlaps(candidates: readonly DateCandidate[]): DateCandidate[] {
  const byStart = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateCandidate[] = [];
  const better = (a: DateCandidate, b: DateCandidate): number =>
    b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start;
  for (let i = 0; i < byStart.length; ) {
    // a cluster: candidates chained by overlap
    let j = i + 1;
    let clusterEnd = byStart[i]!.end;
    while (j < byStart.length && byStart[j]!.start < clusterEnd) clusterEnd = Math.max(clusterEnd, byStart[j++]!.end);
    const cluster = byStart.slice(i, j).sort(better);
    const chosen: DateCandidate[] = [];
    // (a cluster is small in any real text; overlapping chrono windows may propose the same span twice)
    for (const c of cluster) if (!chosen.some((k) => k.start < c.end && c.start < k.end)) chosen.push(c);
    for (const c of chosen.sort((a, b) => a.start - b.start)) kept.push(c);
    i = j;
  }
  return kept;
}

/**
 * "On Monday, day two of the summit, leaders …", "on Friday night, the opening night, …": a day of an event set in
 * apposition after a date names the same day, so it takes that date's value (and a year inside the event's name, "the 2030 Harbour Games", is part of it).
 * Only a closed apposition counts (a comma, semicolon or dash after it), so a phrase that goes on is left alone.
 */
const DAY_OF_EVENT_AFTER = new RegExp(
  `^(?:\\s+(?:morning|afternoon|evening|night))?\\s*,\\s+((?:the\\s+)?(?:day\\s+(?:${NUMBER_PATTERN})|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|opening|closing)\\s+(?:day|night|evening))(?:\\s+of\\s+[^,;:.!?\\n()"“”—–]{2,80}?)?)\\s*(?=[,;—–])`,
  'i',
);

function daysOfEvents(text: string, kept: readonly DateCandidate[]): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const c of kept) {
    if (typeof c.value === 'string' ? c.value.length !== 10 : c.value !== null) continue; // a day, or unresolved
    const m = DAY_OF_EVENT_AFTER.exec(text.slice(c.end, c.end + 120));
    if (!m) continue;
    const count = /^(?:the\s+)?day\s+(\S+)/i.exec(m[1]!)?.[1];
    if (count !== undefined && !((parseNumber(count) ?? 0) > 0 && !/^an?$/i.test(count))) continue;
    const start = c.end + m[0].indexOf(m[1]!);
    out.push({ start, end: start + m[1]!.length, value: c.value, relative: c.relative, priority: c.priority });
  }
  return out;
}

/** A range never ends before it starts: one that would (a misread end) keeps only its start. */
function orderedRange(c: DateCandidate): DateCandidate {
  const v = c.value;
  if (v === null || typeof v === 'string' || !('from' in v)) return c;
  const n = Math.min(v.from.length, v.to.length);
  return v.to.slice(0, n) < v.from.slice(0, n) ? { ...c, value: v.from } : c;
}

/**
 * "that year", "the same month", "the following year", "the previous month", "two years later", "a year earlier": a year
 * or month told from the one the text gave last.
 */
const ANAPHORIC = new RegExp(
  `\\b(?:(that|the\\s+same|that\\s+same)\\s+(year|month)|the\\s+(following|next|previous|preceding)\\s+(year|month)|(${NUMBER_PATTERN})\\s+(years?|months?)\\s+(later|earlier))\\b`,
  'gi',
);
/** A month or a year the article date places: "July", "last year", "this month" (not a weekday or a month and day). */
const MONTH_OR_YEAR_WORDS =
  /^(?:(?:last|this|next|past|coming)\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|year|month)$/i;
/** How far back (in characters) the year or month such a phrase counts from may be written. */
const ANAPHORIC_REACH = 600;

/**
 * Dates told from the last date written out before them ("in 1921 … later that year"), within a few sentences: from a
 * date with its own year, or a month or year the article date placed ("in July … the following month", its result as
 * relative as it), not a day it placed; the rest are no date (nothing to count from).
 */
/**
 * Each match of a phrase told from an earlier date that is not already a date (nor inside one), with `before`, the
 * last kept date before it: the one scan both kinds of told dates share (kept is in text order).
 */
function* toldPhrases(
  text: string,
  pattern: RegExp,
  kept: readonly DateCandidate[],
): Generator<{ m: RegExpExecArray; start: number; end: number; before: DateCandidate | undefined }> {
  let k = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (k < kept.length && kept[k]!.end <= start) k++;
    if (k < kept.length && kept[k]!.start < end) continue;
    yield { m, start, end, before: kept[k - 1] };
  }
}

function anaphoricDates(text: string, kept: readonly DateCandidate[]): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const { m, start, end, before: anchor } of toldPhrases(text, ANAPHORIC, kept)) {
    if (!anchor || start - anchor.start > ANAPHORIC_REACH) continue;
    // a month or year the article date placed counts ("in July … the following month"), not a day it placed
    if (anchor.relative && !MONTH_OR_YEAR_WORDS.test(text.slice(anchor.start, anchor.end))) continue;
    if (anchor.relative && anchor.value === null) {
      out.push({ start, end, value: null, relative: true, priority: PRIORITY_RULE }); // no article date: found, unresolved
      continue;
    }
    if (typeof anchor.value !== 'string') continue;
    const unit = (m[2] ?? m[4] ?? m[6]!).toLowerCase().startsWith('month') ? 'month' : 'year';
    const which = (m[1] ?? m[3] ?? m[7] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const count = m[5] !== undefined ? parseNumber(m[5]) : 1;
    if (count === null) continue;
    const offset = /^(?:that|the same|that same)$/.test(which) ? 0 : /^(?:following|next|later)$/.test(which) ? count : -count;
    const parts = /^(\d{4})(?:-(\d{2}))?/.exec(anchor.value);
    if (!parts) continue;
    const year = Number(parts[1]);
    if (unit === 'year') {
      out.push({ start, end, value: formatYear(year + offset), relative: anchor.relative, priority: PRIORITY_RULE });
    } else if (parts[2] !== undefined) {
      const to = addMonths(year, Number(parts[2]), offset);
      out.push({ start, end, value: formatMonth(to.year, to.month), relative: anchor.relative, priority: PRIORITY_RULE });
    }
  }
  return out;
}

/** The year word right after a month or a day written without a year: "May this year", "June 3 last year", "March of that year". */
const YEAR_WORD_AFTER = /^\s*(?:of\s+)?(this|last|next|that|the\s+same|that\s+same)\s+year\b(?![-'’])/i;
const MONTH_WORD = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i;

/**
 * A month or day written without a year and followed by the year it is in takes that year, not the one its tense would
 * give: "on June 3 last year", "in May this year" (the article's year, the one before or after it; the year words stay
 * a date of their own, as news annotation marks them), "in March the same year", "in October of that year" (the last
 * year the text wrote; one date, as the phrase only says which year the month is in).
 */
function monthsWithTheirYear(text: string, ref: number | null, kept: readonly DateCandidate[]): DateCandidate[] {
  const refYear = ref === null ? null : fromDayNumber(ref).year;
  return kept.map((c, k) => {
    if (!c.relative || typeof c.value !== 'string' || !/^\d{4}-\d{2}(?:-\d{2})?$/.test(c.value)) return c;
    if (!MONTH_WORD.test(text.slice(c.start, c.end))) return c;
    const m = YEAR_WORD_AFTER.exec(text.slice(c.end, c.end + 24));
    if (!m) return c;
    const which = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    let year: number;
    let end = c.end;
    let relative = true;
    if (which === 'this' || which === 'last' || which === 'next') {
      if (refYear === null) return c;
      year = refYear + (which === 'last' ? -1 : which === 'next' ? 1 : 0);
    } else {
      const anchor = kept[k - 1];
      const told = anchor && !anchor.relative && typeof anchor.value === 'string' && c.start - anchor.start <= ANAPHORIC_REACH ? /^\d{4}/.exec(anchor.value) : null;
      if (!told) return c;
      year = Number(told[0]);
      end += m[0].length;
      relative = false;
    }
    const value = formatYear(year) + c.value.slice(4);
    if (value.length === 10 && parseIsoDay(value) === null) return c; // February 29 of a year without one
    return { ...c, end, value, relative };
  });
}

/** "early", "mid" or "late" right before a period: "late September", "mid-2010", "the early 1960s", "late last year". */
const PART_BEFORE = /\b(early|mid|late)(?:-|\s+)$/i;
const PART_INSIDE = /^(early|mid|late)(?:-|\s+)(?=\S)/i;

/**
 * The part of a period "early", "mid" and "late" name, as news annotation reads them: a month's first half, its middle
 * days and its second half; a year's first six months, middle six and last six; a decade's first five years, middle
 * five and last five; a century's first quarter, middle fifth and last quarter. Null for a period of no such kind.
 */
function partOf(value: DateValue, part: string): DateValue {
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (typeof value === 'string') {
    const month = /^(\d{4})-(\d{2})$/.exec(value);
    if (month) {
      const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
      const [a, b] = part === 'early' ? [1, 15] : part === 'mid' ? [10, 20] : [15, last];
      return { from: `${value}-${pad(a)}`, to: `${value}-${pad(b)}` };
    }
    if (!/^\d{4}$/.test(value)) return null;
    const [a, b] = part === 'early' ? [1, 6] : part === 'mid' ? [4, 9] : [7, 12];
    return { from: `${value}-${pad(a)}`, to: `${value}-${pad(b)}` };
  }
  if (value === null || !('from' in value)) return null;
  const from = /^(\d{4})-01-01$/.exec(value.from);
  const to = /^(\d{4})-12-31$/.exec(value.to);
  if (!from || !to) return null;
  const first = Number(from[1]);
  const span = Number(to[1]) - first + 1;
  const [a, b] = span === 10 ? (part === 'early' ? [0, 4] : part === 'mid' ? [3, 7] : [5, 9]) : span === 100 ? (part === 'early' ? [0, 24] : part === 'mid' ? [40, 60] : [75, 99]) : [-1, -1];
  if (a < 0) return null;
  return { from: `${formatYear(first + a)}-01-01`, to: `${formatYear(first + b)}-12-31` };
}

/** "late September", "mid-2010", "the early 1960s", "late last year": the period narrowed to the part its modifier names. */
function vaguePeriods(text: string, kept: readonly DateCandidate[]): DateCandidate[] {
  return kept.map((c, k) => {
    // before the span, or its first word ("the late 19th century" is found whole)
    const before = PART_BEFORE.exec(text.slice(Math.max(0, c.start - 6), c.start));
    const m = before ?? PART_INSIDE.exec(text.slice(c.start, c.end));
    if (!m) return c;
    const start = before ? c.start - m[0].length : c.start;
    if (k > 0 && kept[k - 1]!.end > start) return c;
    const value = c.value === null ? (c.relative ? null : undefined) : partOf(c.value, m[1]!.toLowerCase());
    if (value === undefined || (value === null && c.value !== null)) return c;
    return { ...c, start, value };
  });
}

/**
 * "the next day", "the following morning", "the day after." (closed: "the day before the vote" counts from the vote), "that
 * day", "the same day", "two days later", "a week earlier": a day told from the last day the text gave.
 */
const PART_OF_DAY = '(?:day|morning|afternoon|evening|night)';
const ANAPHORIC_DAY = new RegExp(
  `\\b(?:the\\s+(next|following|previous|preceding)\\s+${PART_OF_DAY}|the\\s+${PART_OF_DAY}\\s+(before|after)(?=\\s*[,.;:!?)])|(that|the\\s+same|that\\s+same)\\s+${PART_OF_DAY}|(${NUMBER_PATTERN})\\s+(days?|weeks?)\\s+(later|earlier))\\b(?![-'’])`,
  'gi',
);

/**
 * Days told from the last day written or placed before them, within a few sentences ("Police arrested her on Monday.
 * The next day she was released"): the day a relative date was given (a weekday) counts too, its result as relative as it.
 */
function anaphoricDays(text: string, kept: readonly DateCandidate[]): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const { m, start, end, before: written } of toldPhrases(text, ANAPHORIC_DAY, kept)) {
    // "said that night patrols …": a lower-case "that" before a part of the day is as often a conjunction
    if (m[3] === 'that' && !/day$/i.test(m[0])) continue;
    // the last day before it, one this pass told included ("The next day … two days later")
    const told = out[out.length - 1];
    const anchor = told && (!written || told.start > written.start) ? told : written;
    if (!anchor || start - anchor.start > ANAPHORIC_REACH) continue;
    if (anchor.value === null && anchor.relative) {
      out.push({ start, end, value: null, relative: true, priority: PRIORITY_RULE }); // no article date: found, unresolved
      continue;
    }
    const day = typeof anchor.value === 'string' ? parseIsoDay(anchor.value) : null;
    if (day === null) continue;
    const which = (m[1] ?? m[2] ?? m[3] ?? m[6] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const count = m[4] !== undefined ? parseNumber(m[4]) : 1;
    if (count === null) continue;
    const days = count * (m[5] !== undefined && /^week/i.test(m[5]) ? 7 : 1);
    const offset = /^(?:that|the same|that same)$/.test(which) ? 0 : /^(?:next|following|after|later)$/.test(which) ? days : -days;
    out.push({ start, end, value: formatDay(day + offset), relative: anchor.relative, priority: PRIORITY_RULE });
  }
  return out;
}

const MONTH_VALUE = /^\d{4}-\d{2}$/;
const WEEKDAY_ONLY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/iu;
/** What joins the two ends of a range written as two dates: "from Monday to Thursday", "between Friday and Tuesday". */
const RANGE_JOINER = /^\s*(?:[-–—]|to|until|till|through|thru|and)\s*$/iu;

/**
 * Two relative days joined as a range ("from Monday to Thursday", "between Friday and Tuesday") never end before they
 * start: each was placed alone by its clause's tense, so a past Monday-to-Thursday seen from a Wednesday got this Monday
 * and last Thursday. The one nearer the article date moves one period (a week for weekdays, a year for a month and day)
 * further from it, on its own side: a past range ends before the article date, a coming one starts after it.
 */
function orderedPairs(text: string, ref: number | null, list: DateCandidate[]): DateCandidate[] {
  if (ref === null) return list;
  for (let k = 0; k + 1 < list.length; k++) {
    const a = list[k]!;
    const b = list[k + 1]!;
    if (!a.relative || !b.relative || typeof a.value !== 'string' || typeof b.value !== 'string') continue;
    const joiner = text.slice(a.end, b.start);
    if (!RANGE_JOINER.test(joiner)) continue;
    if (/^\s*and\s*$/iu.test(joiner) && !/\bbetween\s+$/iu.test(text.slice(Math.max(0, a.start - 12), a.start))) continue;
    if (MONTH_VALUE.test(a.value) && MONTH_VALUE.test(b.value)) {
      // two months ("from August to May"): the one nearer the article date (by its middle) moves a year away from it
      if (b.value >= a.value) continue;
      const middle = (v: string): number => dayNumber(Number(v.slice(0, 4)), Number(v.slice(5)), 15);
      const moveStart = Math.abs(middle(a.value) - ref) <= Math.abs(middle(b.value) - ref);
      const v = moveStart ? a.value : b.value;
      const moved = formatYear(Number(v.slice(0, 4)) + (middle(v) <= ref ? -1 : 1)) + v.slice(4);
      if (moveStart ? moved > b.value : moved < a.value) continue;
      list[moveStart ? k : k + 1] = { ...(moveStart ? a : b), value: moved };
      continue;
    }
    const from = parseIsoDay(a.value);
    const to = parseIsoDay(b.value);
    if (from === null || to === null || to >= from) continue;
    const weekdays = WEEKDAY_ONLY.test(text.slice(a.start, a.end)) && WEEKDAY_ONLY.test(text.slice(b.start, b.end));
    const moveStart = Math.abs(from - ref) <= Math.abs(to - ref);
    const day = moveStart ? from : to;
    const direction = day <= ref ? -1 : 1;
    let moved: number | null;
    if (weekdays) moved = day + 7 * direction;
    else {
      const { year, month, day: date } = fromDayNumber(day);
      moved = isValidDay(year + direction, month, date) ? dayNumber(year + direction, month, date) : null;
    }
    if (moved === null || (moveStart ? moved > to : moved < from)) continue;
    list[moveStart ? k : k + 1] = { ...(moveStart ? a : b), value: formatDay(moved) };
  }
  return list;
}

/**
 * Every date expression in `text`, resolved against `reference` (the article's date, YYYY-MM-DD) when it is relative.
 * Offsets are UTF-16 offsets into `text`, end exclusive. An invalid reference counts as none.
 */
export function findDates(text: string, reference: string | null): DateMention[] {
  const ref = parseIsoDay(reference);
  const refString = ref === null ? null : formatDay(ref);
  const candidates = [...explicitDates(text, ref), ...relativeDates(text, ref), ...numericDates(text, ref)];
  const periods = vaguePeriods(text, withoutOverlaps(monthsWithTheirYear(text, ref, withoutOverlaps(candidates))));
  // days listed under one month ("March 2 and 3"): a date found again (its year changed) replaces the one it was
  const listed = daysSharingMonth(text, periods);
  const again = new Set(listed.map((c) => `${c.start}:${c.end}`));
  const kept = listed.length ? withoutOverlaps([...periods.filter((c) => !again.has(`${c.start}:${c.end}`)), ...listed]) : periods;
  const events = daysOfEvents(text, kept);
  const told = anaphoricDates(text, kept);
  const days = anaphoricDays(text, kept);
  const added = [...events, ...told, ...days];
  return orderedPairs(text, ref, (added.length ? withoutOverlaps([...kept, ...added]) : kept).map(orderedRange)).map((c) => ({
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    value: c.relative && ref === null ? null : c.value,
    resolvedAgainst: !c.relative ? 'self' : ref === null ? 'none' : 'article-date',
    reference: c.relative ? refString : null,
  }));
}
