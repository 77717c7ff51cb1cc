// Python tools (brat, spaCy, Prodigy, doccano) count offsets in code points; the core counts UTF-16 code units.

export interface CodePointOffsets {
  /** Code-point offset of a UTF-16 offset (an offset inside a surrogate pair counts as after the pair). */
  toCodePoint(utf16: number): number;
  /** UTF-16 offset of a code-point offset, or -1 when past the end. */
  toUtf16(codePoint: number): number;
  /** Length of the text in code points. */
  readonly length: number;
}

export function codePointOffsets(text: string): CodePointOffsets {
  if (!/[\uD800-\uDFFF]/.test(text)) {
    // The usual case: no astral characters, both counts agree.
    return {
      toCodePoint: (utf16) => utf16,
      toUtf16: (codePoint) => (codePoint >= 0 && codePoint <= text.length ? codePoint : -1),
      length: text.length,
    };
  }
  // starts[i] = UTF-16 offset of code point i; one more entry for the end.
  const starts: number[] = [];
  for (let i = 0; i < text.length; ) {
    starts.push(i);
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    i += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  starts.push(text.length);
  return {
    toCodePoint(utf16) {
      // The first code point starting at or after utf16.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < utf16) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    toUtf16: (codePoint) => (Number.isInteger(codePoint) && codePoint >= 0 && codePoint < starts.length ? starts[codePoint] : -1),
    length: starts.length - 1,
  };
}
