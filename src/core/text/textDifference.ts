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

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The replacements that turn `before` into `after` where both fall into two parts that change on their own, split at
 * `beforeCut` and `afterCut` (a reading view's header, whose word count changes with any edit, and its body): at most
 * one per part, in `before`'s offsets, none when the texts are equal. Each starts and ends between code points, since
 * an editor moves an offset inside a surrogate pair (and the replacement would then take a character too many).
 */
export function replacementsByPart(before: string, after: string, beforeCut: number, afterCut: number): TextReplacement[] {
  const parts: TextReplacement[] = [];
  const part = (from: string, to: string, offset: number): void => {
    if (from === to) return;
    const { start, end } = replacementBetween(from, to);
    let first = start;
    let last = end;
    let toEnd = to.length - (from.length - end);
    if (first > 0 && isHighSurrogate(from.charCodeAt(first - 1))) first--;
    if (last < from.length && isLowSurrogate(from.charCodeAt(last))) {
      last++;
      toEnd++;
    }
    parts.push({ start: offset + first, end: offset + last, text: to.slice(first, toEnd) });
  };
  part(before.slice(0, beforeCut), after.slice(0, afterCut), 0);
  part(before.slice(beforeCut), after.slice(afterCut), beforeCut);
  const [head, body] = parts;
  // two replacements that meet at the cut are one (two insertions at one offset have no order an editor must keep)
  if (head && body && head.end >= body.start) return [{ start: head.start, end: body.end, text: head.text + before.slice(head.end, body.start) + body.text }];
  return parts;
}

/** `text` with replacements applied: in order, not overlapping, each in `text`'s offsets. */
export function applyReplacements(text: string, replacements: readonly TextReplacement[]): string {
  let result = text;
  for (let i = replacements.length - 1; i >= 0; i--) result = applyReplacement(result, replacements[i]!);
  return result;
}
