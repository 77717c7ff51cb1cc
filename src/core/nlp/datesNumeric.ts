// Years and decades written as numbers: "in 1994", "from 2011 to 2015", "the 2034 Winter Games", "the 1990s", "the '90s".
// A four-digit number is a year unless its context makes it a quantity ("2000 people", "$2000", "more than 2000"),
// a clock time ("2100 GMT"), an address ("1600 Pennsylvania Avenue") or part of another number ("2,000", "1999.5").
import { formatYear } from './dateResolution';
import { PRIORITY_NUMBER, type DateCandidate } from './datesCommon';

const YEAR_RE = /(?<![\d$€£¥#.,:/\\]|\d[,.]|(?:^|\D)\d{1,3}-)\b(1[5-9]\d\d|20\d\d)\b(?!['’]?s\b)(?![,.]\d|\d|%|:\d)/g;
/** Words that make the number before them a quantity. */
const QUANTITY_AFTER =
  /^\s*(?:-|–)?\s*(?:years?|yrs?|year-old|people|persons|men|women|children|kids|babies|troops|soldiers|police|officers|fighters|militants|workers|employees|staff|students|members|residents|families|households|homes|houses|buildings|cars|vehicles|km|kilomet(?:re|er)s|miles|met(?:re|er)s|m|ft|feet|kg|kilograms|g|grams|lbs|tons|tonnes|pounds|dollars|euros|yen|rupees|francs|votes|seats|calories|units|copies|signatures|acres|hectares|barrels|points|hours|minutes|seconds|days|weeks|months|jobs|deaths|cases|words|pages|times|items|species|sites|schools|hospitals|beds|refugees|prisoners|patients|visitors|participants|delegates|runners|spectators|fans|animals|trees|cattle|sheep|tickets|others|more|less|of\s+(?:them|these|those|the\s+\w+s)\b|per\s*cent|percent|mph|km\/h|inch(?:es)?|cm|mm)\b/i;
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
    if (/^\s*(?:GMT|UTC|hours|hrs|local\s+time)\b/.test(after)) continue; // a 24-hour clock time
    if (/^\s+(?:[A-Z][a-z]+\s+){0,2}(?:Avenue|Street|Road|Boulevard|Lane|Drive|Ave|St|Rd|Blvd)\b/.test(after)) continue; // an address
    const short = /^[-–\/](\d\d)\b(?![-–\/.,]?\d)/.exec(after);
    if (short && Number(short[1]) > Number(m[1]!.slice(2))) {
      // "1950-53", "the 2021-22 season": a range of years written short
      const to = m[1]!.slice(0, 2) + short[1]!;
      out.push({ start, end: end + short[0].length, value: { from: m[1]!, to }, relative: false, priority: PRIORITY_NUMBER });
      continue;
    }
    if (/^-(?!\s*(?:1[5-9]|20)\d\d\b)[A-Za-z0-9]/.test(after)) continue; // "2000-strong"
    if (/^\s*(?:to|-|–)\s*\d{3}\b(?!\d)/.test(after)) continue; // "2000 to 300": a range of quantities
    out.push({ start, end, value: m[1]!, relative: false, priority: PRIORITY_NUMBER });
  }
  return out;
}

const DECADE_RE = /(?<![\w$'’-])(?:(1[0-9]|20)(\d)0|['’](\d)0)['’]?s\b/g;

/** "the 1990s" is the range 1990–1999; "the '60s" is taken to be the 1960s. */
function decadeDates(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  DECADE_RE.lastIndex = 0;
  for (let m = DECADE_RE.exec(text); m; m = DECADE_RE.exec(text)) {
    const from = (m[1] ? Number(m[1]) : 19) * 100 + Number(m[2] ?? m[3]) * 10;
    const value = { from: formatYear(from), to: formatYear(from + 9) };
    out.push({ start: m.index, end: m.index + m[0].length, value, relative: false, priority: PRIORITY_NUMBER });
  }
  return out;
}

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty first': 21,
};
const CENTURY_RE =
  /\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(1[5-9]|2[01])(?:st|nd|rd|th)[-\s]+century\b|\b(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[-\s]first)[-\s]+century\b/gi;

/** "the 20th century" is the range 1900–1999 (as people count it, not 1901–2000). */
function centuryDates(text: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  CENTURY_RE.lastIndex = 0;
  for (let m = CENTURY_RE.exec(text); m; m = CENTURY_RE.exec(text)) {
    const n = m[1] ? Number(m[1]) : ORDINAL_WORDS[m[2]!.toLowerCase().replace(/\s+/, '-')];
    if (!n) continue;
    const from = (n - 1) * 100;
    const start = m.index + (/^the\s+/i.exec(m[0])?.[0].length ?? 0);
    out.push({ start, end: m.index + m[0].length, value: { from: formatYear(from), to: formatYear(from + 99) }, relative: false, priority: PRIORITY_NUMBER });
  }
  return out;
}

export function numericDates(text: string): DateCandidate[] {
  return [...yearDates(text), ...decadeDates(text), ...centuryDates(text)];
}
