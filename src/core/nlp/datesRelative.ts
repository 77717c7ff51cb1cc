// Dates that need the article's date: weekdays ("on Thursday", by the tense of their clause), "yesterday", "tonight",
// "last week", "earlier this month", "this year", "three years ago", "the past few days", "this weekend", holidays.
// Without a reference date they are still found, with a null value.
import {
  addMonths,
  dayNumber,
  formatDay,
  formatMonth,
  formatYear,
  fromDayNumber,
  resolveWeekday,
  weekRange,
  weekendRange,
  yearForMonthDay,
  type DayNumber,
  type WeekdayModifier,
} from './dateResolution';
import type { DateValue } from './analysisModel';
import { NUMBER_PATTERN, PRIORITY_RULE, capitalisedWordBefore, parseNumber, tenseFor, type DateCandidate } from './datesCommon';
import { tenseAt } from './tense';

// ---------------------------------------------------------------------------------------------------------------
// Weekdays

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RE =
  /\b(?:(last|next|this|coming|past)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(?![\w-]|['’](?!s\b))/gi;
/** Words that make a weekday the name of a special day rather than a date: "Bloody Sunday", "Super Tuesday". */
const NAMED_DAY_BEFORE =
  /\b(?:Bloody|Super|Black|Good|Easter|Palm|Ash|Cyber|Holy|Maundy|Shrove|Whit|Low|Trinity|Giving|Blue|Mad|Manic|Fat|Great|Red|White|Green)\s+$/;
/** Prepositions and modifiers that introduce a weekday as a date. */
const WEEKDAY_INTRO = /\b(?:on|by|since|until|till|from|to|through|before|after|late|early|and|or|of|between|as of|during|that)\s+$/i;
const TIME_OF_DAY_AFTER = /^\s+(?:Morning|Night|Evening|Afternoon|Noon|Midnight)\b/;

/**
 * A weekday of a habit or a timetable, no date: "every Monday/Thursday", "every Monday and Thursday", "on Saturday
 * mornings", "on Sunday and holiday evenings", "one flight per week on Friday", "Friday the 13th" (a day of superstition).
 */
function habitualWeekday(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  if (/\b(?:every|each)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*(?:\/|,|\band\b|\bor\b)\s*$/.test(before)) return true;
  if (/^(?:\s*(?:and|or|\/)\s*[A-Za-z-]+)?\s+(?:mornings|afternoons|evenings|nights)\b/.test(after)) return true;
  if (/\b(?:per|a|each|every)\s+week\s+(?:on\s+)?$|\bweekly\s+on\s+$/i.test(before)) return true;
  return /^\s+the\s+13th\b/.test(after);
}

function weekdayDates(text: string, ref: DayNumber | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  WEEKDAY_RE.lastIndex = 0;
  for (let m = WEEKDAY_RE.exec(text); m; m = WEEKDAY_RE.exec(text)) {
    const name = m[2]!;
    if (!/^[A-Z]/.test(name)) continue; // a weekday is written with a capital
    const modifierWord = (m[1]?.toLowerCase() ?? null) as WeekdayModifier;
    const start = m.index;
    const end = start + m[0].length;
    const nameStart = end - name.length;
    const before = text.slice(Math.max(0, nameStart - 24), nameStart);
    const after = text.slice(end, end + 24);
    if (!modifierWord) {
      if (/\b(?:every|each|an?)\s+$/i.test(before)) continue; // a habit ("every Sunday"), or "2001 was a Tuesday"
      if (habitualWeekday(text, start, end)) continue;
      if (NAMED_DAY_BEFORE.test(before)) continue;
      // "the Sunday Times": a capitalised word right after, other than a time of day, makes a name
      if (/^\s+[A-Z][a-z]/.test(after) && !TIME_OF_DAY_AFTER.test(after) && !WEEKDAY_INTRO.test(before)) continue;
    }
    if (ref === null) {
      out.push({ start, end, value: null, relative: true, priority: PRIORITY_RULE });
      continue;
    }
    const weekday = WEEKDAYS.indexOf(name.toLowerCase());
    let tense = modifierWord && modifierWord !== 'this' ? 'unknown' : tenseFor(text, start, end);
    if (modifierWord === 'this' && tense !== 'past') tense = 'future'; // "this Friday" is the coming one unless told otherwise
    out.push({ start, end, value: formatDay(resolveWeekday(ref, weekday, modifierWord, tense)), relative: true, priority: PRIORITY_RULE });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Relative expressions: one pattern each, tried in one pass

interface RelativeRule {
  readonly pattern: string;
  /** The value for a match (groups as matched); undefined rejects the match. */
  readonly resolve: (m: RegExpExecArray, ref: DayNumber, text: string, start: number, end: number) => DateValue | undefined;
  /** Moves the start of the span (to leave out a hedge such as "just over"). */
  readonly spanStart?: (m: RegExpExecArray) => number;
  /** Whether the match is a date at all, decided without the reference (so the same spans are found without one). */
  readonly accept?: (m: RegExpExecArray, text: string, start: number, end: number) => boolean;
}

const day = (n: DayNumber): string => formatDay(n);
const range = (from: string, to: string): { from: string; to: string } => ({ from, to });

function offsetOf(which: string): number {
  if (/^(?:last|past)$/.test(which)) return -1;
  if (/^(?:next|coming)$/.test(which)) return 1;
  return 0;
}

/** A span of `n` units ending at the reference, or starting `n` units before it ("three years ago"). */
function unitsBefore(ref: DayNumber, n: number, unit: string): string {
  const r = fromDayNumber(ref);
  switch (unit) {
    case 'hour':
      return day(ref - Math.floor(n / 24));
    case 'day':
      return day(ref - n);
    case 'week':
      return day(ref - 7 * n);
    case 'month': {
      const m = addMonths(r.year, r.month, -n);
      return formatMonth(m.year, m.month);
    }
    case 'decade':
      return formatYear(r.year - 10 * n);
    default:
      return formatYear(r.year - n);
  }
}

const RULES: readonly RelativeRule[] = [
  {
    pattern: '\\bthe\\s+day\\s+(before\\s+yesterday|after\\s+tomorrow)\\b',
    resolve: (m, ref) => day(/^before/i.test(m[1]!) ? ref - 2 : ref + 2),
  },
  {
    pattern: '\\b(yesterday|tomorrow|tonight|last\\s+night|this\\s+(?:morning|afternoon|evening))\\b',
    resolve: (m, ref) => {
      const w = m[1]!.toLowerCase();
      if (w === 'yesterday' || /^last/.test(w)) return day(ref - 1);
      if (w === 'tomorrow') return day(ref + 1);
      return day(ref);
    },
  },
  {
    pattern: '\\b(today)\\b',
    accept: (_m, text, start, end) => todayNamesADay(text, start, end),
    resolve: (_m, ref) => day(ref),
  },
  {
    // "last week", "earlier this month", "this year", "next year", "this past weekend", "later in the week", "the past year"
    pattern:
      '\\b(?:(earlier|later)\\s+)?(this\\s+past|the\\s+past|this|last|next|past|coming|in\\s+the)\\s+(week|weekend|month|year|years)\\b',
    accept: (m, text, _start, end) => {
      const which = m[2]!.toLowerCase();
      const unit = m[3]!.toLowerCase();
      if (/^in\s+the$/.test(which) && (!m[1] || unit === 'years')) return false; // "in the week": no particular one
      if (unit === 'years') return which === 'this' && /^\s+[a-z]/.test(text.slice(end, end + 3)); // "this years festival"
      return true;
    },
    resolve: (m, ref, text, start, end) => {
      const edge = m[1]?.toLowerCase() ?? null;
      const unit = m[3]!.toLowerCase().replace(/s$/, '');
      let which = m[2]!.toLowerCase().replace(/\s+/g, ' ');
      if (which === 'in the') which = 'this'; // "earlier in the week"
      if (unit === 'weekend' && /past$/.test(which)) {
        // "this past weekend", "the past weekend": the latest weekend, the current one when the reference is in it
        const w = weekendRange(ref, 'this', 'past');
        return range(day(w.from), day(w.to));
      }
      const r = fromDayNumber(ref);
      if (/past$/.test(which)) {
        // "the past week/month/year": that much time up to the reference (a month or a year from the day after the same day)
        const from = unit === 'week' ? ref - 7 : sameDayMonthsBack(ref, unit === 'month' ? 1 : 12) + 1;
        return range(day(from), day(ref));
      }
      const offset = offsetOf(which);
      if (unit === 'week') {
        const w = weekRange(ref, offset);
        if (offset === 0 && edge === 'earlier') return range(day(w.from), day(ref));
        if (offset === 0 && edge === 'later') return range(day(ref), day(w.to));
        return range(day(w.from), day(w.to));
      }
      if (unit === 'weekend') {
        const w = weekendRange(ref, offset < 0 ? 'last' : offset > 0 ? 'next' : 'this', offset === 0 ? tenseAt(text, start, end) : 'unknown');
        return range(day(w.from), day(w.to));
      }
      if (unit === 'month') {
        const mo = addMonths(r.year, r.month, offset);
        return formatMonth(mo.year, mo.month);
      }
      return formatYear(r.year + offset);
    },
  },
  {
    // "the end of the year", "the start of next month", "the beginning of this year": the article's year or month (or
    // the one before or after it), as its last or first month for a year
    pattern: '\\bthe\\s+(end|start|beginning)\\s+of\\s+(the|this|next|last)\\s+(year|month)\\b',
    resolve: (m, ref) => {
      const r = fromDayNumber(ref);
      const offset = offsetOf(m[2]!.toLowerCase());
      if (m[3]!.toLowerCase() === 'month') {
        const mo = addMonths(r.year, r.month, offset);
        return formatMonth(mo.year, mo.month);
      }
      return formatMonth(r.year + offset, m[1]!.toLowerCase() === 'end' ? 12 : 1);
    },
  },
  {
    // "this summer", "last winter", "next spring": a range of months (northern-hemisphere seasons; winter starts in December)
    pattern: '\\b(this\\s+past|this|last|next|coming)\\s+(spring|summer|autumn|fall|winter)\\b',
    resolve: (m, ref, text, start, end) => {
      const which = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const first = SEASON_FIRST_MONTH[m[2]!.toLowerCase()]!;
      const r = fromDayNumber(ref);
      // the season containing or last starting before the reference, as a first month index (year * 12 + month - 1)
      const refIndex = r.year * 12 + r.month - 1;
      let startIndex = r.year * 12 + first - 1;
      while (startIndex > refIndex) startIndex -= 12;
      const current = refIndex - startIndex < 3; // the reference is in that season
      if (which === 'last' || which === 'this past') {
        if (current) startIndex -= 12;
      } else if (which === 'next' || which === 'coming') {
        startIndex += 12;
      } else if (!current) {
        // "this summer" outside summer: the coming one in a future or present clause, else the one just past
        const tense = tenseAt(text, start, end);
        if (tense === 'future' || tense === 'present') startIndex += 12;
      }
      const a = addMonths(0, 1, startIndex);
      const b = addMonths(0, 1, startIndex + 2);
      return range(formatMonth(a.year, a.month), formatMonth(b.year, b.month));
    },
  },
  {
    // "over the weekend", "throughout the weekend": the weekend nearest in the clause's tense; the span is "weekend"
    pattern: '\\b(?:over|during|throughout|on|at|for)\\s+the\\s+(weekend)\\b',
    spanStart: (m) => m[0].length - m[1]!.length,
    resolve: (_m, ref, text, start, end) => {
      const w = weekendRange(ref, 'this', tenseFor(text, start, end));
      return range(day(w.from), day(w.to));
    },
  },
  {
    // "three years ago", "a decade ago", "just over 24 hours ago" (the hedge stays out of the span)
    // "more than three years ago" is not after three years back, "less than two weeks ago" not before two weeks back
    pattern: `\\b(?:(just\\s+over|just\\s+under|just|some|about|around|nearly|almost|more\\s+than|over|less\\s+than|under|roughly)\\s+)?(${NUMBER_PATTERN})\\s+(hours?|days?|weeks?|months?|years?|decades?)\\s+ago\\b`,
    spanStart: (m) => (m[1] ? m[0].indexOf(m[2]!, m[1].length) : 0),
    accept: (m) => parseNumber(m[2]!) !== null,
    resolve: (m, ref) => {
      const point = unitsBefore(ref, parseNumber(m[2]!)!, m[3]!.toLowerCase().replace(/s$/, ''));
      const hedge = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
      if (/^(?:just over|more than|over)$/.test(hedge)) return { notAfter: point };
      if (/^(?:just under|less than|under|nearly|almost)$/.test(hedge)) return { notBefore: point };
      return point;
    },
  },
  {
    // "has been waging for almost 15 years", "have lived here for six months": a present perfect's duration runs up to
    // the reference, so it is a period that ends now; "almost" starts it a unit later, "over" a unit earlier would be a
    // guess, so that stays the plain count. The span is the count and unit; a past perfect ("had lived") is left alone
    pattern: `(?<=\\b(?:has|have)\\s+(?:[a-z]+\\s+){0,4})for\\s+(?:(almost|nearly|about|around|over|more\\s+than|some|roughly)\\s+)?(${NUMBER_PATTERN})\\s+(years|months|decades)\\b`,
    spanStart: (m) => m[0].indexOf(m[2]!, 4 + (m[1]?.length ?? 0)),
    accept: (m) => (parseNumber(m[2]!) ?? 0) > 1,
    resolve: (m, ref) => {
      const hedge = m[1]?.toLowerCase() ?? '';
      const n = parseNumber(m[2]!)! - (hedge === 'almost' || hedge === 'nearly' ? 1 : 0);
      const unit = m[3]!.toLowerCase().replace(/s$/, '');
      const r = fromDayNumber(ref);
      return range(unitsBefore(ref, n, unit), unit === 'month' ? formatMonth(r.year, r.month) : formatYear(r.year));
    },
  },
  {
    // "the past three weeks", "the past decade": a range up to the reference. A count of months, years or decades starts
    // the day after the same day that many units back (the past three years are the 1,096 days ending on the reference),
    // so it says which day it begins; "the past few days" (several, a couple of) only ends there: not after the reference.
    pattern: `\\bthe\\s+(?:past|last)\\s+(?:(${NUMBER_PATTERN}|few|several|couple\\s+of)\\s+(days|weeks|months|years|decades)|(decade|century))\\b`,
    accept: (m) => m[3] !== undefined || /^(?:few|several|couple)/i.test(m[1]!) || parseNumber(m[1]!) !== null,
    resolve: (m, ref) => {
      if (m[1] !== undefined && /^(?:few|several|couple)/i.test(m[1])) return { notAfter: day(ref) }; // no telling how far back
      const n = m[3] !== undefined ? 1 : parseNumber(m[1]!)!;
      const unit = (m[3] ?? m[2]!).toLowerCase().replace(/s$/, '');
      if (unit === 'day' || unit === 'week') return range(unitsBefore(ref, n, unit), day(ref));
      const months = n * (unit === 'month' ? 1 : unit === 'year' ? 12 : unit === 'decade' ? 120 : 1200);
      return range(day(sameDayMonthsBack(ref, months) + 1), day(ref));
    },
  },
  {
    // "several years ago", "a few months ago", "a couple of years back": some time not after the reference (how long ago
    // is not told, and "a few months ago" is as often two as six)
    pattern: '\\b(?:a\\s+few|few|several|a\\s+couple\\s+of|a\\s+number\\s+of)\\s+(?:days|weeks|months|years|decades)\\s+(?:ago|back)\\b',
    resolve: (_m, ref) => ({ notAfter: day(ref) }),
  },
  {
    // "in the coming weeks", "for the next few days": a stretch not before the reference
    pattern: '\\bthe\\s+(?:coming|next\\s+(?:few|several|couple\\s+of))\\s+(?:days|weeks|months|years)\\b',
    resolve: (_m, ref) => ({ notBefore: day(ref) }),
  },
];

const SEASON_FIRST_MONTH: Readonly<Record<string, number>> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

/** The same day of the month `n` months before the reference (the month's last day when it has no such day). */
function sameDayMonthsBack(ref: DayNumber, n: number): DayNumber {
  const r = fromDayNumber(ref);
  const m = addMonths(r.year, r.month, -n);
  const last = new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
  return dayNumber(m.year, m.month, Math.min(r.day, last));
}

const RULES_RE = new RegExp(RULES.map((r) => `(${r.pattern})`).join('|'), 'gi');
/** Index of each rule's outer group in RULES_RE, and how many groups its own pattern has. */
const RULE_GROUPS = (() => {
  const groups: { index: number; count: number }[] = [];
  let index = 1;
  for (const r of RULES) {
    const count = new RegExp(`${r.pattern}|`).exec('')!.length - 1;
    groups.push({ index, count });
    index += 1 + count;
  }
  return groups;
})();

function relativeExpressions(text: string, ref: DayNumber | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  RULES_RE.lastIndex = 0;
  for (let all = RULES_RE.exec(text); all; all = RULES_RE.exec(text)) {
    const k = RULE_GROUPS.findIndex((g) => all![g.index] !== undefined);
    if (k < 0) continue;
    const rule = RULES[k]!;
    const g = RULE_GROUPS[k]!;
    // a match array as if the rule's own pattern had matched alone
    const m = [all[g.index]!, ...all.slice(g.index + 1, g.index + 1 + g.count)] as unknown as RegExpExecArray;
    m.index = all.index;
    const start = all.index + (rule.spanStart?.(m) ?? 0);
    const end = all.index + all[0].length;
    if (rule.accept && !rule.accept(m, text, start, end)) continue;
    if (ref === null) {
      out.push({ start, end, value: null, relative: true, priority: PRIORITY_RULE });
      continue;
    }
    const value = rule.resolve(m, ref, text, start, end);
    if (value === undefined) continue;
    out.push({ start, end, value, relative: true, priority: PRIORITY_RULE });
  }
  return out;
}

/**
 * "today" is a date when it names the day ("today's game", "earlier today", "the minister said today"), not when it
 * means "nowadays" ("the youth of today", a sentence opening "Today, most people …" in the present tense).
 */
function todayNamesADay(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  const after = text.slice(end, end + 24);
  if (/\b(?:earlier|later|until|till|since|by|from|as of)\s+$/i.test(before)) return true;
  if (/^ ?['’]s\s+(?:world|society|youth|generation|standards|economy|culture|children|technology|market|media)\b/i.test(after))
    return false;
  if (/^ ?['’]s\b/.test(after)) return true;
  if (/\bof\s+$/i.test(before)) return false;
  if (nowadays(text, start, end)) return false;
  if (/(?:^|[.!?"“]\s*|\n\s*)$/.test(before) && /^\s*,/.test(after)) {
    const tense = tenseAt(text, start, end);
    return tense === 'past' || tense === 'future';
  }
  return true;
}

/** Participles of a lasting state: what is "still used today" is so nowadays, not on the article's day. */
const LASTING_STATE =
  /\bstill\s+(?:(?:widely|commonly|often|largely)\s+)?(?:in\s+use|used|exists?|stands?|standing|visible|popular|known|appreciated|practi[sc]ed|celebrated|spoken|read|performed|sung|taught|found|seen|worn|made|produced|held|alive|remembered|revered|preserved|intact)(?:\s+[a-z]+){0,3}\s+$/i;

/**
 * "today" meaning nowadays: a lasting state ("is still used today", "remains in use today"), a present name ("known
 * today as", "what is today Ostland", "called today"), a place described as it now is ("Velmar today is a busy port").
 */
function nowadays(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 24);
  if (LASTING_STATE.test(before) || /\bin\s+use\s+$/i.test(before)) return true;
  if (/\b(?:known|called|named)\s+$/i.test(before)) return true;
  if (/\bwhat\s+(?:is|are|was|were)\s+$/i.test(before)) return true;
  // "the size it is today", "as they are today"; "more potters work there today than ever"
  if (/\b(?:as|what|how|where|size|way|shape|state|form)\s+(?:it|they|he|she|we)\s+(?:is|are)\s+$/i.test(before)) return true;
  if (/^\s+than\b/.test(after)) return true;
  // "Kessby Today": a capitalised "Today" after a name, not opening its sentence, is part of the name
  if (/^T/.test(text.slice(start, end)) && capitalisedWordBefore(text, start)) return true;
  const place = /(?:^|[.!?]\s+|\n)\p{Lu}[\p{L}'’-]+\s+$/u.test(before);
  // a heading "Varnholt today" on a line of its own
  if (place && /(?:^|\n)[^\n]*$/.test(before) && /^[ \t]*(?:\n|$)/.test(after) && /(?:^|\n)[ \t]*\p{Lu}[\p{L}'’-]+\s+$/u.test(before)) return true;
  // "Varnholt today is a busy port", "… is ever growing", "… is largely a suburb" (not "is hosting the summit")
  return place && /^\s+(?:is|remains)\s+(?:a|an|one|the|home|ever|still|very|much|now|more|less|[a-z]+ly)\b/.test(after);
}

// ---------------------------------------------------------------------------------------------------------------
// Holidays with a fixed date: the year follows the tense, as for a month and day written without a year.

const HOLIDAY_RE =
  /\b(Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]s\s+Eve|New\s+Year['’]s\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day)\b(?!\s+[A-Z])(?:,?\s+(\d{4})\b)?/g;
const HOLIDAY_DATES: Readonly<Record<string, readonly [number, number]>> = {
  'christmas eve': [12, 24],
  'christmas day': [12, 25],
  christmas: [12, 25],
  "new year's eve": [12, 31],
  "new year's day": [1, 1],
  halloween: [10, 31],
  "valentine's day": [2, 14],
  'boxing day': [12, 26],
};

function holidayDates(text: string, ref: DayNumber | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  HOLIDAY_RE.lastIndex = 0;
  for (let m = HOLIDAY_RE.exec(text); m; m = HOLIDAY_RE.exec(text)) {
    const key = m[1]!.toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
    const date = HOLIDAY_DATES[key];
    const start = m.index;
    const end = start + m[0].length;
    if (!date || capitalisedWordBefore(text, start)) continue; // "illustrator Jo Christmas": a surname
    const [month, dom] = date;
    if (m[2]) {
      out.push({ start, end, value: day(dayNumber(Number(m[2]), month, dom)), relative: false, priority: PRIORITY_RULE });
    } else if (ref === null) {
      out.push({ start, end, value: null, relative: true, priority: PRIORITY_RULE });
    } else {
      const year = yearForMonthDay(ref, month, dom, tenseFor(text, start, end));
      out.push({ start, end, value: day(dayNumber(year, month, dom)), relative: true, priority: PRIORITY_RULE });
    }
  }
  return out;
}

/** Every relative date in the text (weekdays, relative expressions, holidays), resolved against `ref` when there is one. */
export function relativeDates(text: string, ref: DayNumber | null): DateCandidate[] {
  return [...weekdayDates(text, ref), ...relativeExpressions(text, ref), ...holidayDates(text, ref)];
}
