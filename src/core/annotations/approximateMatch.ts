// Approximate substring search (Myers' bit-parallel edit distance, blocked after Hyyrö), as Hypothesis's approx-string-match does.

export interface ApproximateMatch {
  /** Span in the searched text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Levenshtein distance between the pattern and text.slice(start, end). */
  readonly errors: number;
}

/** Bit masks of where each character occurs in the pattern, 32 pattern positions per block. */
class PatternMasks {
  readonly blocks: number;
  /** The bit of the pattern's last character in the last block. */
  readonly lastBit: number;
  private readonly masks = new Map<number, Int32Array>();
  private readonly none: Int32Array;

  constructor(pattern: string) {
    this.blocks = Math.max(1, Math.ceil(pattern.length / 32));
    this.lastBit = 1 << ((pattern.length - 1) % 32);
    this.none = new Int32Array(this.blocks);
    for (let i = 0; i < pattern.length; i += 1) {
      const code = pattern.charCodeAt(i);
      let mask = this.masks.get(code);
      if (!mask) {
        mask = new Int32Array(this.blocks);
        this.masks.set(code, mask);
      }
      mask[i >> 5] |= 1 << (i & 31);
    }
    for (let code = 0; code < 128; code += 1) this.ascii.push(this.masks.get(code) ?? this.none);
  }

  /** ASCII through an array: the search loop looks a mask up for every character of the text. */
  private readonly ascii: Int32Array[] = [];

  of(code: number): Int32Array {
    if (code < 128) return this.ascii[code] ?? this.none;
    return this.masks.get(code) ?? this.none;
  }
}

/**
 * Calls `visit(i, distance)` after each character text[from + i*step] (i = 0, 1, ...) with the edit distance
 * between the pattern and the best text ending there: any start when `anchored` is false (search),
 * the walk's first character when it is true (global alignment of a prefix of the walk).
 * Returns early when `visit` returns false.
 */
function walkDistances(
  pattern: string,
  text: string,
  from: number,
  count: number,
  step: 1 | -1,
  anchored: boolean,
  visit: (i: number, distance: number) => boolean | void,
): void {
  const masks = new PatternMasks(pattern);
  const blocks = masks.blocks;
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  let distance = pattern.length;
  for (let i = 0, position = from; i < count; i += 1, position += step) {
    const eqs = masks.of(text.charCodeAt(position));
    // Row 0 is all zeros when searching (a match may start anywhere), 0, 1, 2... when anchored.
    let hin = anchored ? 1 : 0;
    for (let b = 0; b < blocks; b += 1) {
      const high = b === blocks - 1 ? masks.lastBit : 0x80000000 | 0;
      const pvb = pv[b];
      const mvb = mv[b];
      const eq = eqs[b] | (hin < 0 ? 1 : 0);
      const xv = eq | mvb;
      const xh = ((((eq & pvb) + pvb) | 0) ^ pvb) | eq;
      let ph = mvb | ~(xh | pvb);
      let mh = pvb & xh;
      const hout = (ph & high) !== 0 ? 1 : (mh & high) !== 0 ? -1 : 0;
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | (hin < 0 ? 1 : 0);
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hin = hout;
    }
    distance += hin;
    if (visit(i, distance) === false) return;
  }
}

/** Levenshtein distance (small strings: context and quotes). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const [pattern, text] = a.length <= b.length ? [a, b] : [b, a];
  let result = pattern.length;
  walkDistances(pattern, text, 0, text.length, 1, true, (_i, d) => {
    result = d;
  });
  return result;
}

/**
 * Every approximate occurrence of `pattern` in text[from, to) with at most `maxErrors` edits, one per local minimum
 * of the distance. When there are more than `limit`, keeps those with fewest errors.
 */
export function searchApproximate(
  text: string,
  pattern: string,
  maxErrors: number,
  options: { readonly from?: number; readonly to?: number; readonly limit?: number } = {},
): ApproximateMatch[] {
  const from = Math.max(0, options.from ?? 0);
  const to = Math.min(text.length, options.to ?? text.length);
  const limit = options.limit ?? 1000;
  if (pattern.length === 0 || to <= from) return [];
  maxErrors = Math.max(0, Math.min(Math.floor(maxErrors), pattern.length - 1));

  // Forward pass: the distance of the best match ending after each character; keep local minima within budget.
  const ends: { end: number; errors: number }[] = [];
  let previous = Number.POSITIVE_INFINITY;
  let pending: { end: number; errors: number } | undefined;
  walkDistances(pattern, text, from, to - from, 1, false, (i, d) => {
    if (pending && d > pending.errors) ends.push(pending);
    pending = undefined;
    if (d <= maxErrors && d <= previous) pending = { end: from + i + 1, errors: d };
    previous = d;
  });
  if (pending) ends.push(pending);
  if (ends.length > limit) {
    ends.sort((x, y) => x.errors - y.errors || x.end - y.end);
    ends.length = limit;
    ends.sort((x, y) => x.end - y.end);
  }

  // Backward pass from each end: the start with the fewest errors, closest to the pattern's length on ties.
  const matches: ApproximateMatch[] = [];
  const reversed = pattern.split('').reverse().join('');
  for (const { end, errors } of ends) {
    const span = Math.min(end - from, pattern.length + errors);
    let best = { start: end, errors: Number.POSITIVE_INFINITY };
    walkDistances(reversed, text, end - 1, span, -1, true, (i, d) => {
      const start = end - i - 1;
      if (d < best.errors || (d === best.errors && Math.abs(end - start - pattern.length) < Math.abs(end - best.start - pattern.length))) {
        best = { start, errors: d };
      }
    });
    if (best.errors <= maxErrors && best.start < end) matches.push({ start: best.start, end, errors: best.errors });
  }
  return matches;
}
