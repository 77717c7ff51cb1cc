// Whether any of some lower-case words occurs in a text lower-cased (learned corrections apply to an article only if
// one of their head words occurs in it), kept up to date across edits: lower-casing a megabyte at every version of an
// article being typed into cost the extension host 3-7 ms each time, and an edit can only add an occurrence where it
// typed or remove the one it typed over.
import { replacementBetween } from './textDifference';

/** `text` lower-cased as words are compared: the final sigma, which lower-casing picks by what follows, folded to σ. */
export function foldedLowerCase(text: string): string {
  return foldFinalSigma(text.toLowerCase());
}

/** Lower-casing picks the final sigma by what follows, which a word lower-cased alone and in its text can see apart. */
export function foldFinalSigma(s: string): string {
  return s.includes('ς') ? s.replace(/ς/g, 'σ') : s;
}

/** Characters of the text lower-cased at a time by a full search (occurrences across two pieces are found too). */
const PIECE = 64 * 1024;

/** Where an occurrence was found: a stretch of the text (source offsets) whose lower-cased form holds one. */
interface Witness {
  readonly start: number;
  readonly end: number;
}

/**
 * The first stretch of text[from, to) (widened to whole characters) whose lower-cased form contains one of `words`, or
 * undefined. An occurrence of a word of n code units covers at most n code units of the source (lower-casing never
 * shortens), so pieces overlapping by the longest word's length less one miss none.
 */
function findIn(text: string, words: readonly string[], from: number, to: number): Witness | undefined {
  const longest = words.reduce((max, w) => Math.max(max, w.length), 0);
  if (longest === 0) return undefined;
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  for (let at = start; at < end; at += PIECE) {
    const pieceEnd = Math.min(text.length, at + PIECE + longest - 1, end + longest - 1);
    // a piece starting or ending inside a surrogate pair is widened to hold the whole character
    const s = at > 0 && isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
    const e = pieceEnd < text.length && isLowSurrogate(text.charCodeAt(pieceEnd)) ? pieceEnd + 1 : pieceEnd;
    const lower = foldedLowerCase(text.slice(s, e));
    if (words.some((w) => w.length > 0 && lower.includes(w))) return { start: s, end: e };
    if (pieceEnd >= end + longest - 1 || pieceEnd >= text.length) break;
  }
  return undefined;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Whether one of `words` (lower-cased and folded, as foldedLowerCase gives them) occurs in a text, asked for one text
 * after another: after the first, each answer looks only at what changed since the text asked about before (one
 * replacement, found by comparing the two), unless the edit touched the occurrence the last answer rests on.
 */
export class LowerCasePresence {
  private last: { readonly text: string; readonly witness: Witness | undefined } | undefined;
  private readonly longest: number;

  constructor(private readonly words: readonly string[]) {
    this.longest = words.reduce((max, w) => Math.max(max, w.length), 0);
  }

  /** Whether `foldedLowerCase(text)` contains one of the words. */
  occursIn(text: string): boolean {
    const witness = this.witnessFor(text);
    this.last = { text, witness };
    return witness !== undefined;
  }

  private witnessFor(text: string): Witness | undefined {
    if (this.longest === 0) return undefined;
    const last = this.last;
    if (!last) return findIn(text, this.words, 0, text.length);
    if (last.text === text) return last.witness;
    const edit = replacementBetween(last.text, text);
    const shift = edit.text.length - (edit.end - edit.start);
    const witness = last.witness;
    if (witness && witness.end <= edit.start) return witness;
    if (witness && witness.start >= edit.end) return { start: witness.start + shift, end: witness.end + shift };
    if (witness) return findIn(text, this.words, 0, text.length);
    // none before: a new occurrence overlaps what the edit typed, or joins text across it
    return findIn(text, this.words, edit.start - this.longest, edit.start + edit.text.length + this.longest);
  }
}
