// Searches that stop at a bound. A search asked about a small span of a long text must cost the span, not the rest of
// the text: `text.indexOf('\n', at)` on a one-line megabyte, or a regex scanned from `lastIndex` until a match past
// the span's end, costs the whole remaining text each time, and done once per date, per paragraph or per line it grows
// with the square of the input (issue 12, defect 6).

/** The first index of `search` starting in [from, to) and ending by `to`, or -1. */
export function indexOfWithin(text: string, search: string, from: number, to: number): number {
  if (to <= from) return -1;
  const at = text.slice(from, to).indexOf(search);
  return at < 0 ? -1 : from + at;
}

/** The last index of `search` lying wholly inside [from, to), or -1. */
export function lastIndexOfWithin(text: string, search: string, from: number, to: number): number {
  if (to <= from) return -1;
  const at = text.slice(from, to).lastIndexOf(search);
  return at < 0 ? -1 : from + at;
}

/**
 * The matches of the global (or sticky) regex `re` inside text[from, to), offsets into `text`. A match never runs past
 * `to` (the regex sees the span as if the text ended there), so the scan reads the span only.
 */
export function* matchesWithin(re: RegExp, text: string, from: number, to: number): Generator<{ readonly index: number; readonly text: string }> {
  const span = text.slice(from, to);
  // a copy: the caller may use `re` again before the generator is done
  const scan = new RegExp(re.source, re.flags.includes('g') || re.flags.includes('y') ? re.flags : `${re.flags}g`);
  for (let m = scan.exec(span); m !== null; m = scan.exec(span)) {
    if (m[0] === '') scan.lastIndex += 1;
    yield { index: from + m.index, text: m[0] };
  }
}
