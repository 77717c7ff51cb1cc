// A light tense detector: the tense of the clause a date sits in, from the verbs nearest to it.
// Rules rather than a tagger, so it costs a few microseconds per date even in a megabyte of text.

import { matchesWithin } from '../article/boundedSearch';

export type Tense = 'past' | 'present' | 'future' | 'unknown';

/** Irregular simple-past and past-participle forms (regular ones end in -ed). */
const IRREGULAR_PAST = new Set(
  `arose awoke was were bore beat became began bent bet bid bit bled blew broke bred brought built burnt burst bought
   caught chose clung came cost crept dealt dug dove drew dreamt drank drove ate fell fed felt fought found fled flung flew
   forbade forgot forgave froze got gave went ground grew hung heard hid held hurt kept knelt knew laid led leapt left lent
   lay lit lost made meant met paid quit rode rang rose ran sought sold sent set shook shone shot showed shrank shut sang
   sank sat slept slid spoke sped spent spun spat split spread sprang stood stole stuck stung strode struck swore swept swam
   swung took taught tore told thought threw understood woke wore wove wept won wound wrote withdrew overtook overran
   undertook upheld underwent oversaw foresaw mistook arisen awoken been borne beaten become begun bitten blown broken
   chosen done drawn drunk driven eaten fallen flown forbidden forgotten forgiven frozen given gone grown hidden known
   ridden risen run seen shaken shown shrunk sung sunk slain spoken sprung stolen stridden striven sworn swum taken torn
   thrown woken worn woven written withdrawn overtaken overrun undertaken undergone overseen said did had`.split(/\s+/),
);

/** Words ending in -ed that are not past forms. */
const NOT_PAST_ED = new Set(
  'need bed red shed hundred sacred naked wicked kindred rugged ragged seed speed breed feed weed deed greed bleed steed indeed creed wed shred sled'.split(
    ' ',
  ),
);

/** Past forms ending in -eed (most such words are not: "need", "proceed", "indeed"). */
const PAST_EED = new Set(['agreed', 'disagreed', 'guaranteed', 'decreed', 'freed', 'refereed', 'pedigreed']);

const FUTURE_AUX = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'gonna', "won't", 'won’t']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", '’s', "'re", '’re']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d", '’d']);
const PERFECT = new Set(['has', 'have', "'ve", '’ve']);
/** Words after be/verb that point ahead: "is due to", "are set to", "is scheduled for", "plans to". */
const FUTURE_AFTER_BE = new Set(['due', 'set', 'scheduled', 'expected', 'slated', 'planned', 'poised', 'going', 'about', 'likely']);
const FUTURE_VERBS = new Set(['plans', 'plan', 'intends', 'intend', 'aims', 'aim', 'hopes', 'hope', 'wants', 'want', 'expects', 'expect']);
/** Present-tense verbs whose object lies ahead, in lower case ("plans a rally on Saturday"). */
const PLANS_AHEAD = new Set(['plans', 'intends', 'expects', 'schedules']);
/** The same in the past, reporting a plan: "they planned to vote by Thursday" points forward from the article's date. */
/** Participles that tell a plan on their own: "set to", "scheduled for", "slated for". */
const PLAN_PARTICIPLES = new Set(['set', 'scheduled', 'slated', 'planned', 'poised']);
const FUTURE_IN_PAST_VERBS = new Set([
  'planned', 'intended', 'aimed', 'hoped', 'wanted', 'expected', 'promised', 'vowed', 'pledged', 'agreed', 'threatened',
  'scheduled', 'decided', 'prepared', 'sought', 'offered',
]);
/** Present-tense forms that schedule events ("the summit opens on Monday"). */
const SCHEDULE_PRESENT = new Set([
  'opens', 'starts', 'begins', 'ends', 'closes', 'meets', 'resumes', 'kicks', 'continues', 'travels', 'visits', 'leaves',
  'arrives', 'returns', 'faces', 'plays', 'hosts', 'goes', 'comes', 'holds', 'expires', 'launches', 'airs', 'takes',
  'runs', 'convenes', 'reconvenes', 'premieres', 'debuts', 'departs', 'sails', 'concludes', 'finishes', 'reopens',
]);
/** Their base forms, present tense after a plural subject ("schools reopen", "they meet"). */
const SCHEDULE_BASE = new Set([
  'open', 'reopen', 'start', 'begin', 'end', 'close', 'meet', 'resume', 'kick', 'continue', 'travel', 'visit', 'leave',
  'arrive', 'return', 'face', 'play', 'host', 'go', 'come', 'hold', 'expire', 'launch', 'air', 'head', 'vote',
  'convene', 'reconvene', 'depart', 'sail', 'conclude', 'finish',
]);
/** Words after which a verb is in its base form: modals, "to", "not" after them ("will not run"). */
const BASE_BEFORE = new Set(['to', 'would', 'could', 'should', 'might', 'must', 'can', 'may', 'not', 'do', 'does', 'did', "won't", 'won’t',
  "can't", 'can’t', "don't", 'don’t', "doesn't", 'doesn’t', "didn't", 'didn’t', "wouldn't", 'wouldn’t', "couldn't", 'couldn’t']);
/** Modals of possibility and duty ("may" only in lower case: "May" is a month). */
const MODALS = new Set(['could', 'might', 'may', 'should', 'must', 'can', 'ought']);
/** Words before a spaced "'s" that make it "is", not a possessive ("It 's due on Monday"). */
const POSSESSIVE_NOT = new Set(['it', 'he', 'she', 'that', 'there', 'here', 'what', 'who', 'where', 'let', 'this']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'these', 'those', 'this', 'that', 'of', 'whose']);

interface Token {
  readonly word: string; // lower-cased
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)?|['’](?:ll|ve|re|d|s)\b|[,;:—–()]/g;

function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (const m of matchesWithin(WORD, text, from, to)) {
    out.push({ word: m.text.toLowerCase(), raw: m.text, start: m.index, end: m.index + m.text.length });
  }
  return out;
}

/** Bounds of the sentence around [start, end): up to . ! ? or a line break, at most 250 characters each side. */
export function sentenceBounds(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  const minFrom = Math.max(0, start - 250);
  while (from > minFrom) {
    const c = text[from - 1];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[from] ?? ' ') && !abbreviationBefore(text, from - 1)))
      break;
    from--;
  }
  let to = end;
  const maxTo = Math.min(text.length, end + 250);
  while (to < maxTo) {
    const c = text[to];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s|$/.test(text[to + 1] ?? ' ') && !abbreviationBefore(text, to))) break;
    to++;
  }
  return { from, to };
}

function abbreviationBefore(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 5), dot);
  return /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|[A-Z])$/.test(before);
}

/** 'reported': a future reported in the past ("said it would", "was due to"), due after the report, not after the article. */
type Mark = 'past' | 'present' | 'future' | 'reported';

/**
 * A participle after a past auxiliary carries the auxiliary's past to the date beside it: "was postponed on Monday",
 * "had been agreed on Dec. 28" (the auxiliary alone sat too far from the date, and a "would" after it won). A plan
 * reported in the past ("was expected", "were scheduled") is left to the auxiliary, which reads it as pointing forward.
 */
function passivePast(w: string, prev: string | undefined, prev2: string | undefined): Mark | null | undefined {
  if (FUTURE_AFTER_BE.has(w)) return undefined;
  if (prev === 'was' || prev === 'were') return 'past';
  if (prev === 'been' && prev2 !== undefined && (prev2 === 'had' || PERFECT.has(prev2))) return 'past';
  return undefined;
}

/** Classifies one token as a tense mark, looking at its neighbours; null when it marks no tense. */
function markAt(tokens: readonly Token[], i: number): Mark | null {
  const t = tokens[i]!;
  const w = t.word;
  const next = tokens[i + 1]?.word;
  const prev = tokens[i - 1]?.word;
  const prev2 = tokens[i - 2]?.word;
  if (FUTURE_AUX.has(w)) return 'future';
  if (w === 'going' && next === 'to' && prev && (PRESENT_BE.has(prev) || prev === 'not')) return 'future';
  if (w === 'upcoming' || w === 'tomorrow') return 'future';
  // "Thursday 's match", "last year 's final": a possessive set apart, as wire archives space it (a "'s" joined to its
  // word is part of that token); "It 's", "there 's" are still "is"
  if ((w === "'s" || w === '’s') && prev !== undefined && !POSSESSIVE_NOT.has(prev)) return null;
  // "matches to be played on September 17", "a vote to be held on Friday" (not "used to be")
  if (w === 'be' && prev === 'to' && prev2 !== 'used') return 'future';
  if (PRESENT_BE.has(w)) {
    if (next === 'to') return 'future'; // "are to meet"
    if (next && FUTURE_AFTER_BE.has(next)) return 'future';
    if (next === 'expected' || next === 'scheduled') return 'future';
    return 'present';
  }
  if (FUTURE_VERBS.has(w) && next === 'to') return 'future';
  // "plans a rally on Saturday", "expects a ruling on Friday" (not "the plans were approved")
  if (PLANS_AHEAD.has(t.raw) && !(prev && DETERMINERS.has(prev))) return 'future';
  if (FUTURE_IN_PAST_VERBS.has(w) && next === 'to') return 'reported';
  // a plan told in a clause with no auxiliary: "the vote, set to take place on May 16, …", "a rally slated for Friday"
  // (not "due to", which is as often "because of")
  if (PLAN_PARTICIPLES.has(w) && (next === 'to' || next === 'for') && !(prev && (PRESENT_BE.has(prev) || PAST_AUX.has(prev) || prev === 'be' || prev === 'been'))) return 'reported';
  // a deadline: "had until September to present it" was ahead when told, "has until June 30" is still ahead
  if (w === 'had' && (next === 'until' || next === 'till')) return 'reported';
  if ((w === 'has' || w === 'have') && (next === 'until' || next === 'till')) return 'future';
  if (PAST_AUX.has(w)) {
    // future in the past: "the vote was set to take place", "talks were due to resume", "was scheduled for Thursday"
    if ((w === 'was' || w === 'were') && next && (next === 'to' || FUTURE_AFTER_BE.has(next))) return 'reported';
    return 'past';
  }
  if (PERFECT.has(w)) {
    // "has taken", "have been": present perfect reports a past event; "has to" is an obligation
    if (next === 'to') return 'present';
    return 'past';
  }
  // "said they would vote by Thursday": a plan reported in the past points forward; "would have voted" looks back
  if (w === 'would') return next === 'have' ? 'past' : next === undefined ? null : 'reported';
  // a possibility or duty still open points forward too: "could come back on Monday", "should leave by Friday";
  // "could have" looks back, and a denied ability ("could not confirm on Monday") is as often narrated past
  if (MODALS.has(w) && t.raw === w) {
    if (next === 'have' || next === "'ve" || next === '’ve') return 'past';
    if (next === undefined || next === 'not' || /^[,;:—–()]$/.test(next)) return null;
    return 'future';
  }
  if (t.raw[0] !== w[0]) return null; // capitalised: a name ("Ahmed"), not a verb
  if (IRREGULAR_PAST.has(w)) {
    // "will run", "to come", "could set": a form shared with the base after a modal or "to" is the base, no past
    if (prev && (BASE_BEFORE.has(prev) || FUTURE_AUX.has(prev))) return null;
    const passive = passivePast(w, prev, prev2);
    if (passive !== undefined) return passive;
    if (prev && (PRESENT_BE.has(prev) || prev === 'be' || prev === 'being' || prev === 'was' || prev === 'were')) return null; // passive: the auxiliary decides
    if (prev2 && PRESENT_BE.has(prev2) && prev === 'not') return null;
    return 'past';
  }
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && (!w.endsWith('eed') || PAST_EED.has(w))) {
    const passive = passivePast(w, prev, prev2);
    if (passive !== undefined) return passive;
    if (prev && (PRESENT_BE.has(prev) || prev === 'be' || prev === 'being' || prev === 'been' || prev === 'was' || prev === 'were' || FUTURE_AUX.has(prev))) return null;
    if (prev && DETERMINERS.has(prev)) return null; // "the injured", "a wounded man"
    return 'past';
  }
  if (SCHEDULE_PRESENT.has(w) && !(prev && DETERMINERS.has(prev))) return 'present';
  if (SCHEDULE_BASE.has(w) && prev && (/^(?:they|we|you|i)$/.test(prev) || (/[^s']s$/.test(prev) && prev.length > 3 && !/^(?:this|was|has|its|his|hers|ours|yours|theirs|does|is)$/.test(prev))))
    return 'present';
  return null;
}

/** The last sentence analysed: dates come in text order, and several often share a sentence. */
let cache: { text: string; from: number; to: number; tokens: Token[]; marks: (Mark | null)[] } | null = null;

function analysed(text: string, from: number, to: number): { tokens: Token[]; marks: (Mark | null)[] } {
  if (cache && cache.text === text && cache.from === from && cache.to === to) return cache;
  const tokens = tokenize(text, from, to);
  const marks = tokens.map((_, i) => markAt(tokens, i));
  cache = { text, from, to, tokens, marks };
  return cache;
}

/**
 * The tense governing a date at [start, end): the mark nearest to it in its sentence, where a mark in the same clause
 * (no comma, semicolon or dash between) is preferred to one across clauses, and a tie goes to the left.
 */
export function tenseAt(text: string, start: number, end: number): Tense {
  const mark = governingMark(text, start, end);
  return mark === 'reported' ? 'future' : (mark ?? 'unknown');
}

/**
 * True when the tense governing a date is a future reported in the past ("said they would vote on March 10", "talks
 * were due to end in January"): it points forward from the report, which may be a little before the article date.
 */
export function reportedFutureAt(text: string, start: number, end: number): boolean {
  return governingMark(text, start, end) === 'reported';
}

function governingMark(text: string, start: number, end: number): Mark | null {
  const { from, to } = sentenceBounds(text, start, end);
  const { tokens, marks } = analysed(text, from, to);
  let dateIndex = tokens.findIndex((t) => t.start >= start);
  if (dateIndex < 0) dateIndex = tokens.length;
  let dateEndIndex = tokens.findIndex((t) => t.start >= end);
  if (dateEndIndex < 0) dateEndIndex = tokens.length;
  let best: Mark | null = null;
  let bestCost = Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const mark = marks[i];
    if (!mark || (i >= dateIndex && i < dateEndIndex)) continue;
    const left = i < dateIndex;
    const lo = left ? i : dateEndIndex;
    const hi = left ? dateIndex : i;
    let distance = hi - lo;
    for (let k = lo; k < hi; k++) if (/^[,;:—–()]$/.test(tokens[k]!.word)) distance += 6;
    // "said on Monday they would…": the preposition ties the date to the verb before it, as close as "said Monday"
    if (left && dateIndex - i >= 2 && /^(?:on|since)$/.test(tokens[dateIndex - 1]!.word)) distance--;
    const cost = distance * 2 + (left ? 0 : 1);
    if (cost < bestCost) {
      bestCost = cost;
      best = mark;
    }
  }
  return best;
}
