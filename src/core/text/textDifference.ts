// Where two versions of a text differ: the shared start and end, and the one edit that turns one into the other. An edit
// typed into a large article changes a few characters of a megabyte: what follows it (re-parsing, sending the text to
// the analysis worker) need only handle that part.

/** The length of the start `a` and `b` share: compared a block at a time (string equality is native), then by character. */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  const BLOCK = 4096;
  let at = 0;
  while (at + BLOCK <= limit && a.slice(at, at + BLOCK) === b.slice(at, at + BLOCK)) at += BLOCK;
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the shared end of `a` and `b`, not reaching into their shared start of length `prefix`. */
export function commonSuffixLength(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  const BLOCK = 4096;
  let n = 0;
  while (n + BLOCK <= limit && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** One replacement: `before.slice(start, end)` becomes `text`. */
export interface TextReplacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The smallest single replacement that turns `before` into `after` (an empty one, at 0, when they are equal). */
export function replacementBetween(before: string, after: string): TextReplacement {
  const prefix = commonPrefixLength(before, after);
  const suffix = commonSuffixLength(before, after, prefix);
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/** `text` with one replacement applied. */
export function applyReplacement(text: string, replacement: TextReplacement): string {
  return text.slice(0, replacement.start) + replacement.text + text.slice(replacement.end);
}
