// Finds date expressions in an article and resolves them to calendar values.
//
// Explicit dates written with a month name or in numeric form ("Friday, July 21, 2017", "Aug 15", "March 2010",
// "2021-08-15") are parsed by chrono-node, run only on small windows around month names and numeric dates so that a
// megabyte of text costs little. Everything else is rules of our own, because news needs them and chrono gets them
// wrong or not at all: weekdays resolved by the tense of their clause, "yesterday", "last week", "this year",
// "N years ago", bare years, decades, and months alone. Relative expressions resolve against the article's date;
// without one they keep their span but get no value.
import * as chrono from 'chrono-node';
import type { DateMention, DateValue } from './analysisModel';
import {
  addMonths,
  dayNumber,
  formatDay,
  formatMonth,
  formatYear,
  fromDayNumber,
  isValidDay,
  parseIsoDay,
  resolveWeekday,
  weekRange,
  weekendRange,
  yearForMonthDay,
  type DayNumber,
  type WeekdayModifier,
} from './dateResolution';
import { tenseAt, type Tense } from './tense';

interface Candidate {
  start: number;
  end: number;
  value: DateValue;
  /** true when the value depends on the reference date. */
  relative: boolean;
  /** Higher wins an overlap of equal length. */
  priority: number;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const NUMBER_PATTERN =
  '(?:\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a hundred)';

function parseNumber(s: string): number | null {
  const w = s.toLowerCase().trim();
  if (/^\d+$/.test(w)) return Number(w);
  if (w === 'a hundred') return 100;
  const parts = w.split(/[- ]/);
  let total = 0;
  for (const p of parts) {
    const v = NUMBER_WORDS[p];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// Explicit dates through chrono-node

const MONTH_TOKEN =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)\b\.?|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g;

const WINDOW = 48;

let casual: chrono.Chrono | null = null;
function chronoParser(): chrono.Chrono {
  casual ??= new chrono.Chrono(chrono.en.configuration.createCasualConfiguration(false));
  return casual;
}

/** Text positions of month names and numeric dates, grouped into windows chrono parses one at a time. */
function explicitWindows(text: string): { from: number; to: number; hits: { start: number; end: number }[] }[] {
  const windows: { from: number; to: number; hits: { start: number; end: number }[] }[] = [];
  MONTH_TOKEN.lastIndex = 0;
  for (let m = MONTH_TOKEN.exec(text); m; m = MONTH_TOKEN.exec(text)) {
    const hit = { start: m.index, end: m.index + m[0].length };
    let from = Math.max(0, hit.start - WINDOW);
    let to = Math.min(text.length, hit.end + WINDOW);
    while (from > 0 && /\S/.test(text[from - 1]!) && from > hit.start - WINDOW - 20) from--;
    while (to < text.length && /\S/.test(text[to]!) && to < hit.end + WINDOW + 20) to++;
    // a window never crosses a line break: a date does not run from one paragraph into the next
    const nlBefore = text.lastIndexOf('\n', hit.start - 1);
    if (nlBefore >= from) from = nlBefore + 1;
    const nlAfter = text.indexOf('\n', hit.end);
    if (nlAfter >= 0 && nlAfter < to) to = nlAfter;
    const last = windows[windows.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.hits.push(hit);
    } else {
      windows.push({ from, to, hits: [hit] });
    }
  }
  return windows;
}

const LEADING_WORDS = /^(?:(?:on|in|at|from|since|by|of|the|until|till|to|during|between|before|after|as of|through|throughout|early|late|mid-?)\s+|mid-)+/i;
const TIME_TAIL =
  /(?:,?\s*(?:at|@|around|about|from|by)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|h|hrs|GMT|UTC|[A-Z]{2,4}T)?(?:\s*(?:-|–|to)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?)?(?:\s*\([A-Z]{2,5}\))?|,?\s*(?:at\s+)?(?:noon|midnight|night|morning|evening|afternoon|tonight))\s*$/i;

interface ChronoComponentsLike {
  get(c: chrono.Component): number | null;
  isCertain(c: chrono.Component): boolean;
}

function explicitCandidates(text: string, ref: DayNumber | null): Candidate[] {
  const out: Candidate[] = [];
  const refYmd = ref === null ? null : fromDayNumber(ref);
  const refDate = refYmd ? new Date(refYmd.year, refYmd.month - 1, refYmd.day, 12) : new Date(2000, 0, 1, 12);
  const parser = chronoParser();
  for (const w of explicitWindows(text)) {
    const slice = text.slice(w.from, w.to);
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(slice, refDate);
    } catch {
      continue;
    }
    for (const r of results) {
      const start = w.from + r.index;
      const end = start + r.text.length;
      if (!w.hits.some((h) => h.start < end && h.end > start)) continue;
      if (!r.start.isCertain('month')) continue;
      for (const c of splitChronoResult(text, start, end, r, ref)) out.push(c);
    }
  }
  return out;
}

const RANGE_SPLIT = /^(.*?\S)\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\band\b)\s*(\S.*)$/;
const STARTS_WITH_MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)/;

/** One chrono result becomes one mention, or two when it is a range of two full dates ("July 2003 to December 2004"). */
function splitChronoResult(text: string, start: number, end: number, r: chrono.ParsedResult, ref: DayNumber | null): Candidate[] {
  const spans = trimExplicit(text, start, end, r.start.isCertain('hour') || (r.end?.isCertain('hour') ?? false));
  if (!spans) return [];
  [start, end] = spans;
  const body = text.slice(start, end);
  if (r.end) {
    const m = RANGE_SPLIT.exec(body);
    if (m && STARTS_WITH_MONTH.test(m[2]!)) {
      const firstEnd = start + m[1]!.length;
      const secondStart = end - m[2]!.length;
      const first = explicitCandidate(text, start, firstEnd, r.start, ref);
      const second = explicitCandidate(text, secondStart, end, r.end, ref);
      return [first, second].filter((c): c is Candidate => c !== null);
    }
    const from = explicitCandidate(text, start, end, r.start, ref);
    const to = explicitCandidate(text, start, end, r.end, ref);
    if (from && to && typeof from.value === 'string' && typeof to.value === 'string' && from.value !== to.value) {
      return [{ ...from, value: { from: from.value, to: to.value }, relative: from.relative || to.relative }];
    }
    return from ? [from] : [];
  }
  const c = explicitCandidate(text, start, end, r.start, ref);
  return c ? [c] : [];
}

/** Drops leading prepositions and a trailing time of day from a chrono span; null when nothing date-like is left. */
function trimExplicit(text: string, start: number, end: number, hasTime: boolean): [number, number] | null {
  let body = text.slice(start, end);
  const lead = LEADING_WORDS.exec(body);
  if (lead) {
    start += lead[0].length;
    body = body.slice(lead[0].length);
  }
  for (let i = 0; hasTime && i < 2; i++) {
    const tail = TIME_TAIL.exec(body);
    if (!tail || tail.index === 0) break;
    const cut = body.slice(0, tail.index);
    // keep a trailing day-of-month or year that the time pattern swallowed ("July 21", "May 2010")
    if (!/[A-Za-z]\.?$|\d$/.test(cut.trimEnd()) && !/\d/.test(cut)) break;
    if (/^\s*,?\s*\d{1,2}\s*$/.test(tail[0]) && !/\d/.test(cut)) break; // "July 21" — the number is the day
    if (/^\s*,?\s*\d{4}\s*$/.test(tail[0])) break; // a year, not a time
    if (/^\s*,?\s*\d{1,2}\s*$/.test(tail[0])) break;
    end = start + cut.trimEnd().length;
    body = text.slice(start, end);
  }
  while (end > start && /[\s,.;:()]/.test(text[end - 1]!) && !/\b[A-Z][a-z]{2}\.$|\bSept\.$/.test(text.slice(start, end))) end--;
  if (end <= start) return null;
  return [start, end];
}

/** A candidate from chrono components: day, month or year granularity by what the text states. */
function explicitCandidate(text: string, start: number, end: number, c: ChronoComponentsLike, ref: DayNumber | null): Candidate | null {
  const month = c.get('month');
  if (!month || !c.isCertain('month')) return null;
  const hasDay = c.isCertain('day');
  const day = hasDay ? c.get('day') : null;
  const body = text.slice(start, end);
  if (!hasDay && !c.isCertain('year') && !acceptMonthAlone(text, start, end)) return null;
  if (hasDay && !c.isCertain('year') && /^(?:May|March|June|Jan|Sun)\b/.test(body) && !monthDayLooksLikeDate(body)) return null;
  let year: number | null = c.isCertain('year') ? c.get('year') : null;
  let relative = false;
  if (year === null) {
    relative = true;
    if (ref === null) return { start, end, value: null, relative, priority: 2 };
    const tense = tenseAt(text, start, end);
    const modifier = monthModifier(text, start);
    if (modifier && day === null) year = yearForModifiedMonth(ref, month, modifier);
    else year = yearForMonthDay(ref, month, day, tense);
  }
  if (day !== null) {
    if (!isValidDay(year, month, day)) return null;
    return { start, end, value: formatDay(dayNumber(year, month, day)), relative, priority: 2 };
  }
  return { start, end, value: formatMonth(year, month), relative, priority: 2 };
}

function monthDayLooksLikeDate(body: string): boolean {
  return /^[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/.test(body) || /\d/.test(body);
}

const MONTH_ALONE_BEFORE =
  /(?:\b(?:in|since|until|till|by|during|from|to|through|throughout|before|after|between|and|or|of|last|next|this|early|late|mid|end|beginning|start|middle|around|until|that)\s+|\bmid-)$/i;

/** A month name alone ("in March") is a date only after a temporal word, and not when a capitalised word follows (a name). */
function acceptMonthAlone(text: string, start: number, end: number): boolean {
  const body = text.slice(start, end);
  if (!/^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(body)) return false;
  const before = text.slice(Math.max(0, start - 20), start);
  if (!MONTH_ALONE_BEFORE.test(before)) return false;
  const after = text.slice(end, end + 20);
  if (/^\s+[A-Z]/.test(after) && !/^\s+(?:I|It|The|A|An)\b/.test(after)) return false;
  if (/^['’]s\b/.test(after)) return true;
  return true;
}

function monthModifier(text: string, start: number): 'last' | 'next' | 'this' | null {
  const m = /\b(last|next|this|coming|past)\s+$/i.exec(text.slice(Math.max(0, start - 12), start));
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  return w === 'past' ? 'last' : w === 'coming' ? 'next' : (w as 'last' | 'next' | 'this');
}

function yearForModifiedMonth(ref: DayNumber, month: number, modifier: 'last' | 'next' | 'this'): number {
  const r = fromDayNumber(ref);
  if (modifier === 'last') return month < r.month ? r.year : r.year - 1;
  if (modifier === 'next') return month > r.month ? r.year : r.year + 1;
  return r.year;
}

// ---------------------------------------------------------------------------------------------------------------
// Rules of our own

const WEEKDAY_RE =
  /\b(?:(last|next|this|coming|past)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)(?![\w-]|['’](?!s\b))/gi;
const TIME_OF_DAY_WORD = /^(?:Morning|Night|Evening|Afternoon|Noon|Midnight)\b/;
const WEEKDAY_CONTEXT_BEFORE =
  /\b(?:on|by|since|until|till|from|to|through|before|after|late|early|and|or|of|last|next|this|coming|past|every|each|between|as of|that|until|during)\s*$/i;

function weekdayCandidates(text: string, ref: DayNumber | null): Candidate[] {
  const out: Candidate[] = [];
  WEEKDAY_RE.lastIndex = 0;
  for (let m = WEEKDAY_RE.exec(text); m; m = WEEKDAY_RE.exec(text)) {
    const name = m[2]!;
    if (name[0] !== name[0]!.toUpperCase()) continue; // "sunday" in lower case is not a reliable weekday
    const modifierWord = m[1]?.toLowerCase() ?? null;
    const start = m.index;
    const end = m.index + m[0].length;
    const nameStart = end - name.length;
    const before = text.slice(Math.max(0, nameStart - 24), nameStart);
    const after = text.slice(end, end + 24);
    if (/^['’]?s\b/.test(after) && !/^['’]s\b/.test(after)) continue; // "Sundays": habitual
    if (/\b(?:every|each|an?)\s+$/i.test(before) && !modifierWord) continue; // habitual, or "was a Tuesday"
    if (!modifierWord && !WEEKDAY_CONTEXT_BEFORE.test(before)) {
      // "Bloody Sunday", "Super Tuesday": a capitalised word right before, inside a sentence
      const prevWord = /([A-Za-z]+)\s+$/.exec(before);
      if (prevWord && /^[A-Z]/.test(prevWord[1]!) && !/(?:^|[.!?:"“”\n]\s*)[A-Za-z]+\s+$/.test(before) && !/^(?:Late|Early|On|By|Since|Until|From|Last|Next|This)$/.test(prevWord[1]!))
        continue;
    }
    // "the Sunday Times": a capitalised word right after that is not a time of day
    if (/^\s[A-Z][a-z]/.test(after) && !TIME_OF_DAY_WORD.test(after.trimStart()) && !WEEKDAY_CONTEXT_BEFORE.test(before) && !modifierWord) continue;
    const weekday = WEEKDAYS.indexOf(name.toLowerCase());
    if (ref === null) {
      out.push({ start, end, value: null, relative: true, priority: 1 });
      continue;
    }
    const modifier = (modifierWord as WeekdayModifier) ?? null;
    const tense = modifier ? 'unknown' : tenseAt(text, start, end);
    const day = resolveWeekday(ref, weekday, modifier, tense);
    out.push({ start, end, value: formatDay(day), relative: true, priority: 1 });
  }
  return out;
}

const CASUAL_RE = new RegExp(
  [
    '\\b(the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow)\\b',
    '\\b(yesterday|tomorrow|tonight|last\\s+night|this\\s+(?:morning|afternoon|evening))\\b',
    '\\b(today)\\b',
    '\\b(?:(earlier|later)\\s+)?(this\\s+past|the\\s+past|this|last|next|past|coming)\\s+(week|weekend|month|year|years)\\b',
    '\\b(?:(?:over|during|throughout|on|at|for)\\s+)(the)\\s+(weekend)\\b',
    `\\b(?:(just|some|about|around|nearly|almost|more\\s+than|over|less\\s+than|roughly)\\s+)?(${NUMBER_PATTERN}|a\\s+few|several|a\\s+couple\\s+of)\\s+(hours?|days?|weeks?|months?|years?|decades?)\\s+ago\\b`,
    `\\b(the\\s+(?:past|last))\\s+(${NUMBER_PATTERN}|few|several|couple\\s+of)\\s+(days|weeks|months|years)\\b`,
  ].join('|'),
  'gi',
);

function casualCandidates(text: string, ref: DayNumber | null): Candidate[] {
  const out: Candidate[] = [];
  CASUAL_RE.lastIndex = 0;
  for (let m = CASUAL_RE.exec(text); m; m = CASUAL_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const push = (value: DateValue): void => {
      out.push({ start, end, value: ref === null ? null : value, relative: true, priority: 1 });
    };
    const r = ref ?? 0;
    const ry = fromDayNumber(r);
    if (m[1]) {
      push(formatDay(/before/i.test(m[1]) ? r - 2 : r + 2));
    } else if (m[2]) {
      const w = m[2].toLowerCase();
      if (w === 'yesterday' || /^last\s+night$/.test(w)) push(formatDay(r - 1));
      else if (w === 'tomorrow') push(formatDay(r + 1));
      else push(formatDay(r));
    } else if (m[3]) {
      if (!todayNamesADay(text, start, end)) continue;
      push(formatDay(r));
    } else if (m[6]) {
      const edge = m[4]?.toLowerCase() ?? null;
      const unit = m[6].toLowerCase();
      let which = m[5]!.toLowerCase().replace(/^this\s+past$/, 'last');
      if (unit === 'weekend' && /past$/.test(which)) which = 'last';
      if (/past$/.test(which)) {
        // "the past week/month/year": the stretch of that length up to the article date
        if (unit === 'years') continue;
        const back = unit === 'week' ? { from: formatDay(r - 7) } : unit === 'month' ? { from: formatDay(dayNumber(addMonths(ry.year, ry.month, -1).year, addMonths(ry.year, ry.month, -1).month, Math.min(ry.day, 28))) } : { from: formatDay(dayNumber(ry.year - 1, ry.month, Math.min(ry.day, 28))) };
        push({ from: back.from, to: formatDay(r) });
        continue;
      }
      if (unit === 'years' && which !== 'this') continue; // "in past years": no particular year
      if (unit === 'years' && !/^\s+[a-z]/.test(text.slice(end, end + 3))) continue;
      const offset = which === 'last' || which === 'past' ? -1 : which === 'next' || which === 'coming' ? 1 : 0;
      if (unit === 'week') {
        const wk = weekRange(r, offset);
        if (edge === 'earlier' && offset === 0) push({ from: formatDay(wk.from), to: formatDay(r) });
        else if (edge === 'later' && offset === 0) push({ from: formatDay(r), to: formatDay(wk.to) });
        else push({ from: formatDay(wk.from), to: formatDay(wk.to) });
      } else if (unit === 'weekend') {
        const tense = offset === 0 ? tenseAt(text, start, end) : 'unknown';
        const we = weekendRange(r, offset < 0 ? 'last' : offset > 0 ? 'next' : 'this', tense);
        push({ from: formatDay(we.from), to: formatDay(we.to) });
      } else if (unit === 'month') {
        const mo = addMonths(ry.year, ry.month, offset);
        push(formatMonth(mo.year, mo.month));
      } else {
        push(formatYear(ry.year + offset));
      }
    } else if (m[8]) {
      const tense = tenseAt(text, start, end);
      const we = weekendRange(r, 'this', tense);
      out.push({ start: end - m[8].length, end, value: ref === null ? null : { from: formatDay(we.from), to: formatDay(we.to) }, relative: true, priority: 1 });
    } else if (m[11]) {
      const n = /few|several|couple/i.test(m[10]!) ? null : parseNumber(m[10]!);
      const unit = m[11].toLowerCase().replace(/s$/, '');
      const spanStart = m[9] ? start + m[0].indexOf(m[10]!, m[9].length) : start;
      if (n === null) {
        out.push({ start: spanStart, end, value: null, relative: true, priority: 1 });
        continue;
      }
      out.push({ start: spanStart, end, value: ref === null ? null : agoValue(r, n, unit), relative: true, priority: 1 });
    } else if (m[14]) {
      const n = /few|several|couple/i.test(m[13]!) ? 3 : parseNumber(m[13]!);
      if (n === null) continue;
      const unit = m[14].toLowerCase().replace(/s$/, '');
      const from = agoValue(r, n, unit);
      push(typeof from === 'string' ? { from, to: unit === 'day' || unit === 'week' ? formatDay(r) : unit === 'month' ? formatMonth(ry.year, ry.month) : formatYear(ry.year) } : null);
    }
  }
  return out;
}

function agoValue(ref: DayNumber, n: number, unit: string): string {
  const r = fromDayNumber(ref);
  switch (unit) {
    case 'hour':
      return formatDay(ref - Math.floor(n / 24));
    case 'day':
      return formatDay(ref - n);
    case 'week':
      return formatDay(ref - 7 * n);
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

/** "today" is a date when it names the day ("today's game", "earlier today", "said today"), not when it means "nowadays". */
function todayNamesADay(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  const after = text.slice(end, end + 20);
  if (/\b(?:earlier|later|until|till|since|by|from|as of)\s+$/i.test(before)) return true;
  if (/^['’]s\s+(?:world|society|youth|generation|standards|economy|culture|children|technology|market)\b/i.test(after)) return false;
  if (/^['’]s\b/.test(after)) return true;
  if (/\bof\s+$/i.test(before)) return false; // "the youth of today"
  // "Today, most people …": a sentence opening on "Today," in the present speaks of nowadays
  if (/(?:^|[.!?"“]\s*|\n\s*)$/.test(before) && /^\s*,/.test(after)) {
    const tense = tenseAt(text, start, end);
    return tense === 'past' || tense === 'future';
  }
  return true;
}

// Bare years: "in 1994", "from 2004 to 2009", "World Cup 2018"; not "2,000", "$2000", "2000 people", "a 2000-year-old".
const YEAR_RE = /(?<![\d$€£¥#.,:/\\]|\d[,.]|(?:^|\D)\d{1,3}-)\b(1[5-9]\d\d|20\d\d)\b(?!['’]?s\b)(?![,.]\d|\d|%|:\d)/g;
const COUNT_NOUN =
  /^\s*(?:-|–)?\s*(?:years?|yrs?|year-old|people|persons|men|women|children|kids|babies|troops|soldiers|police|officers|fighters|militants|workers|employees|staff|students|members|residents|families|households|homes|houses|buildings|cars|vehicles|km|kilomet(?:re|er)s|miles|met(?:re|er)s|m|ft|feet|kg|kilograms|g|grams|lbs|tons|tonnes|pounds|dollars|euros|yen|rupees|francs|votes|seats|calories|units|copies|signatures|acres|hectares|barrels|points|hours|minutes|seconds|days|weeks|months|jobs|deaths|cases|words|pages|times|items|species|sites|schools|hospitals|beds|refugees|prisoners|patients|visitors|participants|delegates|runners|spectators|fans|animals|trees|cattle|sheep|tickets|copies|others|more|less|of\s+(?:them|these|those|the\s+\w+s)\b|per\s*cent|percent|mph|km\/h|feet|inch(?:es)?|cm|mm)\b/i;
const MONEY_BEFORE = /(?:US\$|\$|€|£|¥|\bUSD|\bEUR|\bGBP|\bRs\.?|\bNo\.|\bno\.|\bnumber|\bpage|\bpages|\bflight|\bFlight|\broute|\bRoute|\bHighway|\bRoom|\bline|\bLine|\bbus|\bBus|\bModel|\bmodel|\bversion|\bv\.)\s*$/;

function yearCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end, end + 30);
    if (MONEY_BEFORE.test(before)) continue;
    if (COUNT_NOUN.test(after)) continue;
    if (/^-(?!\s*(?:1[5-9]|20)\d\d\b)[A-Za-z0-9]/.test(after)) continue; // "2000-strong", "2010-11" handled loosely
    if (/^\s*(?:to|and|-|–)\s*\d{1,3}\b(?!\d)/.test(after) && !/^\s*(?:to|and|-|–)\s*\d{2}\b(?!\d)/.test(after)) continue; // "2000 to 300"
    out.push({ start, end, value: m[1]!, relative: false, priority: 0 });
  }
  return out;
}

const DECADE_RE = /(?<![\w$'’-])(?:(1[0-9]|20)(\d)0|['’](\d)0)['’]?s\b/g;

function decadeCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  DECADE_RE.lastIndex = 0;
  for (let m = DECADE_RE.exec(text); m; m = DECADE_RE.exec(text)) {
    const century = m[1] ? Number(m[1]) : 19;
    const tens = Number(m[2] ?? m[3]);
    const from = century * 100 + tens * 10;
    out.push({ start: m.index, end: m.index + m[0].length, value: { from: formatYear(from), to: formatYear(from + 9) }, relative: false, priority: 0 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

/** Keeps the longest of overlapping candidates (then the higher priority, then the earlier). */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every date expression in `text`, resolved against `reference` (the article's date, YYYY-MM-DD) when it is relative.
 * Offsets are UTF-16 offsets into `text`, end exclusive.
 */
export function findDates(text: string, reference: string | null): DateMention[] {
  const ref = parseIsoDay(reference);
  const refString = ref === null ? null : formatDay(ref);
  const candidates = [
    ...explicitCandidates(text, ref),
    ...weekdayCandidates(text, ref),
    ...casualCandidates(text, ref),
    ...yearCandidates(text),
    ...decadeCandidates(text),
  ];
  return resolveOverlaps(candidates).map((c) => {
    const relative = c.relative;
    const value = relative && ref === null ? null : c.value;
    return {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      value,
      resolvedAgainst: !relative ? 'self' : ref === null ? 'none' : 'article-date',
      reference: relative && ref !== null ? refString : null,
    };
  });
}

export type { Tense };
