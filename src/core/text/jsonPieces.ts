// JSON.stringify in chunks, so a caller can stop between them: serialising a large article's analysis (tens of thousands
// of mentions) in one call held the extension host for 100 ms and more (the workspace index's pack, from the profile of
// the typing test). Joined, the chunks are exactly JSON.stringify's text.

/** An object or array with at most this many items, all the way down, is serialised by one JSON.stringify call. */
const WHOLE_ITEMS = 256;

type Frame =
  | { readonly string: string; next: number }
  | { readonly array: readonly unknown[]; next: number }
  | { readonly object: Readonly<Record<string, unknown>>; readonly keys: readonly string[]; next: number; written: boolean };

/**
 * The text of `JSON.stringify(value)` (no replacer, no indentation) in chunks of about `size` characters or more,
 * cut between the items of arrays and the properties of objects (a small object is never cut) and inside a string longer
 * than `size` (never between the halves of a surrogate pair). Nothing for what JSON.stringify returns undefined for (undefined, a function, a symbol); throws
 * as it does on a cycle or a BigInt. Each chunk costs about as much as JSON.stringify of its text.
 */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function* jsonChunks(value: unknown, size = 64 * 1024): Generator<string, void, undefined> {
  const parts: string[] = [];
  let length = 0;
  const write = (text: string): void => {
    parts.push(text);
    length += text.length;
  };
  const stack: Frame[] = [];
  const open = new Set<object>();
  /** Writes a value whole, or opens it for the loop below to write a child at a time. */
  const start = (item: unknown): void => {
    if (typeof item === 'string' && item.length > size) {
      // a long string (an article's text) is written a piece at a time by the loop below
      write('"');
      stack.push({ string: item, next: 0 });
      return;
    }
    if (typeof item !== 'object' || item === null || (!hasToJSON(item) && small(item, size))) {
      write(JSON.stringify(item) as string);
      return;
    }
    if (open.has(item)) throw new TypeError('Converting circular structure to JSON');
    open.add(item);
    if (Array.isArray(item)) {
      write('[');
      stack.push({ array: item as unknown[], next: 0 });
    } else {
      write('{');
      stack.push({ object: item as Record<string, unknown>, keys: Object.keys(item), next: 0, written: false });
    }
  };

  const top = prepared(value, '');
  if (skipped(top)) return;
  start(top);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if ('string' in frame) {
      const text = frame.string;
      if (frame.next >= text.length) {
        write('"');
        stack.pop();
      } else {
        let end = Math.min(text.length, frame.next + size);
        // never between the two halves of a surrogate pair: alone, each half would be escaped (\udxxx)
        if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end = end - 1 > frame.next ? end - 1 : end + 1;
        // JSON.stringify escapes character by character, so the pieces' escaped texts join into the whole one's
        write((JSON.stringify(text.slice(frame.next, end)) as string).slice(1, -1));
        frame.next = end;
      }
    } else if ('array' in frame) {
      if (frame.next >= frame.array.length) {
        write(']');
        open.delete(frame.array);
        stack.pop();
      } else {
        const index = frame.next++;
        if (index > 0) write(',');
        const item = prepared(frame.array[index], String(index));
        if (skipped(item)) write('null');
        else start(item);
      }
    } else if (frame.next >= frame.keys.length) {
      write('}');
      open.delete(frame.object);
      stack.pop();
    } else {
      const key = frame.keys[frame.next++]!;
      const item = prepared(frame.object[key], key);
      if (!skipped(item)) {
        write(`${frame.written ? ',' : ''}${JSON.stringify(key)}:`);
        frame.written = true;
        start(item);
      }
    }
    if (length >= size) {
      yield parts.join('');
      parts.length = 0;
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/** What JSON.stringify serialises in place of `value` under `key`: its toJSON(key) when it has one. */
function prepared(value: unknown, key: string): unknown {
  return (typeof value === 'object' && value !== null) || typeof value === 'bigint' ? (hasToJSON(value) ? (value as { toJSON: (key: string) => unknown }).toJSON(key) : value) : value;
}

function hasToJSON(value: unknown): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** Whether JSON.stringify leaves a property with this value out (and writes null for it in an array). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** Whether an object or array holds at most WHOLE_ITEMS items, counted all the way down (stops counting past it). */
function small(value: object, size: number): boolean {
  let budget = WHOLE_ITEMS;
  let characters = size;
  const pending: object[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const items: readonly unknown[] = Array.isArray(next) ? next : Object.values(next);
    budget -= items.length;
    if (budget < 0) return false;
    for (const item of items) {
      if (typeof item === 'object' && item !== null) pending.push(item);
      else if (typeof item === 'string') {
        // long strings (together over a chunk) make it large: they are written a piece at a time
        characters -= item.length;
        if (characters < 0) return false;
      }
    }
  }
  return true;
}
