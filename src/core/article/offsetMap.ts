// Maps offsets between a source text and a view built from slices of it, by binary search over the slices.
import type { TextSpan } from './articleModel';

/** A slice of the source shown verbatim in the view: view[viewStart + i] === source[sourceStart + i] for i < length. */
export interface OffsetSegment {
  readonly viewStart: number;
  readonly sourceStart: number;
  readonly length: number;
}

/**
 * Offsets are UTF-16 code-unit offsets; span ends are exclusive. A point maps when it lies in a segment or at its
 * end. A span maps to the part of it that is shown (clipped at hidden text), or undefined when none of it is.
 */
export class OffsetMap {
  private readonly viewStarts: number[];
  private readonly sourceStarts: number[];
  private readonly lengths: number[];

  /** Segments in view order, not overlapping, and in the same order in the source (so both searches are binary). */
  constructor(segments: readonly OffsetSegment[]) {
    const shown = segments.filter((s) => s.length > 0);
    shown.forEach((s, i) => {
      const previous = shown[i - 1];
      if (s.viewStart < 0 || s.sourceStart < 0) throw new RangeError('OffsetMap: negative offset');
      if (previous && (s.viewStart < previous.viewStart + previous.length || s.sourceStart < previous.sourceStart + previous.length)) {
        throw new RangeError('OffsetMap: segments must be ordered and non-overlapping in both texts');
      }
    });
    this.viewStarts = shown.map((s) => s.viewStart);
    this.sourceStarts = shown.map((s) => s.sourceStart);
    this.lengths = shown.map((s) => s.length);
  }

  /** The map of a view that is the source itself. */
  static identity(length: number): OffsetMap {
    return new OffsetMap([{ viewStart: 0, sourceStart: 0, length }]);
  }

  get segments(): readonly OffsetSegment[] {
    return this.lengths.map((length, i) => ({ viewStart: this.viewStarts[i]!, sourceStart: this.sourceStarts[i]!, length }));
  }

  toView(sourceOffset: number): number | undefined {
    return mapPoint(sourceOffset, this.sourceStarts, this.viewStarts, this.lengths);
  }

  toSource(viewOffset: number): number | undefined {
    return mapPoint(viewOffset, this.viewStarts, this.sourceStarts, this.lengths);
  }

  toViewSpan(start: number, end: number): TextSpan | undefined {
    return mapSpan(start, end, this.sourceStarts, this.viewStarts, this.lengths);
  }

  toSourceSpan(start: number, end: number): TextSpan | undefined {
    return mapSpan(start, end, this.viewStarts, this.sourceStarts, this.lengths);
  }
}

function mapPoint(offset: number, from: readonly number[], to: readonly number[], lengths: readonly number[]): number | undefined {
  const i = lastAtOrBefore(from, offset);
  if (i < 0 || offset > from[i]! + lengths[i]!) return undefined;
  return to[i]! + (offset - from[i]!);
}

function mapSpan(start: number, end: number, from: readonly number[], to: readonly number[], lengths: readonly number[]): TextSpan | undefined {
  if (!(start <= end)) return undefined;
  if (start === end) {
    const point = mapPoint(start, from, to, lengths);
    return point === undefined ? undefined : { start: point, end: point };
  }
  // First segment ending after start, last segment starting before end.
  const before = lastAtOrBefore(from, start);
  const first = before >= 0 && start < from[before]! + lengths[before]! ? before : before + 1;
  const last = lastAtOrBefore(from, end - 1);
  if (first > last || first >= from.length) return undefined;
  const clippedStart = Math.max(start, from[first]!);
  const clippedEnd = Math.min(end, from[last]! + lengths[last]!);
  if (clippedStart >= clippedEnd) return undefined;
  return { start: to[first]! + (clippedStart - from[first]!), end: to[last]! + (clippedEnd - from[last]!) };
}

/** Index of the last start <= offset, or -1. */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
