// Keeps annotations on their text: following edits the editor reports, and re-finding them by quote after edits it never saw.
import type { Annotation, QuoteSelector } from './annotationModel';
import { QUOTE_CONTEXT_LENGTH, quoteAt, updateAnnotation } from './annotationFactory';
import { editDistance, searchApproximate, type ApproximateMatch } from './approximateMatch';

/**
 * One replacement, as VS Code reports it in `TextDocumentChangeEvent.contentChanges` (`rangeOffset`,
 * `rangeOffset + rangeLength`, `text`): [start, end) are offsets into the document *before* the event.
 */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type ReanchorOutcome = 'anchored' | 'moved' | 'orphaned';

export interface ReanchorResult {
  readonly annotation: Annotation;
  /** 'anchored': same place; 'moved': found elsewhere (exact or fuzzy); 'orphaned': not found, kept with its quote. */
  readonly outcome: ReanchorOutcome;
  /** Orphaned after a search near its old place only: the search budget for its text was spent (see SearchBudget). */
  readonly searchedNearOnly?: boolean;
}

/**
 * Whether an edit reaches into an annotation's quote (its exact text or the context kept around it). When none does,
 * following the edits only moves positions, and the document's text is not needed (joining a large article's text on
 * every keystroke is what made typing lag).
 */
export function editsReachQuotes(annotations: readonly Annotation[], edits: readonly TextEdit[]): boolean {
  // indexed loops: this runs at every keystroke, early in a session in code not yet optimised, where each for-of makes
  // an iterator and a result per step (30 KB per key for 194 annotations)
  for (let i = 0; i < annotations.length; i++) {
    const { position } = annotations[i]!;
    const from = position.start - QUOTE_CONTEXT_LENGTH;
    const to = position.end + QUOTE_CONTEXT_LENGTH;
    for (let k = 0; k < edits.length; k++) if (edits[k]!.start <= to && edits[k]!.end >= from) return true;
  }
  return false;
}

/**
 * Follows one change event. All `edits` are offsets into the same *old* text, do not overlap and apply together
 * (VS Code's contentChanges of one event; their order does not matter). `text`, when given, is the new text: the quote
 * selectors (exact, prefix, suffix) are then refreshed from it; without it `exact` is still derived from the edits.
 *
 * Per annotation [s, e):
 * - an edit wholly before it (including an insertion at s) shifts it; one wholly after (including an insertion at e) leaves it;
 * - an edit within [s, e] (not the whole of it) grows or shrinks it, its replacement text becoming part of the annotation;
 * - an edit that cuts into one end shrinks it to the part that survives;
 * - when no character of it survives (one edit covers it, or several remove all of it) it is orphaned, keeping its quote,
 *   unless `text` is given and its exact quote reappears inside the replacement text (a whole-document replace).
 * Orphans stay orphans; their last position follows the edits as a hint for a later `reanchor`.
 * Returns the annotations in the same order, the same object for each one that did not change.
 */
export function applyTextEdits(annotations: readonly Annotation[], edits: readonly TextEdit[], text?: string): Annotation[] {
  if (edits.length === 0) return [...annotations];
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  for (let i = 0; i < sorted.length; i += 1) {
    const edit = sorted[i];
    if (!(Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0 && edit.end >= edit.start)) {
      throw new RangeError(`Invalid edit range [${edit.start}, ${edit.end})`);
    }
    if (i > 0 && sorted[i - 1].end > edit.start) throw new RangeError('Edits of one change event must not overlap');
  }
  // deltaBefore[i]: how far edits sorted[0..i) move the text that follows them.
  const deltaBefore = new Array<number>(sorted.length + 1);
  deltaBefore[0] = 0;
  for (let i = 0; i < sorted.length; i += 1) deltaBefore[i + 1] = deltaBefore[i] + sorted[i].text.length - (sorted[i].end - sorted[i].start);

  const budget = new SearchBudget(text?.length ?? 0);
  return annotations.map((annotation) => followEdits(annotation, sorted, deltaBefore, text, budget));
}

function followEdits(annotation: Annotation, edits: readonly TextEdit[], deltaBefore: readonly number[], text: string | undefined, budget: SearchBudget): Annotation {
  const { start: s, end: e } = annotation.position;
  const first = firstEditEndingAtOrAfter(edits, s);
  // Quick exit: every edit ends before s, so the annotation only shifts.
  if (first === edits.length) return shifted(annotation, deltaBefore[edits.length], text);

  if (annotation.status === 'orphaned') {
    return withPosition(annotation, mapPoint(edits, deltaBefore, s, 'after'), mapPoint(edits, deltaBefore, e, 'before'));
  }

  let newStart = s + deltaBefore[first];
  let newEnd = e;
  let exact = annotation.quote.exact;
  const exactInSync = exact.length === e - s;
  let survivors = e - s;
  let covering: TextEdit | undefined;
  let coveringIndex = -1;
  let exactOffset = 0; // how far the edits so far moved offsets within `exact`
  let endDelta = deltaBefore[first];
  for (let i = first; i < edits.length; i += 1) {
    const edit = edits[i];
    if (edit.end <= s) {
      // Before it (edit.end === s): an insertion at s, or a replacement ending at s.
      newStart += edit.text.length - (edit.end - edit.start);
      endDelta += edit.text.length - (edit.end - edit.start);
      continue;
    }
    if (edit.start >= e) break; // after it, including an insertion at e
    if (edit.start <= s && edit.end >= e) {
      covering = edit;
      coveringIndex = i;
      survivors = 0;
      break;
    }
    const cutStart = Math.max(edit.start, s);
    const cutEnd = Math.min(edit.end, e);
    survivors -= cutEnd - cutStart;
    if (edit.start < s) {
      // Cuts into its start: it now begins after the replacement.
      newStart = edit.start + deltaBefore[i] + edit.text.length;
      endDelta += edit.text.length - (edit.end - edit.start);
      if (exactInSync) {
        exact = exact.slice(edit.end - s + exactOffset);
        exactOffset -= edit.end - s;
      }
    } else if (edit.end > e) {
      // Cuts into its end: it now ends where the replacement begins.
      newEnd = edit.start + deltaBefore[i];
      if (exactInSync) exact = exact.slice(0, edit.start - s + exactOffset);
      endDelta = Number.NaN; // end fixed
      break;
    } else {
      // Inside: the replacement becomes part of it.
      if (exactInSync) {
        exact = exact.slice(0, edit.start - s + exactOffset) + edit.text + exact.slice(edit.end - s + exactOffset);
        exactOffset += edit.text.length - (edit.end - edit.start);
      }
      endDelta += edit.text.length - (edit.end - edit.start);
    }
  }
  if (!Number.isNaN(endDelta)) newEnd = e + endDelta;

  if (survivors <= 0 || newEnd <= newStart) {
    if (covering && text !== undefined && annotation.quote.exact.length > 0) {
      // The quote may reappear in the replacement (a whole-document replace): the occurrence there whose context
      // agrees best, nearest to where it was on ties (a repeated quote must not jump to its first occurrence).
      const base = covering.start + deltaBefore[coveringIndex];
      const hint = base + Math.min(Math.max(0, s - covering.start), covering.text.length);
      const found = findExact(annotation.quote, text, hint, base, base + covering.text.length, budget);
      if (found !== undefined) return refreshed(annotation, found.start, found.start + annotation.quote.exact.length, text);
    }
    const hintStart = mapPoint(edits, deltaBefore, s, 'after');
    return { ...annotation, status: 'orphaned', position: { start: hintStart, end: Math.max(hintStart, mapPoint(edits, deltaBefore, e, 'before')) } };
  }
  if (text !== undefined) return refreshed(annotation, newStart, newEnd, text);
  if (!exactInSync || exact === annotation.quote.exact) return withPosition(annotation, newStart, newEnd);
  return { ...annotation, position: { start: newStart, end: newEnd }, quote: { ...annotation.quote, exact } };
}

/** Index of the first edit (sorted) with end >= position. */
function firstEditEndingAtOrAfter(edits: readonly TextEdit[], position: number): number {
  let low = 0;
  let high = edits.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (edits[mid].end < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where an old offset lands; inside a replaced range it goes to the replacement's end ('after') or start ('before'). */
function mapPoint(edits: readonly TextEdit[], deltaBefore: readonly number[], position: number, bias: 'before' | 'after'): number {
  let delta = 0;
  for (let i = 0; i < edits.length; i += 1) {
    const edit = edits[i];
    if (edit.end < position || (edit.end === position && (edit.start < position || bias === 'after'))) {
      delta = deltaBefore[i + 1];
      continue;
    }
    if (edit.start < position) return bias === 'after' ? edit.start + deltaBefore[i] + edit.text.length : edit.start + deltaBefore[i];
    break;
  }
  return position + delta;
}

function shifted(annotation: Annotation, delta: number, text: string | undefined): Annotation {
  const start = annotation.position.start + delta;
  const end = annotation.position.end + delta;
  if (annotation.status === 'orphaned') return delta === 0 ? annotation : withPosition(annotation, start, end);
  if (text !== undefined) return refreshed(annotation, start, end, text);
  return delta === 0 ? annotation : withPosition(annotation, start, end);
}

function withPosition(annotation: Annotation, start: number, end: number): Annotation {
  if (annotation.position.start === start && annotation.position.end === end) return annotation;
  return { ...annotation, position: { start, end } };
}

/** The annotation anchored at [start, end) of text, with its quote taken from there; unchanged objects are reused. */
function refreshed(annotation: Annotation, start: number, end: number, text: string): Annotation {
  const quote = quoteAt(text, Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length)));
  const samePosition = annotation.position.start === start && annotation.position.end === end;
  const sameQuote = sameQuoteSelector(annotation.quote, quote);
  if (samePosition && sameQuote && annotation.status === 'anchored') return annotation;
  return {
    ...annotation,
    status: 'anchored',
    position: samePosition ? annotation.position : { start, end },
    quote: sameQuote ? annotation.quote : quote,
  };
}

function sameQuoteSelector(a: QuoteSelector, b: QuoteSelector): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}

// ---------------------------------------------------------------------------------------------------------------
// Re-anchoring by quote, for changes the editor never saw.

/** Fuzzy matching tolerates up to a quarter of the quote's length in edits (at most 64); quotes under 4 characters must match exactly. */
export function maxFuzzyErrors(quoteLength: number): number {
  return Math.min(64, Math.floor(quoteLength / 4));
}

const CONTEXT_WEIGHT = 20;
const QUOTE_WEIGHT = 50;
const POSITION_WEIGHT = 2;

/**
 * Finds the annotation again in `text`:
 * 1. at its old position if the text there still equals its exact quote with its whole stored context;
 * 2. else the occurrence of the exact quote whose prefix/suffix agree over the most characters (outwards from the quote;
 *    the old position is one of the candidates), the nearest to the old position on ties;
 * 3. else the best fuzzy match within maxFuzzyErrors(), scored by quote errors, prefix/suffix similarity (edit distance)
 *    and distance from the old position, as Hypothesis does;
 * 4. else orphaned, keeping its quote and old position.
 * A found annotation gets status 'anchored' and its quote selector refreshed from `text`; the outcome says 'anchored'
 * when it is at the same offsets as before, 'moved' otherwise.
 */
export function reanchor(annotation: Annotation, text: string, budget: SearchBudget = new SearchBudget(text.length)): ReanchorResult {
  const { exact } = annotation.quote;
  const { start, end } = annotation.position;
  if (exact.length === 0) return orphan(annotation);
  const hint = Math.max(0, Math.min(start, text.length));

  if (text.startsWith(exact, start) && end - start === exact.length && contextScore(annotation.quote, text, start) === 1) {
    return place(annotation, text, start, start + exact.length);
  }
  const refusals = budget.refusals;
  const found = findExact(annotation.quote, text, hint, 0, text.length, budget);
  if (found !== undefined) return place(annotation, text, found.start, found.start + exact.length);

  const fuzzy = bestFuzzy(annotation.quote, text, hint, budget);
  if (fuzzy) return place(annotation, text, fuzzy.start, fuzzy.end);
  return orphan(annotation, budget.refusals > refusals);
}

/**
 * reanchor() for each annotation, in order (all of one article, against its current text), sharing one search budget:
 * however many quotes are gone, re-anchoring costs about a few passes over the text plus a neighbourhood per quote.
 */
export function reanchorAll(annotations: readonly Annotation[], text: string): ReanchorResult[] {
  const budget = new SearchBudget(text.length);
  return annotations.map((annotation) => reanchor(annotation, text, budget));
}

/**
 * What the searches beyond a quote's neighbourhood may read while re-anchoring the annotations of one text. Without a
 * cap, every quote that is gone searched the whole text, exactly and then approximately: hundreds of them in a
 * megabyte took minutes. Exact searches (a native scan) may read the text 64 times over; approximate ones (a bit-parallel
 * edit distance, far slower per character) twice, counting each 32 characters of the quote as a pass, near the old
 * place included. Once spent, a quote is looked for exactly near its old place only, and orphaned (kept with its quote,
 * re-attachable) when it is not there. Share one budget across the reanchor() calls for one text.
 */
export class SearchBudget {
  private exact: number;
  private approximate: number;
  /** How many searches were refused for want of budget. */
  refusals = 0;

  constructor(textLength: number) {
    this.exact = 64 * textLength + (1 << 22);
    this.approximate = 2 * textLength + (1 << 19);
  }

  /** Takes `characters` of reading from the pool of exact or of approximate searches, if there are that many left. */
  take(kind: 'exact' | 'approximate', characters: number): boolean {
    const left = kind === 'exact' ? this.exact : this.approximate;
    if (characters > left) {
      this.refusals += 1;
      return false;
    }
    if (kind === 'exact') this.exact -= characters;
    else this.approximate -= characters;
    return true;
  }
}

/**
 * The exact occurrence of the quote in text[from, to) with the best context, nearest the hint on ties: near the hint
 * first, the whole range only when no occurrence there has the full context and the budget allows reading it.
 */
function findExact(quote: QuoteSelector, text: string, hint: number, from: number, to: number, budget: SearchBudget): { start: number; context: number } | undefined {
  const radius = nearRadius(quote.exact.length);
  const nearFrom = Math.max(from, hint - radius);
  const nearTo = Math.min(to, hint + radius + quote.exact.length);
  const near = nearestExact(quote, text, hint, nearFrom, nearTo);
  if ((near !== undefined && near.context === 1) || (nearFrom === from && nearTo === to)) return near;
  return budget.take('exact', to - from) ? nearestExact(quote, text, hint, from, to) : near;
}

/** How far around the old place a quote is looked for without touching the budget. */
function nearRadius(quoteLength: number): number {
  return 16_384 + 4 * quoteLength;
}

/** Re-attaches an orphan (or moves any annotation) to the selection [start, end) of text. */
export function attachOrphan(annotation: Annotation, text: string, start: number, end: number, now?: Date): Annotation {
  return updateAnnotation(annotation, { position: { start, end } }, text, now);
}

function place(annotation: Annotation, text: string, start: number, end: number): ReanchorResult {
  const same = annotation.position.start === start && annotation.position.end === end;
  return { annotation: refreshed(annotation, start, end, text), outcome: same ? 'anchored' : 'moved' };
}

function orphan(annotation: Annotation, searchedNearOnly = false): ReanchorResult {
  const result: ReanchorResult = { annotation: annotation.status === 'orphaned' ? annotation : { ...annotation, status: 'orphaned' }, outcome: 'orphaned' };
  return searchedNearOnly ? { ...result, searchedNearOnly } : result;
}

/** How much of the stored prefix and suffix the text around [start, start + exact.length) agrees with, 0..1 (exact characters from the quote outwards). */
function contextScore(quote: QuoteSelector, text: string, start: number): number {
  const total = quote.prefix.length + quote.suffix.length;
  if (total === 0) return 1;
  let before = 0;
  while (before < quote.prefix.length && start - before - 1 >= 0 && text.charCodeAt(start - before - 1) === quote.prefix.charCodeAt(quote.prefix.length - before - 1)) {
    before += 1;
  }
  const end = start + quote.exact.length;
  let after = 0;
  while (after < quote.suffix.length && end + after < text.length && text.charCodeAt(end + after) === quote.suffix.charCodeAt(after)) after += 1;
  return (before + after) / total;
}

/**
 * The occurrence of the exact quote with the best context, nearest the hint on ties, lying wholly inside
 * text[from, to). Searches windows of growing size around the hint and stops as soon as one has the full context, so
 * a shifted quote costs about its shift.
 */
function nearestExact(quote: QuoteSelector, text: string, hint: number, from = 0, to = text.length): { start: number; context: number } | undefined {
  const exact = quote.exact;
  let best: { start: number; context: number; distance: number } | undefined;
  let low = hint;
  let high = hint; // searched: occurrences starting in [low, high)
  let radius = 256;
  for (;;) {
    const nextLow = Math.max(from, hint - radius);
    const nextHigh = Math.min(to, hint + radius);
    // Occurrences starting in [nextLow, low) and [high, nextHigh).
    for (const [windowStart, windowEnd] of [
      [nextLow, low],
      [high, nextHigh],
    ] as const) {
      if (windowEnd <= windowStart) continue;
      // Search a slice, so that a miss costs the window, not the rest of the text.
      const window = text.slice(windowStart, Math.min(to, windowEnd + exact.length - 1));
      for (let found = window.indexOf(exact); found >= 0; found = window.indexOf(exact, found + 1)) {
        const at = windowStart + found;
        const context = contextScore(quote, text, at);
        const distance = Math.abs(at - hint);
        if (!best || context > best.context || (context === best.context && distance < best.distance)) best = { start: at, context, distance };
      }
    }
    low = nextLow;
    high = nextHigh;
    // Anything further out is farther away: it can only win on context, and nothing beats a full one.
    if ((best && best.context === 1) || (low <= from && high >= to)) break;
    radius *= 4;
  }
  return best;
}

function bestFuzzy(quote: QuoteSelector, text: string, hint: number, searchBudget: SearchBudget): { start: number; end: number } | undefined {
  const budget = maxFuzzyErrors(quote.exact.length);
  if (budget === 0) return undefined;
  const passes = Math.ceil(quote.exact.length / 32);
  // Near the old place first: a close match there (at most half the budget) is taken without reading the whole text.
  const radius = nearRadius(quote.exact.length);
  if (text.length > 4 * radius) {
    const from = Math.max(0, hint - radius);
    const to = Math.min(text.length, hint + radius + quote.exact.length);
    if (!searchBudget.take('approximate', (to - from) * passes)) return undefined;
    const near = scoreFuzzy(quote, text, hint, searchApproximate(text, quote.exact, budget, { from, to, limit: 500 }));
    if ((near && near.errors <= budget / 2) || !searchBudget.take('approximate', text.length * passes)) return near;
  } else if (!searchBudget.take('approximate', text.length * passes)) {
    return undefined;
  }
  return scoreFuzzy(quote, text, hint, searchApproximate(text, quote.exact, budget, { limit: 500 }));
}

function scoreFuzzy(quote: QuoteSelector, text: string, hint: number, matches: readonly ApproximateMatch[]): { start: number; end: number; errors: number } | undefined {
  let best: { start: number; end: number; errors: number; score: number } | undefined;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / quote.exact.length;
    const prefixScore = quote.prefix.length === 0 ? 1 : 1 - editDistance(text.slice(Math.max(0, match.start - quote.prefix.length), match.start), quote.prefix) / quote.prefix.length;
    const suffixScore = quote.suffix.length === 0 ? 1 : 1 - editDistance(text.slice(match.end, match.end + quote.suffix.length), quote.suffix) / quote.suffix.length;
    const positionScore = 1 - Math.abs(match.start - hint) / Math.max(1, text.length);
    const score = QUOTE_WEIGHT * quoteScore + CONTEXT_WEIGHT * (prefixScore + suffixScore) + POSITION_WEIGHT * positionScore;
    if (!best || score > best.score) best = { start: match.start, end: match.end, errors: match.errors, score };
  }
  return best;
}
