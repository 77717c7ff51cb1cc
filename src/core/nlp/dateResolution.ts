// Calendar arithmetic for resolving date expressions against a reference day.
// Days are plain integers (days since 1970-01-01, UTC), so no time zone ever moves a date.
import type { Tense } from './tense';

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function fromDayNumber(n: DayNumber): Ymd {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay(). */
export function weekdayOf(n: DayNumber): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatYear(year: number): string {
  return pad(year, 4);
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatDay(n: DayNumber): string {
  const { year, month, day } = fromDayNumber(n);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Parses a strict YYYY-MM-DD into a day number; null when it is not a real calendar day. */
export function parseIsoDay(s: string | null | undefined): DayNumber | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const n = dayNumber(y, mo, d);
  const back = fromDayNumber(n);
  return back.month === mo && back.day === d ? n : null;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return fromDayNumber(dayNumber(year, month, day)).day === day;
}

/** Adds months to a (year, month) pair. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export type WeekdayModifier = 'last' | 'next' | 'this' | 'coming' | 'past' | null;

/**
 * The day a weekday name refers to, seen from the reference day.
 * News reports the past: a bare weekday in a past (or tenseless) clause is the latest such day on or before
 * the reference (the reference itself when it is that weekday); in a future or present clause, the first on or after it.
 */
export function resolveWeekday(ref: DayNumber, weekday: number, modifier: WeekdayModifier, tense: Tense): DayNumber {
  const refWd = weekdayOf(ref);
  const back = (refWd - weekday + 7) % 7; // days back to the latest such weekday (0 = today)
  const ahead = (weekday - refWd + 7) % 7; // days ahead to the next such weekday (0 = today)
  switch (modifier) {
    case 'last':
    case 'past':
      return ref - (back === 0 ? 7 : back);
    case 'next':
    case 'coming':
      return ref + (ahead === 0 ? 7 : ahead);
    default:
      if (tense === 'future' || tense === 'present') return ref + ahead;
      return ref - back;
  }
}

/** Monday of the week holding the given day (ISO weeks run Monday to Sunday). */
export function mondayOf(n: DayNumber): DayNumber {
  return n - ((weekdayOf(n) + 6) % 7);
}

export interface DayRange {
  readonly from: DayNumber;
  readonly to: DayNumber;
}

/** The ISO week `offset` weeks from the reference's week (0 = this week, -1 = last week). */
export function weekRange(ref: DayNumber, offset: number): DayRange {
  const monday = mondayOf(ref) + 7 * offset;
  return { from: monday, to: monday + 6 };
}

/**
 * The weekend meant by "this weekend" / "the weekend" (by tense: the one just past unless the clause is about the future;
 * the current one when the reference is a Saturday or Sunday), "last weekend" or "next weekend".
 */
export function weekendRange(ref: DayNumber, modifier: 'this' | 'last' | 'next', tense: Tense): DayRange {
  const wd = weekdayOf(ref);
  if (wd === 6 || wd === 0) {
    // the reference is itself in a weekend: "this weekend" is that one
    const current = wd === 6 ? { from: ref, to: ref + 1 } : { from: ref - 1, to: ref };
    const shift = modifier === 'last' ? -7 : modifier === 'next' ? 7 : 0;
    return { from: current.from + shift, to: current.to + shift };
  }
  const previous = { from: ref - (wd + 1), to: ref - wd }; // Saturday and Sunday just before
  const following = { from: previous.from + 7, to: previous.to + 7 };
  if (modifier === 'last') return previous;
  if (modifier === 'next') return following;
  return tense === 'future' || tense === 'present' ? following : previous;
}

/**
 * The year of a month-and-day (or a month alone) written without a year. News reports the past: in a past clause it is
 * the latest such date on or about the reference (a week's grace for a day, the reference's own month for a month alone);
 * in a future or present clause the first one on or after it; without a tense the nearest. `reported`: a future
 * reported in the past ("said it would vote on March 10") may be due a little before the reference.
 */
export function yearForMonthDay(ref: DayNumber, month: number, day: number | null, tense: Tense, reported = false): number {
  const r = fromDayNumber(ref);
  if (reported && tense === 'future') {
    // a plan reported in the past was due after the report, which may be some weeks before the article: the year that
    // puts the date (a month by its middle) from about two months before the article to ten after
    for (const year of [r.year - 1, r.year, r.year + 1]) {
      const diff = dayNumber(year, month, day ?? 15) - ref;
      if (diff >= -(day === null ? 60 : 75) && diff < 300) return year;
    }
  }
  const after = day === null ? month > r.month : dayNumber(r.year, month, day) > ref + 7;
  const before = day === null ? month < r.month : dayNumber(r.year, month, day) < ref - 7;
  if (tense === 'past') return after ? r.year - 1 : r.year;
  if (tense === 'future' || tense === 'present') return before ? r.year + 1 : r.year;
  const diff = dayNumber(r.year, month, day ?? 15) - ref;
  if (diff > 183) return r.year - 1;
  if (diff < -183) return r.year + 1;
  return r.year;
}
