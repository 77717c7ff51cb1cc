// Days listed under one month name: "on March 2 and 3", "on January 3, 5 and 7", "on 20 and 21 February", "May 3 and
// 4, 2009". chrono reads the day next to the month only, so the others were lost (or, with a year after the last day,
// the first one went to the wrong year). Each listed day is a date of its own, as news annotation marks two dates
// joined by "and"; all of them share the month and the year (the year written after the last one, else the one the
// date next to the month was given).
import { monthNumber } from '../article/articleDate';
import { dayNumber, formatDay, isValidDay } from './dateResolution';
import type { DateCandidate } from './datesCommon';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

/** A date that is a month and its day, nothing else: "March 2", "Sept. 14th". */
const MONTH_DAY = new RegExp(`^(${MONTH})\\s+${DAY}$`, 'i');
/** A date that is a day and its month, with or without a year: "21 February", "4th of May", "12 October 2010". */
const DAY_MONTH = new RegExp(`^${DAY}\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(\\d{4}))?$`, 'i');
/** The days after a month and its day: ", 5 and 7", " or 10", " and 4, 2009". */
const DAYS_AFTER = new RegExp(`^((?:\\s*,\\s*\\d{1,2}(?:st|nd|rd|th)?)*)\\s*,?\\s+(?:and|or|&)\\s+(\\d{1,2}(?:st|nd|rd|th)?)\\b(,?\\s+(\\d{4})\\b(?![-–/]\\d))?`, 'i');
/** The days before a day and its month: "on 20 and ", "on the 3rd, 4th and ", "between 11 and ". */
const DAYS_BEFORE = new RegExp(
  `(?:[\\n(]|\\b(?:on|between|from|of|by|until|till|before|after|since|during)\\s+(?:the\\s+)?)${DAY}((?:\\s*,\\s*\\d{1,2}(?:st|nd|rd|th)?)*)\\s*,?\\s+(?:and|or|&)\\s+$`,
  'i',
);
/** What may follow a listed day: the end of a clause or a word that opens no noun phrase ("14 people" is a count). */
const AFTER_LAST_DAY =
  /^(?:\s*$|\s*[,.;:!?)"”’\]]|\s+(?:in|at|on|with|when|while|and|but|or|for|from|after|before|during|respectively|as|to|until|by|each|both|this|last|next|the|a|an|it|its|he|she|they|we|I)\b)/i;

/** The numbers of a list ", 5, 6" and the offset of each, relative to `at`. */
function listed(list: string, at: number): { day: number; start: number; end: number }[] {
  const out: { day: number; start: number; end: number }[] = [];
  for (const m of list.matchAll(/\d{1,2}(?:st|nd|rd|th)?/g)) out.push({ day: parseInt(m[0], 10), start: at + m.index, end: at + m.index + m[0].length });
  return out;
}

/** Days that rise, each a day of the month in the year (null: the year is unknown, any day up to 31). */
function validDays(days: readonly number[], month: number, year: number | null): boolean {
  return days.every((d, i) => d >= 1 && (i === 0 || d > days[i - 1]!) && (year === null ? d <= 31 : isValidDay(year, month, d)));
}

/**
 * The dates of the days listed with the month-and-day dates in `kept` (in text order): the days found, each a
 * candidate of its own, and the dated ones whose year the list's year changes, replaced.
 */
export function daysSharingMonth(text: string, kept: readonly DateCandidate[]): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const c of kept) {
    if (c.value !== null && (typeof c.value !== 'string' || c.value.length !== 10)) continue; // a day, or unresolved
    const own = text.slice(c.start, c.end);
    const year = (v: DateCandidate['value']): number | null => (typeof v === 'string' ? Number(v.slice(0, 4)) : null);
    const monthDay = MONTH_DAY.exec(own);
    if (monthDay) {
      const after = DAYS_AFTER.exec(text.slice(c.end, c.end + 60));
      if (!after) continue;
      const lastStart = c.end + after[0].length - (after[3]?.length ?? 0) - after[2]!.length;
      const end = c.end + after[0].length;
      // (a year after the last day ends the list: "May 3 and 4 2009 were")
      if (after[4] === undefined && !AFTER_LAST_DAY.test(text.slice(end, end + 20))) continue;
      const days = [Number(monthDay[2]), ...listed(after[1]!, c.end).map((d) => d.day), parseInt(after[2]!, 10)];
      const month = monthNumber(monthDay[1]!);
      if (month === undefined) continue;
      const stated = after[4] !== undefined ? Number(after[4]) : null;
      const y = stated ?? year(c.value);
      if (!validDays(days, month, y)) continue;
      const relative = stated === null && c.relative;
      const at = (d: number): DateCandidate['value'] => (y === null ? null : formatDay(dayNumber(y, month, d)));
      if (stated !== null) out.push({ ...c, value: at(days[0]!), relative });
      for (const d of listed(after[1]!, c.end)) out.push({ start: d.start, end: d.end, value: at(d.day), relative, priority: c.priority });
      out.push({ start: lastStart, end, value: at(days[days.length - 1]!), relative, priority: c.priority });
      continue;
    }
    const dayMonth = DAY_MONTH.exec(own);
    if (!dayMonth) continue;
    // (the text's start counts as a line's: the list is matched at the end of the slice, so offsets count from c.start)
    const before = DAYS_BEFORE.exec((c.start <= 60 ? '\n' : '') + text.slice(Math.max(0, c.start - 60), c.start));
    if (!before) continue;
    const from = c.start - before[0].length + before[0].search(/\d/);
    const first = before[0].slice(before[0].search(/\d/));
    const firstLength = /^\d{1,2}(?:st|nd|rd|th)?/.exec(first)![0].length;
    const listStart = from + firstLength;
    const month = monthNumber(dayMonth[2]!);
    if (month === undefined) continue;
    const y = year(c.value);
    const earlier = [{ day: Number(before[1]), start: from, end: from + firstLength }, ...listed(before[2]!, listStart)];
    if (!validDays([...earlier.map((d) => d.day), Number(dayMonth[1])], month, y)) continue;
    for (const d of earlier) {
      out.push({ start: d.start, end: d.end, value: y === null ? null : formatDay(dayNumber(y, month, d.day)), relative: c.relative, priority: c.priority });
    }
  }
  return out;
}
