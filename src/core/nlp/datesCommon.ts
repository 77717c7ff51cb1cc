// What the date finders share: the candidate they propose, number words, and the tense that places a relative date.
import type { DateValue } from './analysisModel';
import { tenseAt, type Tense } from './tense';

export interface DateCandidate {
  readonly start: number;
  readonly end: number;
  /** The resolved value; null when it needed the reference date and there is none. */
  readonly value: DateValue;
  /** True when the value depends on the reference date. */
  readonly relative: boolean;
  /** Higher wins an overlap of equal length: explicit dates over rules, rules over bare years. */
  readonly priority: number;
}

/** A day named by what happened on it ("the September 11 attacks"), over the date its words would give alone. */
export const PRIORITY_NAMED = 3;
export const PRIORITY_EXPLICIT = 2;
export const PRIORITY_RULE = 1;
export const PRIORITY_NUMBER = 0;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** A cardinal written in digits (up to three) or in words up to ninety-nine, or "a"/"an". */
export const NUMBER_PATTERN =
  '(?:\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)';

/** The value of a number matched by NUMBER_PATTERN; null for anything else. */
export function parseNumber(s: string): number | null {
  const w = s.toLowerCase().trim();
  if (/^\d+$/.test(w)) return Number(w);
  let total = 0;
  for (const part of w.split(/[- ]+/)) {
    const v = NUMBER_WORDS[part];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

/** How far back (in characters) the heading of a list of fixtures or results may be. */
const LIST_HEADING_REACH = 600;
/** Words that head a list of games or events: to come ("Fixtures for Saturday :") or played ("Results on Sunday :"). */
const LIST_HEADING = /\b(?:(fixtures?|schedule|programme)|results?|standings)\b/gi;

/**
 * The tense a list gives a date its clause leaves without one: a fixtures list ("Fixtures for the weekend :",
 * "Saturday : Castlebury v Wendham") is ahead, a results list played; the nearest such heading before the date decides.
 */
function listTense(text: string, start: number): Tense {
  const from = Math.max(0, start - LIST_HEADING_REACH);
  const before = text.slice(from, start);
  let last: RegExpExecArray | null = null;
  for (const m of before.matchAll(LIST_HEADING)) if (headsList(before, m.index, m[0])) last = m;
  if (!last) return 'unknown';
  return last[1] !== undefined ? 'future' : 'past';
}

/** A heading word heads a list in a headline in capitals, at the start of its line, or on a line that ends in a colon. */
function headsList(s: string, at: number, word: string): boolean {
  if (word === word.toUpperCase() || /(?:^|\n)[ \t]*$/.test(s.slice(Math.max(0, at - 8), at))) return true;
  const lineEnd = s.indexOf('\n', at);
  return /:\s*$/.test(s.slice(at, lineEnd < 0 ? s.length : lineEnd));
}

/**
 * The tense that places a relative date: after "since" it is always past; otherwise the tense of its clause, and
 * in a clause without one (a line of a list) the tense of the list it is in.
 */
export function tenseFor(text: string, start: number, end: number): Tense {
  if (/\bsince\s+(?:(?:early|late|mid)\s+|mid-)?$/i.test(text.slice(Math.max(0, start - 16), start))) return 'past';
  const tense = tenseAt(text, start, end);
  return tense === 'unknown' ? listTense(text, start) : tense;
}

/** True when a capitalised word (not the first of its sentence) stands right before `start`: "Bloody Sunday", "Jo Christmas". */
export function capitalisedWordBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const m = /([A-Za-z]+)\s+$/.exec(before);
  if (!m || !/^[A-Z]/.test(m[1]!)) return false;
  const preceding = before.slice(0, m.index);
  return !/(?:^|[.!?:;"“”‘’'(—–-]\s*|\n\s*)$/.test(preceding);
}
