// Levels for drawing overlapping annotations one above the other.

/**
 * Interval stacking: each span gets the lowest level not used by a span it overlaps, so two annotations on the same or
 * nested text are drawn one above the other instead of on top of each other. Returns levels in input order.
 * Runs at every keystroke into an annotated article (the annotations after the edit move): it allocates its order, its
 * levels and the list of open spans, nothing per span.
 */
export function stackLevels(spans: readonly { readonly start: number; readonly end: number }[]): number[] {
  const order = new Array<number>(spans.length);
  for (let i = 0; i < spans.length; i++) order[i] = i;
  order.sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end);
  const levels = new Array<number>(spans.length).fill(0);
  // the spans still open at the current start, the first `open` of these: their ends and levels, side by side (their
  // lengths never shrink: setting an array's length lower gives up its storage, and each push then takes new storage)
  const openEnds: number[] = [];
  const openLevels: number[] = [];
  let open = 0;
  for (let o = 0; o < order.length; o++) {
    const i = order[o]!;
    const span = spans[i]!;
    let kept = 0;
    for (let k = 0; k < open; k++) {
      if (openEnds[k]! <= span.start) continue;
      openEnds[kept] = openEnds[k]!;
      openLevels[kept] = openLevels[k]!;
      kept++;
    }
    open = kept;
    let level = 0;
    for (let k = 0; k < open; k++) {
      // a level in use: try the next one, from the first open span again
      if (openLevels[k] === level) {
        level++;
        k = -1;
      }
    }
    levels[i] = level;
    openEnds[open] = span.end;
    openLevels[open] = level;
    open++;
  }
  return levels;
}
