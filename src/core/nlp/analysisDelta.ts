// An analysis as what changed since an earlier one of the same article: typing into a large article changes a few
// mentions near the edit and moves the ones after it, so the analysis worker sends those instead of the whole result
// again. Structured-cloning a megabyte's result (tens of thousands of mentions, each with its strings) into the
// extension host, and collecting the garbage it left, was the host's longest stall after each pause in typing.
// applyAnalysisDelta(base, analysisDelta(base, next, shift)) has exactly the values and key order of `next`.
import type { Analysis, DateMention, EntityMention } from './analysisModel';

/**
 * A list as the first `head` items of the base list, then `middle`, then the base list's last `tail` items moved by
 * `shift` (their start and end; every other field as it was).
 */
export interface ListDelta<T> {
  readonly head: number;
  readonly middle: readonly T[];
  readonly tail: number;
  readonly shift: number;
}

/**
 * Aliases in their order: a number is the base's entry at that index (Object.entries order), else the entry itself;
 * 'same' when they are the base's (the base's object is reused: rebuilding thousands of entries is work of its own).
 */
export type AliasesDelta = 'same' | readonly (number | readonly [string, readonly string[]])[];

export type AnalysisDelta = Omit<Analysis, 'entities' | 'dates' | 'aliases'> & {
  readonly entities: ListDelta<EntityMention>;
  readonly dates: ListDelta<DateMention>;
  readonly aliases: AliasesDelta;
};

/**
 * What turns `base` into `next`, for a text whose mentions after the edit moved by `shift` (the new text's length
 * minus the old one's). Mentions are compared field by field (and in the same key order), so nothing is reused that is
 * not the same.
 */
export function analysisDelta(base: Analysis, next: Analysis, shift: number): AnalysisDelta {
  return { ...next, entities: listDelta(base.entities, next.entities, shift), dates: listDelta(base.dates, next.dates, shift), aliases: aliasesDelta(base.aliases, next.aliases) };
}

/** The analysis a delta describes, built on the base it was made against. */
export function applyAnalysisDelta(base: Analysis, delta: AnalysisDelta): Analysis {
  return applyAnalysisDeltaWithEntries(base, undefined, delta).analysis;
}

/** The aliases of an analysis as Object.entries lists them, kept beside it for the next delta applied to it. */
export type AliasEntries = readonly (readonly [string, readonly string[]])[];

/**
 * applyAnalysisDelta for a caller that applies one delta after another: it passes the base's alias entries it was given
 * (undefined: listed here) and gets the new analysis's, so a megabyte's thousands of aliases are not listed anew each
 * time.
 */
export function applyAnalysisDeltaWithEntries(base: Analysis, baseEntries: AliasEntries | undefined, delta: AnalysisDelta): { readonly analysis: Analysis; readonly aliasEntries: AliasEntries | undefined } {
  const aliases = applyAliasesDelta(base.aliases, baseEntries, delta.aliases);
  return { analysis: { ...delta, entities: applyListDelta(base.entities, delta.entities), dates: applyListDelta(base.dates, delta.dates), aliases: aliases.aliases }, aliasEntries: aliases.entries };
}

function listDelta<T extends { readonly start: number; readonly end: number }>(base: readonly T[], next: readonly T[], shift: number): ListDelta<T> {
  const limit = Math.min(base.length, next.length);
  let head = 0;
  while (head < limit && sameMention(base[head]!, next[head]!, 0)) head++;
  let tail = 0;
  while (tail < limit - head && sameMention(base[base.length - 1 - tail]!, next[next.length - 1 - tail]!, shift)) tail++;
  return { head, middle: next.slice(head, next.length - tail), tail, shift };
}

function applyListDelta<T extends { readonly start: number; readonly end: number }>(base: readonly T[], delta: ListDelta<T>): T[] {
  if (delta.head + delta.tail > base.length) throw new RangeError(`an analysis delta reuses ${delta.head + delta.tail} mentions of a base of ${base.length}`);
  // The list taken from the base at its new length (or the whole base, when shorter) and written over past the head: a
  // list grown by push from the head copies itself as it grows (a megabyte's 11,000 mentions: 1.01 MB per list with the
  // moved mentions, now 0.77), and one made at its length with new Array is sparse, slow to read.
  const length = delta.head + delta.middle.length + delta.tail;
  const list = base.slice(0, Math.min(length, base.length));
  let at = delta.head;
  for (let i = 0; i < delta.middle.length; i++, at++) {
    if (at < list.length) list[at] = delta.middle[i]!;
    else list.push(delta.middle[i]!);
  }
  const { shift } = delta;
  for (let i = base.length - delta.tail; i < base.length; i++, at++) {
    const item = base[i]!;
    // the spread keeps the key order; start and end are replaced where they stand
    const moved = shift === 0 ? item : { ...item, start: item.start + shift, end: item.end + shift };
    if (at < list.length) list[at] = moved;
    else list.push(moved);
  }
  return list;
}

/** Whether `b` is `a` moved by `shift`: the same keys in the same order, start and end moved, every other value equal. */
function sameMention(a: object, b: object, shift: number): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i]) return false;
    const va = (a as Record<string, unknown>)[key];
    const vb = (b as Record<string, unknown>)[key];
    if (key === 'start' || key === 'end') {
      if (typeof va !== 'number' || va + shift !== vb) return false;
    } else if (!sameValue(va, vb)) return false;
  }
  return true;
}

/** Deep equality of plain data (what a structured clone carries for an analysis: strings, numbers, null, arrays, objects). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i] || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function aliasesDelta(base: Analysis['aliases'], next: Analysis['aliases']): AliasesDelta {
  const baseEntries = Object.entries(base);
  const indexOf = new Map<string, number>();
  baseEntries.forEach(([key], i) => indexOf.set(key, i));
  const delta = Object.entries(next).map(([key, forms]) => {
    const at = indexOf.get(key);
    return at !== undefined && sameValue(baseEntries[at]![1], forms) ? at : ([key, forms] as const);
  });
  return delta.length === baseEntries.length && delta.every((entry, i) => entry === i) ? 'same' : delta;
}

function applyAliasesDelta(base: Analysis['aliases'], known: AliasEntries | undefined, delta: AliasesDelta): { aliases: Analysis['aliases']; entries: AliasEntries | undefined } {
  if (delta === 'same') return { aliases: base, entries: known };
  const baseEntries = known ?? Object.entries(base);
  const entries = delta.map((entry) => {
    if (typeof entry !== 'number') return entry;
    const reused = baseEntries[entry];
    if (!reused) throw new RangeError(`an analysis delta reuses alias entry ${entry} of a base of ${baseEntries.length}`);
    return reused;
  });
  return { aliases: objectOfEntries(entries), entries };
}

/**
 * Object.fromEntries of a megabyte's thousands of aliases, with a third of the garbage (2.1 MB for 7,300 entries, this
 * 0.75 MB: the dictionary's growth alone): set one by one. A key '__proto__' is an own key, as Object.fromEntries makes it.
 */
function objectOfEntries(entries: AliasEntries): Analysis['aliases'] {
  const object: Record<string, readonly string[]> = {};
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry[0] === '__proto__') Object.defineProperty(object, entry[0], { value: entry[1], writable: true, enumerable: true, configurable: true });
    else object[entry[0]] = entry[1];
  }
  return object;
}
