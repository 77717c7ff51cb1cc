// "Adjust Entity Span": a correction of an entity's boundaries (extend or shrink it to a selection), decided here so
// the editor only passes a mention and a selection. The correction is a lexicon `accept` of the new span's text with
// the entity's type: applyLexicon makes an accepted form win over the automatic spans it overlaps, in every article.
import type { EntityMention, LexiconEntry } from './analysisModel';
import { isMarkupFree } from './markupFreeSpans';

/** Longer than this, a selection is not a name (a code action would show it whole in its title). */
export const MAX_ADJUSTED_SPAN = 120;

export interface SpanAdjustment {
  /** The new span in the text, snapped to whole words and trimmed of spaces and punctuation at its ends. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The lexicon entry that makes the new span the entity, in every article. */
  readonly entry: LexiconEntry;
  /** 'shrink' (inside the old span), 'extend' (covers it), or 'shift' (overlaps it on one side only). */
  readonly kind: 'shrink' | 'extend' | 'shift';
}

const WORD = /[\p{L}\p{N}]/u;
/** Characters a name may end with: letters, digits, and a closing period of an abbreviation ("Jr.", "Ltd."). */
const EDGE_JUNK = /[\s,;:!?"'“”‘’«»()[\]{}<>|`\\/-]/u;

/**
 * The adjustment of `mention` to `selection` in `text`, or a reason (for the user) why there is none. The selection is
 * widened to whole words (a selection inside a word takes the word) and trimmed of white space and punctuation.
 */
export function adjustEntitySpan(text: string, mention: EntityMention, selection: { readonly start: number; readonly end: number }): SpanAdjustment | { readonly reason: string } {
  let start = Math.max(0, Math.min(selection.start, selection.end));
  let end = Math.min(text.length, Math.max(selection.start, selection.end));
  while (start < end && EDGE_JUNK.test(text[start]!)) start++;
  while (end > start && (EDGE_JUNK.test(text[end - 1]!) || (text[end - 1] === '.' && !isAbbreviationEnd(text, end)))) end--;
  if (start >= end) return { reason: 'Select the words the entity should cover, then adjust its span.' };
  while (start > 0 && WORD.test(text[start - 1]!) && WORD.test(text[start]!)) start--;
  while (end < text.length && WORD.test(text[end - 1]!) && WORD.test(text[end]!)) end++;
  const selected = text.slice(start, end);
  if (!(start < mention.end && mention.start < end)) return { reason: `The selection does not overlap “${mention.text}”; select text that includes part of it.` };
  if (start === mention.start && end === mention.end) return { reason: `“${mention.text}” already covers exactly the selection.` };
  if (/[\r\n]/.test(selected)) return { reason: 'An entity cannot run over a line break; select words within one paragraph.' };
  if (selected.length > MAX_ADJUSTED_SPAN) return { reason: `The selection is longer than ${MAX_ADJUSTED_SPAN} characters; select only the name.` };
  if (!isMarkupFree(text, start, end)) return { reason: 'An entity cannot contain brackets, braces, pipes, backticks or backslashes; select only the name.' };
  const kind = mention.start <= start && end <= mention.end ? 'shrink' : start <= mention.start && mention.end <= end ? 'extend' : 'shift';
  return { start, end, text: selected, entry: { text: selected, action: 'accept', type: mention.type }, kind };
}

/** A period that belongs to the word before it ("Jr.", "Ltd.", "U.S."): the word is short or has periods inside. */
function isAbbreviationEnd(text: string, end: number): boolean {
  const before = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, end - 12), end - 1))?.[0] ?? '';
  return before.length > 0 && (before.includes('.') || /^\p{Lu}\p{Ll}{0,2}$/u.test(before));
}
