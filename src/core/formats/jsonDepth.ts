import { shorten } from './formatModel';

// How deep a parsed JSON value nests. JSON.parse reads any depth, but JSON.stringify, structuredClone and the
// importers' own walkers recurse, so a value nested deeper than MAX_JSON_DEPTH is refused with a message first.

/** Levels of arrays and objects a value read from a file may nest (a W3C item with selectors needs about 6). */
export const MAX_JSON_DEPTH = 200;

/** Whether `value` nests arrays and objects more than `limit` levels deep; iterative, so it cannot overflow itself. */
export function nestedDeeperThan(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const pending: { value: object; depth: number }[] = [];
  if (typeof value === 'object' && value !== null) pending.push({ value, depth: 1 });
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth > limit) return true;
    const children: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

/** The value as one line of JSON for a message, cut to `max` characters; never walks a value too deep to print. */
export function jsonPreview(value: unknown, max: number): string {
  if (nestedDeeperThan(value, 20)) return '(a value nested too deep to show)';
  return shorten(JSON.stringify(value) ?? String(value), max);
}
