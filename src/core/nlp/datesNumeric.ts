// Years and decades written as numbers: "in 1994", "from 2011 to 2015", "the 2034 Winter Games", "the 1990s", "the '90s".
// A four-digit number is a year unless its context makes it a quantity ("2000 people", "$2000", "more than 2000"),
// a clock time ("2100 GMT"), an address ("1600 Pennsylvania Avenue") or part of another number ("2,000", "1999.5").
import { formatYear, fromDayNumber, type DayNumber } from './dateResolution';
import { PRIORITY_NAMED, PRIORITY_NUMBER, type DateCandidate } from './datesCommon';

const YEAR_RE = /(?<![\d$€£¥#.,:/\\]|\d[,.]|(?:^|\D)\d{1,3}-)\b(1[5-9]\d\d|20\d\d)\b(?!s\b)(?!(?<=0)['’]s\b)(?![,.]\d|\d|%|:\d)/g;
/** Words that make the number before them a quantity. */
const QUANTITY_AFTER =
  /^\s*(?:-|–)?\s*(?:years?|yrs?|year-old|people|persons|men|women|children|kids|babies|troops|soldiers|police|officers|fighters|militants|workers|employees|staff|students|members|residents|families|households|homes|houses|buildings|cars|vehicles|km|kilomet(?:re|er)s|miles|met(?:re|er)s|m|ft|feet|kg|kilograms|g|grams|lbs|tons|tonnes|pounds|dollars|euros|yen|rupees|francs|votes|seats|calories|units|copies|signatures|acres|hectares|barrels|points|hours|minutes|seconds|days|weeks|months|jobs|deaths|cases|words|pages|times|items|species|sites|schools|hospitals|beds|refugees|prisoners|patients|visitors|participants|delegates|runners|spectators|fans|animals|trees|cattle|sheep|tickets|others|more|less|lots|contracts|shares|bales|ounces|bushels|million|billion|trillion|thousand|mln|bln|bn|of\s+(?:them|these|those|the\s+\w+s)\b|per\s*cent|percent|mph|km\/h|inch(?:es)?|cm|mm)\b/i;
/** What makes the number after it a quantity, an amount of money or an identifier. */
const QUANTITY_BEFORE =
  /(?:US\$|\$|€|£|¥|\b(?:USD|EUR|GBP|Rs\.?|No\.|no\.|number|page|pages|flight|Flight|route|Route|Highway|Room|line|Line|bus|Bus|Model|model|version|v\.)|\b(?:at|than|nearly|approximately|roughly|total\s+of))\s*$/;

function yearDates(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 16), start);
    const after = text.slice(end, end + 40);
    if (QUANTITY_BEFORE.test(before) || QUANTITY_AFTER.test(after)) continue;
    if (ERA_AFTER.test(after)) continue; // "1500 BC": no year of ours (a value cannot say BC)
    if (/^\s*(?:GMT|UTC|hours|hrs|local\s+time)\b/.test(after)) continue; // a 24-hour clock time
    if (/^\s+(?:[A-Z][a-z]+\s+){0,2}(?:Avenue|Street|Road|Boulevard|Lane|Drive|Ave|St|Rd|Blvd)\b/.test(after)) continue; // an address
    const short = /^[-–\/](\d\d)\b(?![-–\/.,]?\d)/.exec(after);
    if (short && Number(short[1]) > Number(m[1]!.slice(2))) {
      // "1950-53", "the 2021-22 season": a range of years written short
      const to = m[1]!.slice(0, 2) + short[1]!;
      out.push({ start, end: end + short[0].length, value: { from: m[1]!, to }, relative: false, priority: PRIORITY_NUMBER });
      continue;
    }
    const spaced = /^\s+[-–]\s+(\d\d)\b(?![-–\/.,:]?\d|\s*%)/.exec(after);
    if (spaced && Number(spaced[1]) > Number(m[1]!.slice(2)) && !QUANTITY_AFTER.test(after.slice(spaced[0].length))) {
      // "1890 – 91": the second year written short, set apart by spaces, is a year of its own (as "1890 – 1891" would be)
      const second = end + spaced[0].length - 2;
      out.push({ start: second, end: second + 2, value: m[1]!.slice(0, 2) + spaced[1]!, relative: false, priority: PRIORITY_NUMBER });
    }
    if (/^-(?!\s*(?:1[5-9]|20)\d\d\b)[A-Za-z0-9]/.test(after)) continue; // "2000-strong"
    if (/^\s*(?:to|-|–)\s*\d{3}\b(?!\d)/.test(after)) continue; // "2000 to 300": a range of quantities
    out.push({ start, end, value: m[1]!, relative: false, priority: PRIORITY_NUMBER });
  }
  return out;
}

/** "the mid-1980s", "the early-90s": a hyphen is allowed only after early, mid or late (not "B-52s", "F-50s"). */
const DECADE_RE = /(?<![\w$'’])(?<!(?<!\b(?:[Ee]arly|[Mm]id|[Ll]ate))-)(?:(1[0-9]|20)(\d)0|['’](\d)0)['’]?s\b/g;

const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90,
};
/** "the nineties", "the late eighties": only after "the", since "in her forties" is an age. */
const DECADE_WORD_RE = /\bthe\s+((?:(?:early|mid|late)[-\s]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi;

/**
 * A decade or a century as the days it spans, from the first of January of its first year to the last of December of
 * its last: bounds as precise as any date compared with them (a year, a month or a day of it), read back as the years.
 */
function wholeYears(first: number, last: number): { from: string; to: string } {
  return { from: `${formatYear(first)}-01-01`, to: `${formatYear(last)}-12-31` };
}

/**
 * "the 1990s" is the range 1990–1999, "the '60s" and "the sixties" the 1960s; a hundred "the 1800s" is the century
 * 1800–1899 (but "the 2000s" is a decade). A range of years, never a single year.
 */
function decadeDates(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  DECADE_RE.lastIndex = 0;
  for (let m = DECADE_RE.exec(text); m; m = DECADE_RE.exec(text)) {
    const from = (m[1] ? Number(m[1]) : 19) * 100 + Number(m[2] ?? m[3]) * 10;
    const span = m[1] && m[2] === '0' && m[1] !== '20' ? 99 : 9;
    const value = wholeYears(from, from + span);
    out.push({ start: m.index, end: m.index + m[0].length, value, relative: false, priority: PRIORITY_NUMBER });
  }
  DECADE_WORD_RE.lastIndex = 0;
  for (let m = DECADE_WORD_RE.exec(text); m; m = DECADE_WORD_RE.exec(text)) {
    const from = 1900 + DECADE_WORDS[m[2]!.toLowerCase()]!;
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ start, end: m.index + m[0].length, value: wholeYears(from, from + 9), relative: false, priority: PRIORITY_NUMBER });
  }
  return out;
}

const SEASON_MONTHS: Readonly<Record<string, readonly [number, number]>> = {
  spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 2],
};
const SEASON_YEAR_RE = /\b(spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Fall|Winter)\s+(?:of\s+)?(1[5-9]\d\d|20\d\d)\b(?![-–\/]\d|,?\s+\d)/g;

/** "summer 2012", "the winter of 2010": a season of a year is a range of its months (winter runs December to February). */
function seasonDates(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  SEASON_YEAR_RE.lastIndex = 0;
  for (let m = SEASON_YEAR_RE.exec(text); m; m = SEASON_YEAR_RE.exec(text)) {
    const [first, last] = SEASON_MONTHS[m[1]!.toLowerCase()]!;
    const year = Number(m[2]);
    const pad = (n: number): string => String(n).padStart(2, '0');
    const value = { from: `${formatYear(year)}-${pad(first)}`, to: `${formatYear(last < first ? year + 1 : year)}-${pad(last)}` };
    out.push({ start: m.index, end: m.index + m[0].length, value, relative: false, priority: PRIORITY_NUMBER });
  }
  return out;
}

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18,
  nineteenth: 19, twentieth: 20, 'twenty-first': 21,
};
const CENTURY_RE =
  /\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?([2-9]|1\d|2[01])(?:st|nd|rd|th)[-\s]+century\b|\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[-\s]first)[-\s]+century\b/gi;
/** An era after a century or year: "the 5th century BC" is no century of ours (and a value cannot say BC). */
const ERA_AFTER = /^\s*(?:BCE?\b|B\.C\.(?:E\.)?|before\s+(?:Christ|the\s+common\s+era))/i;

/**
 * "the 20th century" is the range 1900–1999 (as people count it, not 1901–2000), as days (wholeYears); from the 2nd
 * ("the 11th-century chapel" is 1000–1099) to the 21st.
 */
function centuryDates(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  CENTURY_RE.lastIndex = 0;
  for (let m = CENTURY_RE.exec(text); m; m = CENTURY_RE.exec(text)) {
    const n = m[1] ? Number(m[1]) : ORDINAL_WORDS[m[2]!.toLowerCase().replace(/\s+/, '-')];
    if (!n || ERA_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    const from = (n - 1) * 100;
    const start = m.index + (/^the\s+/i.exec(m[0])?.[0].length ?? 0);
    out.push({ start, end: m.index + m[0].length, value: wholeYears(from, from + 99), relative: false, priority: PRIORITY_NUMBER });
  }
  return out;
}

/**
 * The world wars, as the days they ran (to the surrender that ended each): named in news as often as their years; and
 * the day of the September 11 attacks, named by its date alone ("after 9/11", "the September 11 attacks": the month
 * and day would otherwise be placed in the article's year by tense). Other named periods are left alone (a war or an
 * era is as often an event named in passing as a time).
 */
const NAMED_PERIODS: readonly { readonly pattern: RegExp; readonly from: string; readonly to: string }[] = [
  { pattern: /\b(?:World\s+War\s+(?:II|2|Two)\b|Second\s+World\s+War\b|WW\s?(?:II|2)\b)/g, from: '1939-09-01', to: '1945-09-02' },
  { pattern: /\b(?:World\s+War\s+(?:I|1|One)(?![\w-])|First\s+World\s+War\b|WW\s?(?:I|1)(?![\w-]))/g, from: '1914-07-28', to: '1918-11-11' },
  { pattern: /(?<![\d/.,])\b9\/11\b(?![/.,]?\d)/g, from: '2001-09-11', to: '2001-09-11' },
  { pattern: /\b(?:September|Sept?\.)\s+11(?:th)?(?=\s+(?:terrorist\s+|terror\s+)?(?:attacks?|hijack(?:ers|ings?)|Commission)\b)/g, from: '2001-09-11', to: '2001-09-11' },
];

function namedPeriods(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const { pattern, from, to } of NAMED_PERIODS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const day = from === to;
      const value = day ? from : { from, to };
      out.push({ start: m.index, end: m.index + m[0].length, value, relative: false, priority: day ? PRIORITY_NAMED : PRIORITY_NUMBER });
    }
  }
  return out;
}

/**
 * Years before 1500 (YEAR_RE leaves them out: "1200 people" is more often a number): with their era ("AD 842", "AD842",
 * "347 AD", "400 CE"; the era is part of the span), after "circa" ("c. 347", "ca. 1200"), as "the year 71", or after
 * "in", "since", "until" or "around" from 1000 on ("in 1423"); and a year joined to one of them by a dash ("c. 314 –
 * 368"). Never one before Christ, nor a quantity ("around 1200 people", "c. 400 fans").
 */
const EARLY_YEAR_RE =
  /\b(?:(?:AD|A\.D\.)\s?(\d{1,4})(?![\d,.]\d|\d)|(\d{1,4})\s?(?:AD|CE|A\.D\.|C\.E\.)(?!\w)|(?:(?<=\s|\(|^)(?:c\.|ca\.|circa)|\bthe\s+year)\s?(\d{1,4})\b|(?:in|since|until|till|around)\s+(1[0-4]\d\d)\b)(?![,.]\d)/g;

function earlyYears(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  EARLY_YEAR_RE.lastIndex = 0;
  for (let m = EARLY_YEAR_RE.exec(text); m; m = EARLY_YEAR_RE.exec(text)) {
    const digits = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    const withEra = m[1] !== undefined || m[2] !== undefined;
    const start = withEra ? m.index : m.index + m[0].lastIndexOf(digits);
    const end = withEra ? m.index + m[0].length : start + digits.length;
    const after = text.slice(end, end + 40);
    // (a plural noun after it counts what it is: "ca. 1000 authors")
    if (!withEra && (QUANTITY_AFTER.test(after) || ERA_AFTER.test(after) || /^\s+[a-z]+s\b/.test(after))) continue;
    const year = Number(digits);
    if (year === 0 || year >= 1500) continue; // a later year is YEAR_RE's
    out.push({ start, end, value: formatYear(year), relative: false, priority: PRIORITY_NUMBER });
    // "c. 314 – 368": the other end of a life or a reign
    const partner = /^\s*[-–]\s*(\d{1,4})\b(?![,.]?\d)/.exec(after);
    if (partner && !QUANTITY_AFTER.test(after.slice(partner[0].length)) && !ERA_AFTER.test(after.slice(partner[0].length)) && Number(partner[1]) > year) {
      const second = end + partner[0].length - partner[1]!.length;
      out.push({ start: second, end: second + partner[1]!.length, value: formatYear(Number(partner[1])), relative: false, priority: PRIORITY_NUMBER });
    }
  }
  return out;
}

/** A year written with two digits after an apostrophe: "in '96", "the '95 figures", "the class of '08" (not "'90s"). */
const SHORT_YEAR_RE = /(?<![\p{L}\p{N}'’])['’](\d\d)(?![\p{L}\p{N}'’]|[.,]\d)/gu;

/**
 * Years written short take their century from the article date: the latest such year at most five years after it
 * ("'96" read in 2015 is 1996, "'18" is 2018); without an article date they are found and left unresolved.
 */
function shortYears(text: string, ref: DayNumber | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  const refYear = ref === null ? null : fromDayNumber(ref).year;
  SHORT_YEAR_RE.lastIndex = 0;
  for (let m = SHORT_YEAR_RE.exec(text); m; m = SHORT_YEAR_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (QUANTITY_AFTER.test(text.slice(end, end + 40))) continue;
    // a number in single quotes ("wore '12' on his shirt") is no year
    if (/^[’']/.test(text.slice(end, end + 1))) continue;
    let value: string | null = null;
    if (refYear !== null) {
      const n = Number(m[1]);
      let year = Math.floor((refYear + 5) / 100) * 100 + n;
      if (year > refYear + 5) year -= 100;
      value = formatYear(year);
    }
    out.push({ start, end, value, relative: true, priority: PRIORITY_NUMBER });
  }
  return out;
}

export function numericDates(text: string, ref: DayNumber | null): DateCandidate[] {
  return [...yearDates(text), ...decadeDates(text), ...centuryDates(text), ...seasonDates(text), ...namedPeriods(text), ...shortYears(text, ref), ...earlyYears(text)];
}
